import {
  isReport,
  monthName,
  seasonName,
  type CitationRecord,
  type CitedDate,
  type CitedName,
} from './record.ts';

/**
 * Formatted citations: Chicago (17th edition, bibliography entry) and APA (7th edition,
 * reference list entry), as runs of text so that a page can set the italics and a copy button
 * can take the plain text.
 *
 * Both name this publication's page and the original. Square brackets mark what the source
 * does not state (a title the editors supplied, a publisher or date inferred from the text), the
 * bibliographic convention for supplied information. Dates keep the precision they are known
 * at: Chicago brackets an inferred year ("[2024]") and adds a question mark when not even the
 * year is certain ("[2014?]"); APA has no convention for supplied dates, so it gives the year
 * and writes "ca." only when the year is uncertain ("ca. 2014"); both write "n.d." for no date.
 * Titles keep the source's capitalization: APA's sentence case would need to know which words
 * are proper nouns.
 */

export interface Run {
  text: string;
  italic?: boolean;
}

/** The citation as plain text, as a reader would paste it. */
export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Collects runs, merging neighbours of the same style. */
class Runs {
  readonly runs: Run[] = [];
  add(text: string, italic = false): this {
    const last = this.runs.at(-1);
    if (last && Boolean(last.italic) === italic) last.text += text;
    else this.runs.push(italic ? { text, italic } : { text });
    return this;
  }
  /** `text`, in square brackets when the source does not state it. */
  supplied(text: string, supplied: boolean, italic = false): this {
    if (supplied) this.add('[');
    this.add(text, italic);
    if (supplied) this.add(']');
    return this;
  }
}

/** A period after `text`, unless it already ends a sentence. */
function stop(text: string): string {
  return /[.?!]$/.test(text) ? '' : '.';
}

function listWith(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]}, ${conjunction} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, ${conjunction} ${items.at(-1)}`;
}

function chicagoName(name: CitedName, inverted: boolean): string {
  if (name.kind === 'organization') return name.name;
  if (!name.given) return name.family;
  return inverted ? `${name.family}, ${name.given}` : `${name.given} ${name.family}`;
}

function chicagoDate(date: CitedDate | undefined): string {
  if (!date) return 'n.d.';
  if (date.supplied) return date.uncertain ? `[${date.year}?]` : `[${date.year}]`;
  if (date.season) return `${seasonName(date.season)} ${date.year}`;
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${monthName(date.month)} ${date.year}`;
  return `${monthName(date.month)} ${date.day}, ${date.year}`;
}

/** Chicago bibliography entry. */
export function chicago(r: CitationRecord): Run[] {
  const out = new Runs();
  if (r.authors.length > 0) {
    const names = listWith(
      r.authors.map((a, i) => chicagoName(a, i === 0)),
      'and',
    );
    out.add(`${names}${stop(names)} `);
  }
  const date = chicagoDate(r.date);
  const standalone = isReport(r.type) || !r.publisher;
  if (r.titleSupplied) out.add(`[${r.title}]. `);
  else if (isReport(r.type)) out.add(r.title, true).add(`${stop(r.title)} `);
  else out.add(`“${r.title}${stop(r.title)}” `);

  if (standalone) {
    out.add(`${r.typeLabel}. `);
    if (r.publisher) out.supplied(r.publisher.name, r.publisher.supplied).add(', ');
    out.add(`${date}${stop(date)} `);
  } else {
    out.supplied(r.publisher!.name, r.publisher!.supplied, true).add(`, ${date}${stop(date)} `);
  }
  out.add('Reproduced in ').add(r.siteName, true).add(`. ${r.url}.`);
  return out.runs;
}

function initials(given: string): string {
  return given
    .split(/\s+/)
    .map((word) =>
      word
        .split('-')
        .map((part) => `${part[0]!.toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
}

function apaName(name: CitedName): string {
  if (name.kind === 'organization') return name.name;
  return name.given ? `${name.family}, ${initials(name.given)}` : name.family;
}

function apaDate(date: CitedDate | undefined): string {
  if (!date) return 'n.d.';
  if (date.uncertain) return `ca. ${date.year}`;
  if (date.season) return `${date.year}, ${seasonName(date.season)}`;
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}, ${monthName(date.month)}`;
  return `${date.year}, ${monthName(date.month)} ${date.day}`;
}

/** APA reference list entry. */
export function apa(r: CitationRecord): Run[] {
  const out = new Runs();
  const standalone = isReport(r.type) || !r.publisher;
  const description = standalone ? ` [${r.typeLabel}]` : '';
  const title = new Runs();
  if (r.titleSupplied) title.add(`[${r.title}]${description}`);
  else title.add(r.title, standalone).add(description);
  const titleEnd = stop(description || r.title);
  const date = `(${apaDate(r.date)}).`;

  if (r.authors.length > 0) {
    const names = r.authors.map(apaName);
    const list = names.length === 1 ? names[0]! : listWith(names, '&');
    out.add(`${list}${stop(list)} ${date} `);
    for (const run of title.runs) out.add(run.text, run.italic);
    out.add(`${titleEnd} `);
  } else {
    // Without an author the title takes the author's place, before the date.
    for (const run of title.runs) out.add(run.text, run.italic);
    out.add(`${titleEnd} ${date} `);
  }
  if (r.publisher) {
    out.supplied(r.publisher.name, r.publisher.supplied, !standalone).add('. ');
  }
  out.add('Reproduced in ').add(r.siteName, true).add(`. ${r.url}`);
  return out.runs;
}
