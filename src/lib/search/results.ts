import { cutPassages, passageAt, splitWords, type Anchor } from './passages.ts';
import { markWord } from './text.ts';

/**
 * The one result shape the search page renders, whichever engine found the page: Pagefind
 * (online) or the offline index. Both hand over a page's words and the positions of the words
 * that matched; the excerpt and the passages are made here from those, the same way.
 */

/** A page as both engines describe it (Pagefind's result data has these fields). */
export interface PageRecord {
  /** Site path, base included: "/documents/x/". */
  url: string;
  /** The page's text as Pagefind indexed it. */
  content: string;
  /** Every element with an id in the indexed text, with the word it starts at. */
  anchors: Anchor[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** A passage of a result: where it is, a link to it, and the words around the hits. */
export interface ResultPassage {
  /** Page URL with the passage's id as fragment. */
  url: string;
  label: string;
  /** HTML: escaped text with `<mark>` around the matching words. */
  excerpt: string;
}

export interface SearchResult {
  url: string;
  title: string;
  /** "document" or "entity": entity pages are marked as such. */
  kind: 'document' | 'entity';
  /** The document type ("Policy report") or the entity kind ("Organization"). */
  label?: string;
  /** The date as the page shows it ("April 26, 2010", "about autumn 2006"). */
  date?: string;
  /** HTML excerpt of the page around its densest hits; shown when no passage can be linked. */
  excerpt: string;
  /** Up to three passages with the most hits, in page order, each with its own excerpt. */
  passages: ResultPassage[];
}

/** Words shown in a result's excerpt, and in each passage's. */
export const EXCERPT_WORDS = 30;
export const PASSAGE_WORDS = 20;
export const MAX_PASSAGES = 3;

/**
 * The `length` words of `words[from, to)` that hold the most hits, as HTML with the hits marked
 * and an ellipsis where the text was cut.
 */
export function excerpt(
  words: readonly string[],
  hits: ReadonlySet<number>,
  from: number,
  to: number,
  length: number,
  terms: readonly string[] = [],
): string {
  let start = from;
  if (to - from > length) {
    // The first window with the most hits, then centred on the hits it holds.
    let count = 0;
    for (let i = from; i < from + length; i++) if (hits.has(i)) count++;
    let best = count;
    for (let s = from + 1; s + length <= to; s++) {
      if (hits.has(s - 1)) count--;
      if (hits.has(s + length - 1)) count++;
      if (count > best) {
        best = count;
        start = s;
      }
    }
    const inside = [...hits].filter((h) => h >= start && h < start + length).sort((a, b) => a - b);
    if (inside.length > 0) {
      const middle = (inside[0]! + inside[inside.length - 1]! + 1) / 2;
      start = Math.floor(middle - length / 2);
    }
    start = Math.max(from, Math.min(start, to - length));
  }
  const end = Math.min(to, start + length);
  const text = words
    .slice(start, end)
    .map((w, i) => markWord(w, hits.has(start + i), terms))
    .join(' ');
  return `${start > from ? '… ' : ''}${text}${end < to ? ' …' : ''}`;
}

/** The fragment of a URL with `id`: "/x/#p-1". */
function withFragment(url: string, id: string | undefined): string {
  return id ? `${url}#${encodeURIComponent(id)}` : url;
}

/**
 * The result for one page, given which of its words matched and the query's terms (to mark,
 * in a compound word, only the parts that matched).
 */
export function shapeResult(
  page: PageRecord,
  locations: readonly number[],
  terms: readonly string[] = [],
): SearchResult {
  const words = splitWords(page.content);
  const title = page.meta.title ?? page.url;
  const hits = new Set(locations);
  const passages = cutPassages(words.length, page.anchors, title);

  const perPassage = new Map<number, number>();
  for (const location of hits) {
    const i = passageAt(passages, location);
    if (i >= 0) perPassage.set(i, (perPassage.get(i) ?? 0) + 1);
  }
  const linked = [...perPassage]
    .filter(([i]) => passages[i]!.id !== undefined)
    .sort(([a, na], [b, nb]) => nb - na || a - b)
    .slice(0, MAX_PASSAGES)
    .sort(([a], [b]) => a - b)
    .map(([i]) => {
      const p = passages[i]!;
      return {
        url: withFragment(page.url, p.id),
        label: p.label,
        excerpt: excerpt(words, hits, p.start, p.end, PASSAGE_WORDS, terms),
      };
    });

  const kind = page.filters.kind?.includes('Entity') ? 'entity' : 'document';
  return {
    url: page.url,
    title,
    kind,
    ...(page.filters.type?.[0] ? { label: page.filters.type[0] } : {}),
    ...(page.meta.date ? { date: page.meta.date } : {}),
    excerpt: excerpt(words, hits, 0, words.length, EXCERPT_WORDS, terms),
    passages: linked,
  };
}
