import type { Author, DocumentType, Origin, PublishedDate } from '../content/schema.ts';
import { MONTHS } from '../lib/dates.ts';
import { splitSentences } from '../lib/sentences.ts';
import { DATE_PATTERN, type CleanedDocument } from './clean.ts';
import type { StructuredDocument } from './structure.ts';
import { draftSummary, type DraftSummary } from './summarize.ts';
import { buildMatcher, findMentions, type Matcher } from '../lib/entities/matcher.ts';
import type { EntityEntry } from '../lib/entities/registry.ts';

/** A matcher for the registry's countries only. */
export function countryMatcher(entities: readonly EntityEntry[]): Matcher {
  return buildMatcher(entities.filter((e) => e.data.kind === 'country'));
}

/** Metadata found in the text, each value with the words it came from. Unknown stays unknown. */
export interface Enrichment {
  published?: PublishedDate;
  type: { value: DocumentType; origin: Origin; evidence: string };
  publisher?: { name: string; origin: Origin; evidence: string };
  authors: Author[];
  countries: string[];
  language: string;
  summary: DraftSummary;
}

const SEASON_START: Record<
  string,
  { season: 'spring' | 'summer' | 'autumn' | 'winter'; month: string }
> = {
  spring: { season: 'spring', month: '03' },
  summer: { season: 'summer', month: '06' },
  autumn: { season: 'autumn', month: '09' },
  fall: { season: 'autumn', month: '09' },
  winter: { season: 'winter', month: '12' },
};

function monthNumber(name: string): string | undefined {
  const prefix = name.toLowerCase().replace('.', '').slice(0, 3);
  const i = MONTHS.findIndex((m) => m.toLowerCase().startsWith(prefix));
  return i === -1 ? undefined : String(i + 1).padStart(2, '0');
}

/** Reads "April 26, 2010", "26 April 2010" or "2010-04-26" as an ISO date. */
export function parseDate(text: string): string | undefined {
  const iso = text.match(/(\d{4})-(\d{2})-(\d{2})/);
  if (iso) return iso[0];
  const mdy = text.match(/([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})/);
  const dmy = text.match(/(\d{1,2})\s+([A-Z][a-z]+)\.?\s+(\d{4})/);
  const [month, day, year] = mdy
    ? [mdy[1]!, mdy[2]!, mdy[3]!]
    : dmy
      ? [dmy[2]!, dmy[1]!, dmy[3]!]
      : [];
  if (!month || !day || !year) return undefined;
  const m = monthNumber(month);
  return m ? `${year}-${m}-${day.padStart(2, '0')}` : undefined;
}

function sentencesOf(doc: StructuredDocument): string[] {
  return doc.blocks.filter((b) => b.kind === 'paragraph').flatMap((b) => splitSentences(b.text));
}

/** The publication date: a dateline, then a dated issue ("the autumn 2006 issue"), else an
 * inference from the latest year the text mentions, marked as such. */
export function findPublished(
  cleaned: CleanedDocument,
  doc: StructuredDocument,
): PublishedDate | undefined {
  for (const line of cleaned.omitted.filter((o) => o.kind === 'dateline')) {
    const date = parseDate(line.text);
    if (date) return { date, precision: 'day', origin: 'source', evidence: line.text.trim() };
  }
  const sentences = sentencesOf(doc);
  for (const s of sentences) {
    const season = s.match(/\b(spring|summer|autumn|fall|winter)\s+(\d{4})\s+(issue|edition)\b/i);
    if (season) {
      const { season: name, month } = SEASON_START[season[1]!.toLowerCase()]!;
      return {
        date: `${season[2]}-${month}`,
        precision: 'season',
        season: name,
        origin: 'source',
        evidence: s,
      };
    }
    const month = s.match(/\b([A-Z][a-z]+)\s+(\d{4})\s+(issue|edition)\b/);
    const m = month && monthNumber(month[1]!);
    if (month && m)
      return { date: `${month[2]}-${m}`, precision: 'month', origin: 'source', evidence: s };
    const posted = s.match(
      new RegExp(`\\b(published|posted|dated)\\s+(on\\s+)?(${DATE_PATTERN.source})`, 'i'),
    );
    const postedDate = posted && parseDate(posted[3]!);
    if (postedDate) return { date: postedDate, precision: 'day', origin: 'source', evidence: s };
  }
  let latest: { year: number; sentence: string } | undefined;
  for (const s of sentences) {
    // Only years used as dates ("in 2014", "July 2022", "August 9, 2024"), not in names ("Central Asia – 2040").
    for (const m of s.matchAll(YEAR_AS_DATE)) {
      const year = Number(m[1] ?? m[2]);
      if (!latest || year > latest.year) latest = { year, sentence: s };
    }
  }
  if (!latest) return undefined;
  return {
    date: String(latest.year),
    precision: 'year',
    origin: 'inferred',
    evidence: `No date line. The latest year the text mentions is ${latest.year}: “${latest.sentence}”`,
  };
}

const YEAR_AS_DATE =
  /\b(?:in|since|by|until|of|during|from)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(19[5-9]\d|20\d\d)\b|\b[A-Z][a-z]+\s+\d{1,2},\s+(19[5-9]\d|20\d\d)\b/g;

const TYPE_WORDS: Array<[RegExp, DocumentType]> = [
  [/\bpolicy report\b/i, 'policy-report'],
  [/\bpolicy brief\b/i, 'policy-brief'],
  [/\b(commentary|op-ed|opinion)\b/i, 'commentary'],
  [/\banalysis\b/i, 'news-analysis'],
];

