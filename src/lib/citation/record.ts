import type { Author, DocumentData, DocumentType, PublishedDate } from '../../content/schema.ts';
import { displayDate } from '../dates.ts';
import { typeLabel } from '../labels.ts';
import { MONTHS } from '../dates';

/**
 * What every citation format needs to know about a document, computed once from its entry with
 * the honesty rules applied: names only where the source gives a name, dates only to the
 * precision they are known, and a flag on everything the source does not itself state. The
 * formatters (Chicago, APA, BibTeX, RIS, JSON-LD, Highwire) only arrange these facts.
 */

/** A name as a citation can use it. */
export type CitedName =
  | { kind: 'person'; family: string; given?: string; full: string }
  | { kind: 'organization'; name: string };

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

/** A publication date reduced to what is known for certain. */
export interface CitedDate {
  year: number;
  /** 1 to 12; only for a date the source states to the month or day. */
  month?: number;
  day?: number;
  /** For a date the source states as a season ("the autumn 2006 issue"). */
  season?: Season;
  /** Not stated in the source: inferred from the text by the ingest or an editor. */
  supplied: boolean;
  /** Not even the year is certain ("about 2014"), as opposed to a range within one year. */
  uncertain: boolean;
}

export interface CitationRecord {
  /** The entry's slug: the BibTeX key and part of the page URL. */
  id: string;
  title: string;
  /** The source has no headline; the title is the editors'. */
  titleSupplied: boolean;
  type: DocumentType;
  /** "Policy report". */
  typeLabel: string;
  /** Authors the source names; a group's name is kept whole. */
  authors: CitedName[];
  /** Authors the source describes only by a role: for notes, never used as a name. */
  unnamedRoles: string[];
  publisher?: { name: string; supplied: boolean };
  date?: CitedDate;
  /** The date as the page shows it ("Autumn 2006", "about 2014", "between ... and ..."). */
  dateText: string;
  language: string;
  /** The canonical URL of the document's page on this site. */
  url: string;
  /** This publication's name. */
  siteName: string;
  /** sha256 of the source file as received. */
  sourceSha256: string;
}

/**
 * Words that mark a name as a group's rather than a person's. The schema does not say which an
 * author is; a name that is one word, or that holds one of these, is cited whole, never split
 * into given and family names.
 */
const ORGANIZATION_WORDS =
  /\b(?:Group|Institute|Council|Committee|Commission|Organi[sz]ation|Cent(?:er|re)|Association|Foundation|Office|Ministry|Agency|Secretariat|Forum|Network|Team|Staff|Board|University|Programme|Program|Initiative|Society|Service|Department|Project)\b/;

export function isOrganizationName(name: string): boolean {
  return !/\s/.test(name.trim()) || ORGANIZATION_WORDS.test(name);
}

/** "Galymzhan Kirbassov" -> family "Kirbassov", given "Galymzhan": the last word is the family name. */
export function citedName(name: string): CitedName {
  const full = name.trim().replace(/\s+/g, ' ');
  if (isOrganizationName(full)) return { kind: 'organization', name: full };
  const words = full.split(' ');
  const family = words.pop()!;
  return { kind: 'person', family, given: words.join(' '), full };
}

function citedAuthors(authors: Author[]): { authors: CitedName[]; unnamedRoles: string[] } {
  return {
    authors: authors.flatMap((a) => (a.name ? [citedName(a.name)] : [])),
    unnamedRoles: authors.flatMap((a) => (!a.name && a.role ? [a.role] : [])),
  };
}

function numbers(iso: string): { year: number; month?: number; day?: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month, day };
}

/**
 * The date at the precision it is known. A date the source states keeps its day, month or
 * season; a date the text only implies keeps its year alone: for a range, only if both ends
 * fall in the same year (else there is no certain year and the citation is undated); for an
 * estimate ("about 2014"), marked uncertain.
 */
