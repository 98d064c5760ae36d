import type { OmittedLine, Repair } from '../content/schema.ts';

/** A line of the decoded source, numbered from 1. */
export interface SourceLine {
  line: number;
  text: string;
}

/** What a line around the document is, when it is not part of the document's text. */
export type FurnitureKind =
  | 'breadcrumb'
  | 'counter'
  | 'kicker'
  | 'section-label'
  | 'dateline'
  | 'byline'
  | 'photo-credit'
  | 'photo-caption'
  | 'repeated-headline'
  | 'pull-quote'
  | 'promotion';

export interface OmittedSourceLine extends OmittedLine {
  kind: FurnitureKind;
}

export interface CleanedDocument {
  /** The document's own lines, in order; blank lines kept (they separate paragraphs). */
  lines: SourceLine[];
  omitted: OmittedSourceLine[];
  repairs: Repair[];
  /** Line number of the last line of page furniture above the text (0 when there is none):
   * lines before it that are kept are the headline and standfirst. */
  headerEnd: number;
}

const REASONS: Record<FurnitureKind, string> = {
  breadcrumb: 'breadcrumb navigation of the web page',
  counter: 'view, reading-time or comment counter of the web page',
  kicker: 'section kicker of the web page',
  'section-label': 'site section label above the headline',
  dateline: 'dateline (its date and type are used as evidence above)',
  byline: 'byline (used as evidence for the authors)',
  'photo-credit': 'photo credit',
  'photo-caption': 'photo caption with its agency credit',
  'repeated-headline': 'headline repeated by the web page',
  'pull-quote': 'pull quote (the sentence appears in the text)',
  promotion: 'promotion of the website, not part of the document',
};

/** How many lines from the top can hold page furniture (breadcrumbs, kickers, captions). */
const HEADER_WINDOW = 20;

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
export const DATE_PATTERN = new RegExp(
  `(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`,
);
const DATELINE = new RegExp(`^[-–—•·|\\s]*(?:[A-Z][\\w ]{0,30}[|·:–—-]\\s*)?${DATE_PATTERN.source}\\s*$`);
const ROLE_WORDS =
  /\b(Director|Fellow|Professor|Editor|Correspondent|Analyst|Researcher|Lecturer|Chair|Head of|Candidate|Associate|Senior|Reporter|Contributor)\b/;
const PROMOTION =
  /(dreaming of a career|jobs? board|find your .*job|subscribe|sign up|newsletter|advertisement|follow us|share this (article|story))/i;

export function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** True for a line that reads as prose: it ends like a statement. A headline may end with '?'. */
export function isSentence(text: string): boolean {
  return /[.!…]["”’)]?$/.test(text.trim()) && words(text) >= 4;
}

function isBlank(text: string): boolean {
  return /^[\s\u00a0]*$/.test(text);
}

/** Classifies a line near the top of the page, or returns undefined for document text. */
function headerFurniture(text: string, index: number): FurnitureKind | undefined {
  const t = text.trim();
  if (/^[^>]{1,60}(\s>\s[^>]+)+$/.test(t)) return 'breadcrumb';
  if (words(t) <= 10 && /\b\d[\d,.]*\s*(views?|comments?|min(ute)?s?( read)?)\b/i.test(t)) {
    return 'counter';
  }
  if (DATELINE.test(t)) return 'dateline';
  if (/^(photo |image )?(credit|source|photo|image)s?:/i.test(t)) return 'photo-credit';
  if (/^FILE:/.test(t) || /\b(REUTERS|AP Photo|AFP|Getty Images|EPA)\b\/?/.test(t)) {
    return 'photo-caption';
  }
  if (/\s\|\s/.test(t)) {
    const parts = t.split(/\s\|\s/);
    if (parts.some((p) => DATE_PATTERN.test(p))) return 'dateline';
    if (parts.every((p) => words(p) <= 4 && !isSentence(p))) return 'kicker';
  }
  if (index < 6 && !isSentence(t) && words(t) <= 14 && ROLE_WORDS.test(t) && !/[?]$/.test(t)) {
    return 'byline';
  }
  if (/^By\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}$/.test(t)) return 'byline';
  return undefined;
}

/** Repairs characters that a lossy conversion broke, each disclosed: a '?' standing for an
 * apostrophe ("Central Asia?s") is a common trace of a curly quote lost in transit. */
