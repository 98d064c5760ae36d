import type { Anchor } from './passages.ts';
import { RANKING } from './ranking.ts';
import type { PageRecord } from './results.ts';
import { splitWords } from './passages.ts';
import { matchScore, queryTerms, resolveTerms, wordStems } from './text.ts';

/**
 * The offline search: opened from disk, a browser will not run Pagefind, so the build also
 * writes the pages Pagefind indexed (its own records of them) into a small classic script, and
 * this module searches them the way Pagefind does: every term must match; a term matches words
 * whose stem starts with its stem; pages are ranked by BM25 over those matches, with title words
 * and headings weighing more.
 */

/** One indexed page, as the offline index stores it. */
export interface OfflinePage extends PageRecord {
  /** Sort keys (`data-pagefind-sort`): `date` is YYYY-MM-DD. */
  sort: Record<string, string>;
}

export interface OfflineIndex {
  /** Bumped when the shape changes. */
  version: 1;
  pages: OfflinePage[];
}

export type Filters = Record<string, string | undefined>;

export interface OfflineSearchOptions {
  /** Filter name to the one value a page must have. */
  filters?: Filters;
  /** `{ date: 'desc' }`: by a sort key instead of by score. */
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface OfflineHit {
  page: OfflinePage;
  score: number;
  /** Indexes of the matching words in the page's content. */
  locations: number[];
}

export interface OfflineSearch {
  results: OfflineHit[];
}

/** Weight of a word in a heading, and of a query term found in the page's title (as Pagefind). */
const HEADING_WEIGHT: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };
const TITLE_WEIGHT = 5;

/**
 * Pagefind's term frequency under the site's ranking (src/lib/search/ranking.ts): BM25's, blended
 * with the plain weighted count of matches.
 */
function termFrequency(weighted: number, length: number, avgLength: number): number {
  const { termSaturation: k1, pageLength: b, termFrequency: blend } = RANKING;
  const bm25 = ((k1 + 1) * weighted) / (k1 * (1 - b + (b * length) / avgLength) + weighted);
  const raw = Math.min(weighted / (avgLength / 5), k1 + 1);
  return (1 - blend) * raw + blend * bm25;
}

interface Prepared {
  page: OfflinePage;
  /** Each word's stems, in content order. */
  stems: string[][];
  /** Each word's weight (1 for body text, more in headings). */
  weights: number[];
  titleStems: string[];
  /** Stems of the other metadata (the date): Pagefind searches metadata too. */
  metaStems: string[];
}

const prepared = new WeakMap<OfflineIndex, { pages: Prepared[]; vocabulary: Set<string> }>();

function prepare(index: OfflineIndex): { pages: Prepared[]; vocabulary: Set<string> } {
  const known = prepared.get(index);
  if (known) return known;
  const cache = new Map<string, string[]>();
  const stemsOf = (word: string) => {
    let s = cache.get(word);
    if (!s) cache.set(word, (s = wordStems(word)));
    return s;
  };
  const pages = index.pages.map((page) => {
    const words = splitWords(page.content);
    const weights = words.map(() => 1);
    const anchors = [...page.anchors].sort((a, b) => a.location - b.location);
    anchors.forEach((a, i) => {
      const weight = HEADING_WEIGHT[a.element];
      if (!weight) return;
      const end = Math.min(anchors[i + 1]?.location ?? words.length, a.location + headingLength(a));
      for (let w = a.location; w < end; w++) weights[w] = weight;
    });
    return {
      page,
      stems: words.map(stemsOf),
      weights,
      titleStems: splitWords(page.meta.title ?? '').flatMap(stemsOf),
      metaStems: Object.entries(page.meta)
        .filter(([key]) => key !== 'title')
        .flatMap(([, value]) => splitWords(value ?? '').flatMap(stemsOf)),
    };
  });
  const vocabulary = new Set(
    pages.flatMap((p) => [...p.stems.flat(), ...p.titleStems, ...p.metaStems]),
  );
  const out = { pages, vocabulary };
  prepared.set(index, out);
  return out;
}

function headingLength(anchor: Anchor): number {
  return anchor.text ? splitWords(anchor.text).length : 0;
}

function matchesFilters(page: OfflinePage, filters: Filters): boolean {
  return Object.entries(filters).every(
    ([key, value]) => !value || (page.filters[key] ?? []).includes(value),
  );
}

