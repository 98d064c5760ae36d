import { isReport, provenanceNotes, type CitationRecord, type CitedName } from './record.ts';

/**
 * A BibTeX entry. Reports and briefs are `@techreport` (the publisher as institution), pieces in
 * an outlet are `@article` (the outlet as journal), anything without a publisher is `@misc`.
 * A group's name is braced whole so that BibTeX does not split it into first and last names;
 * the title is braced so that styles keep its capitals. The year is given only to the precision
 * it is known (a stated month as `month`); everything else the reader should know (a season,
 * an inferred date, an author known only by role, the source file's fingerprint) goes in `note`.
 */

const MONTH_MACROS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/** Escapes the characters that mean something to TeX; Unicode letters pass through. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${c}`;
    }
  });
}

function bibtexName(name: CitedName): string {
  if (name.kind === 'organization') return `{${bibtexEscape(name.name)}}`;
  const family = bibtexEscape(name.family);
  return name.given ? `${family}, ${bibtexEscape(name.given)}` : family;
}

export function bibtexType(r: CitationRecord): 'techreport' | 'article' | 'misc' {
  if (!r.publisher) return 'misc';
  return isReport(r.type) ? 'techreport' : 'article';
}

export function bibtex(r: CitationRecord): string {
  const type = bibtexType(r);
  const fields: [string, string][] = [];
  const field = (name: string, value: string) => fields.push([name, `{${value}}`]);
  if (r.authors.length > 0) field('author', r.authors.map(bibtexName).join(' and '));
  field('title', `{${bibtexEscape(r.title)}}`);
  if (type === 'techreport') field('institution', bibtexEscape(r.publisher!.name));
  if (type === 'article') field('journal', bibtexEscape(r.publisher!.name));
  if (type !== 'article') field('type', bibtexEscape(r.typeLabel));
  if (r.date) {
    field('year', String(r.date.year));
    if (r.date.month !== undefined) fields.push(['month', MONTH_MACROS[r.date.month - 1]!]);
  }
  field('url', r.url);
  field('note', bibtexEscape(provenanceNotes(r).join(' ')));
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@${type}{${r.id},\n${body}\n}`;
}
