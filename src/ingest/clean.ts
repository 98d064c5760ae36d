import type { OmittedLine, Repair } from '../content/schema.ts';
import { splitSentences } from '../lib/sentences.ts';

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
/** How many lines from the bottom can hold promotions (jobs boards, newsletters). */
const PROMOTION_WINDOW = 6;

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
export const DATE_PATTERN = new RegExp(
  `(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`,
);
const DATELINE = new RegExp(
  `^[-–—•·|\\s]*(?:[A-Z][\\w ]{0,30}[|·:–—-]\\s*)?${DATE_PATTERN.source}\\s*$`,
);
const ROLE_WORDS =
  /\b(Director|Fellow|Professor|Editor|Correspondent|Analyst|Researcher|Lecturer|Chair|Head of|Candidate|Associate|Senior|Reporter|Contributor)\b/;
const PHOTO_AGENCY_CREDIT = /\b(?:REUTERS|AFP(?: PHOTO)?|EPA)\s?\/|\bAP Photo\b|\bGetty Images\b/;
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
  // An agency named in a sentence ("told AFP") is text; a caption credits it ("REUTERS/Name").
  if (/^FILE:/.test(t) || PHOTO_AGENCY_CREDIT.test(t)) return 'photo-caption';
  if (/\s\|\s/.test(t)) {
    const parts = t.split(/\s\|\s/);
    if (parts.some((p) => DATE_PATTERN.test(p))) return 'dateline';
    if (parts.every((p) => words(p) <= 4 && !isSentence(p))) return 'kicker';
  }
  // A role line follows the headline, so the first line of a page is never one.
  if (
    index > 0 &&
    index < 6 &&
    !isSentence(t) &&
    words(t) <= 14 &&
    ROLE_WORDS.test(t) &&
    !/[?]$/.test(t)
  ) {
    return 'byline';
  }
  if (/^By\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}$/.test(t)) return 'byline';
  return undefined;
}

/** Lines first to last of the source, and their text joined as one paragraph. */
interface Span {
  first: number;
  last: number;
  text: string;
}

function span(run: SourceLine[]): Span {
  const text = run.map((l) => l.text.trim()).join(' ');
  return { first: run[0]!.line, last: run[run.length - 1]!.line, text };
}

/** Runs of non-blank lines with no blank line between them: a paragraph, when it is hard-wrapped. */
function runsOf(nonBlank: SourceLine[]): SourceLine[][] {
  const runs: SourceLine[][] = [];
  for (const l of nonBlank) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1]!.line === l.line - 1) run.push(l);
    else runs.push([l]);
  }
  return runs;
}

/** Repairs characters that a lossy conversion broke, each disclosed: a '?' standing for an
 * apostrophe ("Central Asia?s") is a common trace of a curly quote lost in transit. */
export function repairLine(line: SourceLine): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const text = line.text.replace(
    /(?<=[A-Za-z])\?(?=(?:s|t|re|ll|ve|d|m)\b)/g,
    (match, offset: number) => {
      const start = Math.max(0, line.text.lastIndexOf(' ', offset) + 1);
      const endSpace = line.text.indexOf(' ', offset);
      const word = line.text.slice(start, endSpace === -1 ? undefined : endSpace);
      // In a URL or a query string ("page.php?s=1") the '?' is real.
      if (/[/=&.:]/.test(word.replace(/[.,;:!?)”"’]+$/, ''))) return match;
      repairs.push({
        line: line.line,
        from: word,
        to: word.replace('?', '’'),
        reason: "a '?' standing for an apostrophe",
      });
      return '’';
    },
  );
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

  // Promotions sit among the last lines of the page; what follows one there is part of it.
  const tailStart = Math.max(0, nonBlank.length - PROMOTION_WINDOW);
  for (let i = nonBlank.length - 1, inTail = true; i >= tailStart && inTail; i--) {
    const l = nonBlank[i]!;
    if (PROMOTION.test(l.text) && words(l.text) <= 15) {
      for (let j = i; j < nonBlank.length; j++) kinds.set(nonBlank[j]!.line, 'promotion');
    } else if (words(l.text) > 15) {
      inTail = false;
    }
  }

  // A pull quote repeats a sentence that the text prints in full elsewhere. A hard-wrapped source
  // spreads both over several lines, so a run of lines between blank lines is compared as a whole.
  // Sentences of the long spans are indexed once, so the check stays linear on large files.
  const runs = runsOf(nonBlank).map(span);
  const longLines = nonBlank.map((l) => span([l])).filter((s) => words(s.text) > 40);
  const longSpans = [...longLines, ...runs.filter((r) => r.first < r.last && words(r.text) > 40)];
  const printedIn = new Map<string, Span[]>();
  for (const o of longSpans) {
    for (const sentence of splitSentences(o.text)) {
      const where = printedIn.get(sentence);
      if (where) where.push(o);
      else printedIn.set(sentence, [o]);
    }
  }
  const repeats = (s: Span) => {
    if (!isSentence(s.text) || words(s.text) > 40) return false;
    const sentences = splitSentences(s.text);
    const elsewhere = (printedIn.get(sentences[0]!) ?? []).filter(
      (o) => o.last < s.first || o.first > s.last,
    );
    return elsewhere.some((o) => o.text.includes(s.text));
  };
  for (const r of runs) {
    const numbers = Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i);
    if (numbers.some((n) => kinds.has(n)) || !repeats(r)) continue;
    for (const n of numbers) kinds.set(n, 'pull-quote');
  }
  for (const l of nonBlank) {
    if (!kinds.has(l.line) && repeats(span([l]))) kinds.set(l.line, 'pull-quote');
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