/**
 * Searches the offline index. An empty query with filters lists every page that passes them
 * (Pagefind's filter-only search); an empty query without filters finds nothing.
 */
export function searchOffline(
  index: OfflineIndex,
  query: string,
  options: OfflineSearchOptions = {},
): OfflineSearch {
  const filters = options.filters ?? {};
  const { pages, vocabulary } = prepare(index);
  const terms = resolveTerms(queryTerms(query), vocabulary);
  const hasFilters = Object.values(filters).some(Boolean);
  const avgLength = pages.reduce((n, p) => n + p.stems.length, 0) / Math.max(1, pages.length);

  // For each term and page: the matching words, their weighted count, and whether the title or
  // other metadata holds the term.
  const perTerm = terms.map((term) =>
    pages.map((p) => {
      const locations: number[] = [];
      let weighted = 0;
      p.stems.forEach((stems, i) => {
        let best = 0;
        for (const s of stems) best = Math.max(best, matchScore(s, term));
        if (best > 0) {
          locations.push(i);
          weighted += best * p.weights[i]!;
        }
      });
      const title = p.titleStems.some((s) => matchScore(s, term) > 0);
      const meta = p.metaStems.some((s) => matchScore(s, term) > 0);
      return { locations, weighted, title, meta };
    }),
  );
  const idfs = perTerm.map((byPage) => {
    const withTerm = byPage.filter((m) => m.locations.length > 0 || m.title || m.meta).length;
    return Math.log(1 + (pages.length - withTerm + 0.5) / (withTerm + 0.5));
  });
  const totalIdf = idfs.reduce((a, b) => a + b, 0);

  const results: OfflineHit[] = [];
  pages.forEach((p, pi) => {
    if (!matchesFilters(p.page, filters)) return;
    if (terms.length === 0) {
      if (hasFilters) results.push({ page: p.page, score: 0, locations: [] });
      return;
    }
    let score = 0;
    let titleIdf = 0;
    let metaIdf = 0;
    const locations = new Set<number>();
    for (let t = 0; t < terms.length; t++) {
      const m = perTerm[t]![pi]!;
      if (m.locations.length === 0 && !m.title && !m.meta) return;
      score += idfs[t]! * termFrequency(m.weighted, p.stems.length, avgLength);
      if (m.title) titleIdf += idfs[t]!;
      if (m.meta) metaIdf += idfs[t]!;
      for (const l of m.locations) locations.add(l);
    }
    // Metadata that holds the query lifts a page, by how much of the query it holds (Pagefind).
    for (const [idf, weight] of [
      [titleIdf, TITLE_WEIGHT],
      [metaIdf, 1],
    ] as const) {
      if (totalIdf > 0) score += weight * idf * (idf / totalIdf) ** 2;
    }
    results.push({ page: p.page, score, locations: [...locations].sort((a, b) => a - b) });
  });

  const order = sortOrder(options.sort);
  results.sort(
    (a, b) =>
      (order ? order(a.page, b.page) : 0) ||
      b.score - a.score ||
      a.page.url.localeCompare(b.page.url),
  );
  return { results };
}

/**
 * A comparison of pages by a sort key (`{ date: 'desc' }`); pages without the key go last, as
 * undated documents do in every list of the site. Undefined when no sort is asked for.
 */
export function sortOrder(
  sort: Record<string, 'asc' | 'desc'> | undefined,
): ((a: OfflinePage, b: OfflinePage) => number) | undefined {
  const [key, direction] = Object.entries(sort ?? {})[0] ?? [];
  if (!key || !direction) return undefined;
  return (a, b) => {
    const ka = a.sort[key];
    const kb = b.sort[key];
    if (ka === kb) return 0;
    if (ka === undefined) return 1;
    if (kb === undefined) return -1;
    return (ka < kb ? -1 : 1) * (direction === 'asc' ? 1 : -1);
  };
}

/** Every filter value of the index with the number of pages carrying it. */
export function allFilters(index: OfflineIndex): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const page of index.pages) {
    for (const [name, values] of Object.entries(page.filters)) {
      const byValue = (counts[name] ??= {});
      for (const v of values ?? []) byValue[v] = (byValue[v] ?? 0) + 1;
    }
  }
  return counts;
}