export function citedDate(published: PublishedDate | undefined): CitedDate | undefined {
  if (!published) return undefined;
  const start = numbers(published.date);
  if (published.origin === 'source') {
    switch (published.precision) {
      case 'day':
        return { ...start, supplied: false, uncertain: false };
      case 'month':
        return { year: start.year, month: start.month, supplied: false, uncertain: false };
      case 'season':
        return { year: start.year, season: published.season, supplied: false, uncertain: false };
      case 'year':
        return { year: start.year, supplied: false, uncertain: false };
      case 'range':
        break;
    }
  }
  if (published.precision === 'range') {
    const end = numbers(published.until ?? published.date);
    if (end.year !== start.year) return undefined;
    return { year: start.year, supplied: published.origin !== 'source', uncertain: false };
  }
  return { year: start.year, supplied: true, uncertain: true };
}

/**
 * The day a document was published, for formats that need a full date (RSS, JSON Feed): only
 * when the source states the day.
 */
export function statedDay(
  published: PublishedDate | undefined,
): { year: number; month: number; day: number } | undefined {
  const date = citedDate(published);
  if (!date || date.supplied || date.month === undefined || date.day === undefined) return;
  return { year: date.year, month: date.month, day: date.day };
}

/** A summary for a feed: the ingest's unreviewed draft says that it is one, as the page does. */
export function summaryText(summary: DocumentData['summary']): string {
  return summary.by === 'machine' ? `Machine-drafted summary: ${summary.text}` : summary.text;
}

export interface PageContext {
  /** The entry's id (slug). */
  id: string;
  /** Canonical URL of the document's page. */
  url: string;
  siteName: string;
}

/** The fields of an entry a citation reads (a collection entry's data fits too). */
export type CitableData = Pick<
  DocumentData,
  'title' | 'titleOrigin' | 'type' | 'authors' | 'publisher' | 'published' | 'language' | 'source'
>;

export function citationRecord(data: CitableData, page: PageContext): CitationRecord {
  return {
    id: page.id,
    title: data.title,
    titleSupplied: data.titleOrigin !== 'source',
    type: data.type,
    typeLabel: typeLabel(data.type),
    ...citedAuthors(data.authors),
    publisher: data.publisher && {
      name: data.publisher.name,
      supplied: data.publisher.origin !== 'source',
    },
    date: citedDate(data.published),
    dateText: displayDate(data.published).text,
    language: data.language,
    url: page.url,
    siteName: page.siteName,
    sourceSha256: data.source.sha256,
  };
}

/** Reports and briefs stand alone; the other types appear in an outlet (journal, magazine). */
export function isReport(type: DocumentType): boolean {
  return type === 'policy-report' || type === 'policy-brief';
}

export function monthName(month: number): string {
  return MONTHS[month - 1]!;
}

export function seasonName(season: Season): string {
  return season[0]!.toUpperCase() + season.slice(1);
}

/**
 * Sentences for a note field (BibTeX `note`, RIS `N1`): where the original appeared, what the
 * source does not state, and the fingerprint of the file this text was taken from.
 */
export function provenanceNotes(record: CitationRecord): string[] {
  const publisher = record.publisher?.name ?? 'publisher not named in the source';
  const when = record.dateText === 'Date unknown' ? 'date unknown' : record.dateText;
  const notes = [`Original: ${publisher}, ${when}.`];
  if (record.titleSupplied)
    notes.push('Title supplied by the editors; the source has no headline.');
  if (record.publisher?.supplied) notes.push('Publisher inferred from the text.');
  if (record.date?.supplied) notes.push('Date inferred from the text, not stated in the source.');
  for (const role of record.unnamedRoles) {
    notes.push(`Author named in the source only by role: ${role}.`);
  }
  notes.push(`Reproduced in ${record.siteName}.`);
  notes.push(`Source file SHA-256: ${record.sourceSha256}.`);
  return notes;
}