/** The document type: stated in a dateline or kicker, else inferred from what the text says of itself. */
export function findType(cleaned: CleanedDocument, doc: StructuredDocument): Enrichment['type'] {
  for (const line of cleaned.omitted.filter((o) => o.kind === 'dateline' || o.kind === 'kicker')) {
    for (const [pattern, value] of TYPE_WORDS) {
      if (pattern.test(line.text)) return { value, origin: 'source', evidence: line.text.trim() };
    }
  }
  const sentences = sentencesOf(doc);
  const clues: Array<[RegExp, DocumentType]> = [
    [/\b(article|essay) (originally )?appeared in\b.*\bissue\b/i, 'journal-article'],
    [/\b(my|this|our) policy brief\b/i, 'policy-brief'],
    [/\bguest post\b/i, 'commentary'],
    [/\b(this|our) (policy )?report\b/i, 'policy-report'],
  ];
  for (const [pattern, value] of clues) {
    const s = sentences.find((x) => pattern.test(x));
    if (s) return { value, origin: 'inferred', evidence: s };
  }
  const label = cleaned.omitted.find(
    (o) => o.kind === 'section-label' && /\bfeatures?\b/i.test(o.text),
  );
  if (label) {
    return {
      value: 'news-analysis',
      origin: 'inferred',
      evidence: `Site section: “${label.text.trim()}”`,
    };
  }
  return {
    value: 'article',
    origin: 'inferred',
    evidence: 'The text does not say what kind of document it is.',
  };
}

const NAME = "[A-Z][\\w’'.-]*(?: (?:of |the |for )?[A-Z][\\w’'.-]*)*";

/** The publisher, where the text names the outlet or the institution behind the document. */
export function findPublisher(
  cleaned: CleanedDocument,
  doc: StructuredDocument,
): Enrichment['publisher'] {
  const sentences = sentencesOf(doc);
  const issue = sentences
    .map((s) => ({ s, m: s.match(new RegExp(`\\bissue of (?:the )?(${NAME})`)) }))
    .find((x) => x.m);
  if (issue)
    return { name: issue.m![1]!.replace(/[.,;:]+$/, ''), origin: 'source', evidence: issue.s };
  for (const o of cleaned.omitted.filter((x) => x.kind === 'promotion')) {
    const m = o.text.match(new RegExp(`(${NAME})[’']s (?:jobs board|newsletter|website)`));
    if (m) return { name: m[1]!.replace(/^Try /, ''), origin: 'inferred', evidence: o.text.trim() };
  }
  const patterns = [
    new RegExp(`\\bconvened by (?:the )?(${NAME})`),
    new RegExp(`\\bon the (${NAME}) website\\b`),
    new RegExp(`\\bpublished by (?:the )?(${NAME})`),
  ];
  for (const pattern of patterns) {
    for (const s of sentences) {
      const m = s.match(pattern);
      if (m) return { name: m[1]!.replace(/[.,;:]+$/, ''), origin: 'inferred', evidence: s };
    }
  }
  return undefined;
}

/** Authors the text names ("a guest post from ...", "By ...") or describes only by role. */
export function findAuthors(cleaned: CleanedDocument, doc: StructuredDocument): Author[] {
  const authors: Author[] = [];
  for (const o of cleaned.omitted.filter((x) => x.kind === 'byline')) {
    const by = o.text.trim().match(/^By\s+(.+)$/);
    if (by) authors.push({ name: by[1]!, origin: 'source', evidence: o.text.trim() });
    else authors.push({ role: o.text.trim(), origin: 'source', evidence: o.text.trim() });
  }
  for (const s of sentencesOf(doc)) {
    const m = s.match(
      new RegExp(
        `\\bguest (?:post|column|commentary) (?:from|by) (${NAME}), (?:an? )?(.+?)(?: at (${NAME}))?\\.$`,
      ),
    );
    if (m) {
      authors.push({
        name: m[1]!,
        role: m[2]!,
        ...(m[3] ? { affiliation: m[3] } : {}),
        origin: 'source',
        evidence: s,
      });
    }
  }
  return authors;
}

/** The countries the text names (by name, alias or demonym in the entity registry), most
 * mentioned first, as entity ids. The registry is the one list of country names. */
export function findCountries(doc: StructuredDocument, matcher: Matcher | undefined): string[] {
  if (!matcher) return [];
  const blocks = doc.blocks.map((b, i) => ({ id: `b${i}`, kind: b.kind, text: b.text }));
  const counts = new Map<string, number>();
  for (const m of findMentions(matcher, blocks))
    counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([id]) => id);
}

const ENGLISH = /\b(the|and|of|to|in|is|that|for|with|on|as|by|are|this|be)\b/gi;

/** "en" when common English words make up a real share of the text, otherwise undetermined. */
export function findLanguage(doc: StructuredDocument): string {
  const text = doc.blocks.map((b) => b.text).join(' ');
  const total = text.split(/\s+/).length;
  return (text.match(ENGLISH)?.length ?? 0) / Math.max(total, 1) > 0.1 ? 'en' : 'und';
}

/** `countries` is the registry's countries made into a matcher (see countryMatcher); without
 * one, no countries are found. */
export function enrich(
  cleaned: CleanedDocument,
  doc: StructuredDocument,
  countries?: Matcher,
): Enrichment {
  const published = findPublished(cleaned, doc);
  const publisher = findPublisher(cleaned, doc);
  return {
    ...(published ? { published } : {}),
    type: findType(cleaned, doc),
    ...(publisher ? { publisher } : {}),
    authors: findAuthors(cleaned, doc),
    countries: findCountries(doc, countries),
    language: findLanguage(doc),
    summary: draftSummary(doc),
  };
}
