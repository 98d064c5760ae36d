/**
 * A search as a URL, so that it can be shared and restored: `/search/?q=narcotics&country=
 * Kazakhstan&sort=newest`. The facets are the filters every indexed page is tagged with
 * (`data-pagefind-filter`), in the order the search page shows them.
 */

export const FACETS = [
  { key: 'kind', label: 'Show', any: 'All pages' },
  { key: 'type', label: 'Type', any: 'Any type' },
  { key: 'year', label: 'Year', any: 'Any year' },
  { key: 'publisher', label: 'Publisher', any: 'Any publisher' },
  { key: 'country', label: 'Country', any: 'Any country' },
  { key: 'organization', label: 'Organization', any: 'Any organization' },
  { key: 'topic', label: 'Topic', any: 'Any topic' },
] as const;

export type FacetKey = (typeof FACETS)[number]['key'];

/** How a filter value reads in a menu and in the status line ("Documents only"). */
export function facetValueLabel(key: FacetKey, value: string): string {
  if (key === 'kind') return value === 'Entity' ? 'Entities only' : `${value}s only`;
  return value;
}

/** The filters of a search in words: "Type: Policy brief; Country: Kazakhstan". */
export function describeFilters(filters: SearchState['filters']): string {
  return FACETS.filter((f) => filters[f.key])
    .map((f) => `${f.label}: ${facetValueLabel(f.key, filters[f.key]!)}`)
    .join('; ');
}

export const SORTS = [
  { key: 'relevance', label: 'Best match' },
  { key: 'newest', label: 'Newest first' },
  { key: 'oldest', label: 'Oldest first' },
] as const;

export type SortKey = (typeof SORTS)[number]['key'];

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetKey, string>>;
  sort: SortKey;
}

/** The parameter that carries the query on to a result page, whose words it then marks. */
export const HIGHLIGHT_PARAM = 'highlight';

const isSort = (value: string | null): value is SortKey => SORTS.some((s) => s.key === value);

/** The search a URL's query string describes; unknown parameters are ignored. */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const { key } of FACETS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get('sort');
  return { q: (params.get('q') ?? '').trim(), filters, sort: isSort(sort) ? sort : 'relevance' };
}

/** The query string for a search: "?q=narcotics&type=Policy+brief", or "" for no search. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { key } of FACETS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The shortest query searched while typing, unless a filter is set (Enter searches any): one
 * letter matches most of the site. */
export const MIN_TYPED = 2;

/** Whether results follow the keys for this state: a query of two letters or more, or a filter. */
export function searchedWhileTyping(state: SearchState): boolean {
  if (Object.keys(state.filters).length > 0) return true;
  return [...state.q].length >= MIN_TYPED;
}

/**
 * The search a backspace in the box leads to, when results would follow it: the query less its
 * last character (and any space it leaves at the end). Undefined when that query is empty or
 * too short to search while typing.
 */
export function backspaced(state: SearchState): SearchState | undefined {
  const q = [...state.q].slice(0, -1).join('').trim();
  if (!q) return undefined;
  const next = { ...state, q };
  return searchedWhileTyping(next) ? next : undefined;
}

/** Pagefind's sort option for a sort key. */
export function sortOption(sort: SortKey): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'newest') return { date: 'desc' };
  if (sort === 'oldest') return { date: 'asc' };
  return undefined;
}

/**
 * The link from a result to its page: the query rides along for the page to highlight, before
 * the fragment. `url` may carry a fragment ("/x/#p-1").
 */
export function resultHref(url: string, query: string): string {
  const hash = url.indexOf('#');
  const path = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  if (!query.trim()) return url;
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}${HIGHLIGHT_PARAM}=${encodeURIComponent(query.trim())}${fragment}`;
}

/**
 * A site path ("/documents/x/#p-1") as a link that works from the search page opened from disk:
 * relative to the search page at `searchPath` ("/search/"), naming index.html, since a folder
 * opened from disk shows no index page: "../documents/x/index.html#p-1".
 */
export function offlineHref(sitePath: string, searchPath: string): string {
  const m = /^([^?#]*)([?#].*)?$/.exec(sitePath)!;
  const [, path = '', rest = ''] = m;
  const target = (path.endsWith('/') ? `${path}index.html` : path).split('/').filter(Boolean);
  const from = searchPath.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) {
    common++;
  }
  const up = from.slice(common).map(() => '..');
  return [...up, ...target.slice(common)].join('/') + rest;
}
