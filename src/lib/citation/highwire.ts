import { isReport, type CitationRecord, type CitedDate } from './record.ts';

/**
 * Highwire Press `citation_*` meta tags, which reference managers (Zotero, Mendeley) and Google
 * Scholar read from a page. Authors only where the source names them, the date only to its
 * known precision (`2010/04/26`, `2006`), the publisher as the entry gives it.
 */

export interface MetaTag {
  name: string;
  content: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Highwire's date form: "2010/04/26", "2010/04" or "2010". */
export function highwireDate(date: CitedDate): string {
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}/${pad(date.month)}`;
  return `${date.year}/${pad(date.month)}/${pad(date.day)}`;
}

export function highwireTags(r: CitationRecord): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: r.title }];
  const tag = (name: string, content: string) => tags.push({ name, content });
  for (const a of r.authors) tag('citation_author', a.kind === 'organization' ? a.name : a.full);
  if (r.date) tag('citation_publication_date', highwireDate(r.date));
  if (r.publisher) {
    tag('citation_publisher', r.publisher.name);
    if (r.type === 'journal-article') tag('citation_journal_title', r.publisher.name);
    if (isReport(r.type)) tag('citation_technical_report_institution', r.publisher.name);
  }
  tag('citation_language', r.language);
  tag('citation_fulltext_html_url', r.url);
  return tags;
}
