import type { DocumentType } from '../../content/schema.ts';
import { provenanceNotes, seasonName, type CitationRecord } from './record.ts';

/**
 * An RIS record, the format reference managers import. `PY` holds the year; `DA` adds what the
 * source states beyond it (`2010/04/26`, `2006///Autumn`) and is left out for a date the text
 * only implies. A group's name is written `Name,` (family name only) so that it is not split.
 */

const RIS_TYPES: Record<DocumentType, string> = {
  'policy-report': 'RPRT',
  'policy-brief': 'RPRT',
  'journal-article': 'JOUR',
  'news-analysis': 'NEWS',
  commentary: 'ELEC',
  article: 'ELEC',
};

export function risType(type: DocumentType): string {
  return RIS_TYPES[type];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One line per tag; values are kept on one line. */
export function ris(r: CitationRecord): string {
  const type = risType(r.type);
  const lines: [string, string][] = [['TY', type]];
  const tag = (name: string, value: string) => lines.push([name, value.replace(/\s+/g, ' ')]);
  tag('TI', r.title);
  for (const a of r.authors) {
    tag('AU', a.kind === 'organization' ? `${a.name},` : `${a.family}, ${a.given ?? ''}`.trim());
  }
  if (r.date) {
    const { year, month, day, season, supplied } = r.date;
    tag('PY', String(year));
    if (!supplied && season) tag('DA', `${year}///${seasonName(season)}`);
    else if (!supplied && month !== undefined) {
      tag('DA', `${year}/${pad(month)}/${day === undefined ? '' : pad(day)}`);
    }
  }
  if (r.publisher) {
    // The outlet of an article is its periodical; a report's is its publisher.
    tag(type === 'JOUR' || type === 'NEWS' ? 'T2' : 'PB', r.publisher.name);
  }
  tag('M3', r.typeLabel);
  tag('LA', r.language);
  tag('UR', r.url);
  tag('N1', provenanceNotes(r).join(' '));
  lines.push(['ER', '']);
  return lines.map(([name, value]) => `${name}  - ${value}`).join('\n');
}