export function repairLine(line: SourceLine): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const text = line.text.replace(/(?<=[A-Za-z])\?(?=(?:s|t|re|ll|ve|d|m)\b)/g, (match, offset: number) => {
    const start = Math.max(0, line.text.lastIndexOf(' ', offset) + 1);
    const endSpace = line.text.indexOf(' ', offset);
    const word = line.text.slice(start, endSpace === -1 ? undefined : endSpace);
    repairs.push({
      line: line.line,
      from: word,
      to: word.replace('?', '’'),
      reason: "a '?' standing for an apostrophe",
    });
    return '’';
  });
  return { text, repairs };
}

/** Separates the document from the web page around it. Nothing is dropped: every line that is
 * not the document's text comes back in `omitted`, with its number and the reason. */
export function clean(text: string): CleanedDocument {
  const all: SourceLine[] = text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
  const kinds = new Map<number, FurnitureKind>();

  const nonBlank = all.filter((l) => !isBlank(l.text));
  const header = nonBlank.slice(0, HEADER_WINDOW);
  header.forEach((l, i) => {
    const kind = headerFurniture(l.text, i);
    if (kind) kinds.set(l.line, kind);
  });

  // A short line printed again (the headline, by templates that repeat it) is kept once.
  const seen = new Set<string>();
  for (const l of header) {
    const key = l.text.trim();
    if (kinds.has(l.line)) continue;
    if (seen.has(key) && words(key) <= 20) kinds.set(l.line, 'repeated-headline');
    seen.add(key);
  }

  // Labels of one or two words above the headline are site sections ("Crossroads Asia", "Reports").
  const firstTitleLike = header.find(
    (l) => !kinds.has(l.line) && words(l.text) >= 3 && !isSentence(l.text),
  );
  for (const l of header) {
    if (firstTitleLike && l.line >= firstTitleLike.line) break;
    if (!kinds.has(l.line) && words(l.text) <= 2 && !isSentence(l.text)) {
      kinds.set(l.line, 'section-label');
    }
  }
  // Section labels repeated later in the header (e.g. "Recent Features") are labels too.
  const labels = new Set(
    header.filter((l) => kinds.get(l.line) === 'section-label').map((l) => l.text.trim()),
  );
  for (const l of header) {
    if (!kinds.has(l.line) && words(l.text) <= 2 && !isSentence(l.text)) {
      const next = header[header.indexOf(l) + 1];
      if (labels.size > 0 && next && kinds.has(next.line)) kinds.set(l.line, 'section-label');
    }
  }

  const headerLines = header.filter((l) => kinds.has(l.line));
  const headerEnd = headerLines.length ? headerLines[headerLines.length - 1]!.line : 0;

  // Promotions sit at the end of the page; what follows one there is part of it.
  for (let i = nonBlank.length - 1, inTail = true; i >= 0 && inTail; i--) {
    const l = nonBlank[i]!;
    if (PROMOTION.test(l.text) && words(l.text) <= 15) {
      for (let j = i; j < nonBlank.length; j++) kinds.set(nonBlank[j]!.line, 'promotion');
    } else if (words(l.text) > 15) {
      inTail = false;
    }
  }

  // A pull quote repeats a sentence that the text prints in full elsewhere.
  const longLines = nonBlank.filter((l) => words(l.text) > 40);
  for (const l of nonBlank) {
    if (kinds.has(l.line) || !isSentence(l.text) || words(l.text) > 40) continue;
    const t = l.text.trim();
    if (longLines.some((other) => other.line !== l.line && other.text.includes(t))) {
      kinds.set(l.line, 'pull-quote');
    }
  }

  const lines: SourceLine[] = [];
  const omitted: OmittedSourceLine[] = [];
  const repairs: Repair[] = [];
  for (const l of all) {
    const kind = kinds.get(l.line);
    if (kind) {
      omitted.push({ line: l.line, text: l.text, reason: REASONS[kind], kind });
      continue;
    }
    if (isBlank(l.text)) {
      lines.push({ line: l.line, text: '' });
      continue;
    }
    const repaired = repairLine(l);
    repairs.push(...repaired.repairs);
    lines.push({ line: l.line, text: repaired.text });
  }
  return { lines, omitted, repairs, headerEnd };
}
