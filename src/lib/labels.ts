import type { Author, DocumentType, Origin } from '../content/schema';

/** The words a reader sees for the schema's codes. */

const TYPE_LABELS: Record<DocumentType, { one: string; many: string }> = {
  'policy-report': { one: 'Policy report', many: 'Policy reports' },
  'policy-brief': { one: 'Policy brief', many: 'Policy briefs' },
  'journal-article': { one: 'Journal article', many: 'Journal articles' },
  'news-analysis': { one: 'News analysis', many: 'News analyses' },
  commentary: { one: 'Commentary', many: 'Commentaries' },
  article: { one: 'Article', many: 'Articles' },
};

/** "Policy report"; `count` other than 1 gives the plural, "Policy reports". */
export function typeLabel(type: DocumentType, count = 1): string {
  const label = TYPE_LABELS[type];
  return count === 1 ? label.one : label.many;
}

/** "a policy report", "an article": the type inside a sentence. */
export function typeWithArticle(type: DocumentType): string {
  const label = TYPE_LABELS[type].one.toLowerCase();
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
}

const ORIGIN_LABELS: Record<Origin, string> = {
  source: 'stated in the source',
  inferred: 'inferred by the ingest',
  editorial: 'set by an editor',
};

/** Where a metadata value came from, as a phrase: "stated in the source". */
export function originLabel(origin: Origin): string {
  return ORIGIN_LABELS[origin];
}

/** What unknown authorship looks like on a page. */
export const NO_AUTHOR = 'Author not named in the source';

/**
 * One author as the text describes them: "Name, role, affiliation", leaving out an affiliation the
 * role already names; a role alone says that the name is not given.
 */
export function authorText(author: Author): string {
  const parts = [author.name, author.role];
  const { affiliation } = author;
  if (affiliation && !parts.some((p) => p?.includes(affiliation))) parts.push(affiliation);
  const text = parts.filter(Boolean).join(', ');
  return author.name ? text : `${text} (name not given)`;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** All authors on one line, or the note that the source names none. */
export function authorLine(authors: Author[]): string {
  return authors.length === 0 ? NO_AUTHOR : listText(authors.map(authorText));
}

const NUMBER_WORDS = [
  'No',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
];

/** "Five" for 5, "12" past ten; capitalized for the start of a sentence. */
export function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/**
 * The `<title>`: "Page — Site" when it fits in `max` characters (search engines cut longer ones,
 * and html-validate's long-title rule holds us to 70), else the page's title alone, shortened at
 * a word with an ellipsis if it must be.
 */
export function pageTitle(title: string | undefined, site: string, max = 70): string {
  if (!title) return site;
  const full = `${title} — ${site}`;
  if (full.length <= max) return full;
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const atWord = cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,:;–—-]+$/, '');
  return `${atWord || cut}…`;
}

/** "once", "twice", "12 times", "1,234 times". */
export function timesText(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n.toLocaleString('en')} times`;
}
