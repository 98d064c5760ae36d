import {
  allFilters,
  searchOffline,
  sortOrder,
  type OfflineHit,
  type OfflineIndex,
} from '../../../lib/search/offline.ts';
import { shapeResult, type PageRecord, type SearchResult } from '../../../lib/search/results.ts';
import {
  backspaced,
  describeFilters,
  FACETS,
  facetValueLabel,
  offlineHref,
  parseState,
  resultHref,
  searchedWhileTyping,
  sortOption,
  stateToSearch,
  type SearchState,
} from '../../../lib/search/state.ts';
import { recall } from '../../../lib/search/recent.ts';
import { RANKING } from '../../../lib/search/ranking.ts';
import { alternatives, mergeRuns, type Merged } from '../../../lib/search/synonyms.ts';
import { escapeHtml, queryTerms } from '../../../lib/search/text.ts';

/**
 * The search page. Over http it searches with Pagefind (loaded when the reader starts to
 * search); opened from disk, where Pagefind cannot load, it loads the offline index with a
 * classic script and searches that. Both give the same result shape, rendered here. The URL
 * always holds the current search, so it can be shared and restored.
 */

type Counts = Record<string, Record<string, number>>;

interface Found {
  total: number;
  /** Loads the results from `from` on, shaped for display. */
  page(from: number, count: number): Promise<SearchResult[]>;
}

interface Engine {
  /** Every filter value with its number of pages. */
  filters(): Promise<Counts>;
  /** Searches the query and its alternatives (`queries[0]` is the query) under the state's
   * filters and order; the results of all are merged. */
  search(queries: string[], state: SearchState): Promise<Found>;
  /** How links to results are written. */
  link(url: string): string;
}

interface PagefindData {
  url: string;
  content: string;
  anchors: PageRecord['anchors'];
  meta: PageRecord['meta'];
  filters: PageRecord['filters'];
  locations: number[];
}

interface PagefindResult {
  id: string;
  score: number;
  /** The positions of the words that matched, in this search. */
  words: number[];
  data(): Promise<PagefindData>;
}

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Counts>;
  search(q: string | null, o: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}

const PAGE_SIZE = 5;
/** While a reader types, results follow each key, and the count is announced once typing
 * pauses: a screen reader would otherwise read a count per key. */
const ANNOUNCE_AFTER_MS = 1000;
/** Searches kept, with their first results: a query typed again shows them without searching. */
const KEEP_SEARCHES = 30;
/** Once results have shown and the reader pauses this long, the search one backspace would ask
 * for is run ahead (its index chunks and first results' fragments loaded), as it would have
 * been had the reader typed the query rather than pasted it or opened it from a link. */
const PREPARE_AFTER_MS = 200;

const script = document.currentScript as HTMLScriptElement | null;
const scriptUrl = script?.src ?? location.href;

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) start(root);

function filtersOf(state: SearchState): Record<string, string> {
  return Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v)) as Record<
    string,
    string
  >;
}

/** The order asked for; a search by filters alone lists the newest first unless told otherwise. */
function orderOf(state: SearchState) {
  return sortOption(state.q ? state.sort : state.sort === 'oldest' ? 'oldest' : 'newest');
}

async function pagefindEngine(): Promise<Engine> {
  const url = new URL('../pagefind/pagefind.js', scriptUrl).href;
  const pf = (await import(url)) as Pagefind;
  // No worker: one request less, and a site this size searches fast on the main thread.
  await pf.options({ noWorker: true, ranking: RANKING });
  await pf.init();
  // Each page's fragment, loaded once: Pagefind fetches it once too, but works out an excerpt and
  // sub-results (which this page does not show) at every `data()`, and rewrites the locations of
  // its one object per page for each search; the locations are read from `words` instead.
  const fragments = new Map<string, Promise<PagefindData>>();
  const fragment = (r: PagefindResult): Promise<PagefindData> => {
    let loaded = fragments.get(r.id);
    if (!loaded) {
      loaded = r.data();
      fragments.set(r.id, loaded);
      loaded.catch(() => fragments.delete(r.id));
    }
    return loaded;
  };
  return {
    filters: () => pf.filters(),
    async search(queries, state) {
      const filters = filtersOf(state);
      const sort = orderOf(state);
      let merged: Merged<PagefindResult>[];
      if (!state.q) {
        const found = await pf.search(null, { filters, sort });
        merged = found.results.map((r) => ({ id: r.id, score: r.score, found: [r] }));
      } else {
        const runs = await Promise.all(queries.map((q) => pf.search(q, { filters })));
        merged = mergeRuns(
          runs.map((r) => r.results),
          (r) => r.id,
          (r) => r.score,
        );
        if (sort) {
          // Pagefind sorts within one search; the order of every page comes from a search by
          // filters alone, and pages it leaves out (no date) go last.
          const all = await pf.search(null, { filters, sort });
          const rank = new Map(all.results.map((r, i) => [r.id, i]));
          const at = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
          merged.sort((a, b) => at(a.id) - at(b.id) || b.score - a.score);
        }
      }
      const terms = queries.flatMap(queryTerms);
      return {
        total: merged.length,
        page: (from, count) =>
          Promise.all(
            merged.slice(from, from + count).map(async (m) => {
              const locations = [...new Set(m.found.flatMap((r) => r.words))];
              return shapeResult(await fragment(m.found[0]!), locations, terms);
            }),
          ),
      };
    },
    link: (url) => url,
  };
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(s);
  });
}

async function offlineEngine(searchPath: string, fromDisk: boolean): Promise<Engine> {
  const holder = window as unknown as { __SEARCH_INDEX__?: OfflineIndex };
  if (!holder.__SEARCH_INDEX__) await loadScript(new URL('offline-index.js', scriptUrl).href);
  const index = holder.__SEARCH_INDEX__;
  if (!index) throw new Error('the offline index is empty');
  return {
    filters: async () => allFilters(index),
    async search(queries, state) {
      const filters = filtersOf(state);
      const sort = orderOf(state);
      let merged: Merged<OfflineHit>[];
      if (!state.q) {
        merged = searchOffline(index, '', { filters, ...(sort ? { sort } : {}) }).results.map(
          (r) => ({ id: r.page.url, score: r.score, found: [r] }),
        );
      } else {
        merged = mergeRuns(
          queries.map((q) => searchOffline(index, q, { filters }).results),
          (r) => r.page.url,
          (r) => r.score,
        );
        const order = sortOrder(sort);
        if (order)
          merged.sort((a, b) => order(a.found[0]!.page, b.found[0]!.page) || b.score - a.score);
      }
      const terms = queries.flatMap(queryTerms);
      return {
        total: merged.length,
        page: async (from, count) =>
          merged.slice(from, from + count).map((m) => {
            const locations = [...new Set(m.found.flatMap((r) => r.locations))];
            return shapeResult(m.found[0]!.page, locations, terms);
          }),
      };
    },
    link: (url) => (fromDisk ? offlineHref(url, searchPath) : url),
  };
}

function start(root: HTMLElement): void {
  const searchPath = root.dataset.searchPage ?? '/search/';
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const announcer = root.querySelector<HTMLElement>('[data-search-announce]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-list]')!;
  const details = root.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const sortSelect = root.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const selects = new Map(
    FACETS.map((f) => [f.key, root.querySelector<HTMLSelectElement>(`[data-facet="${f.key}"]`)!]),
  );
  const fromDisk = location.protocol === 'file:';
  const synonyms = JSON.parse(
    root.querySelector('[data-search-synonyms]')?.textContent ?? '[]',
  ) as string[][];

  let state = parseState(location.search);
  input.value = state.q;
  sortSelect.value = state.sort;
  if (Object.keys(state.filters).length > 0 || state.sort !== 'relevance') details.open = true;

  let engine: Promise<Engine> | undefined;
  const getEngine = (): Promise<Engine> => {
    engine ??= (
      fromDisk
        ? offlineEngine(searchPath, true)
        : pagefindEngine().catch((error: unknown) => {
            console.warn('Pagefind did not load; searching the offline index.', error);
            return offlineEngine(searchPath, false);
          })
    ).then((e) => {
      if (details.open) void fillFilters();
      return e;
    });
    return engine;
  };

  // The filters' values are loaded when the reader opens them (or the URL sets one): a first
  // search does not need them.
  let filled: Promise<void> | undefined;
  const fillFilters = () => {
    filled ??= getEngine().then(async (e) => addOptions(await e.filters()));
    return filled;
  };
  details.addEventListener('toggle', () => {
    if (details.open) void fillFilters().catch(() => undefined);
  });
  let optionsAdded = false;

  /** Every value of each facet as an option; a facet with one value or none is hidden. */
  function addOptions(all: Counts): void {
    optionsAdded = true;
    for (const { key } of FACETS) {
      const select = selects.get(key)!;
      const values = Object.keys(all[key] ?? {}).sort((a, b) =>
        key === 'year' ? Number(b) - Number(a) : a.localeCompare(b, 'en'),
      );
      const wanted = state.filters[key];
      if (wanted && !values.includes(wanted)) values.push(wanted);
      for (const value of values) {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = facetValueLabel(key, value);
        select.appendChild(option);
      }
      select.value = wanted ?? '';
      select.closest('p')!.hidden = values.length < 2;
    }
  }

  function readForm(): SearchState {
    const filters: SearchState['filters'] = {};
    for (const [key, select] of selects) {
      // Until the options are there, the filters are still those of the URL.
      const value = optionsAdded ? select.value : state.filters[key];
      if (value) filters[key] = value;
    }
    return { q: input.value.trim(), filters, sort: parseState(`?sort=${sortSelect.value}`).sort };
  }

  function describe(s: SearchState, total: number, also: string[]): string {
    const count = total === 0 ? 'No results' : total === 1 ? '1 result' : `${total} results`;
    const query = s.q ? ` for “${s.q}”` : '';
    const filters = describeFilters(s.filters);
    const alsoText = also.length ? `, also searching ${also.map((a) => `“${a}”`).join(', ')}` : '';
    const summary = `${count}${query}${alsoText}${filters ? ` (${filters})` : ''}.`;
    if (total > 0) return summary;
    const help = filters ? 'try other words, or remove a filter' : 'try fewer or other words';
    return `${summary} Check the spelling, or ${help}.`;
  }

  function render(results: SearchResult[], link: (url: string) => string, marks: string): string {
    return results
      .map((r) => {
        const kicker = (
          r.kind === 'entity' ? ['Entity', r.label] : [r.label ?? 'Document', r.date]
        ).filter((k): k is string => Boolean(k));
        const passages = r.passages
          .map(
            (p) =>
              `<li><a href="${escapeHtml(link(resultHref(p.url, marks)))}">${escapeHtml(p.label)}</a>` +
              ` <span class="passage-excerpt">${p.excerpt}</span></li>`,
          )
          .join('');
        return (
          `<li class="result${r.kind === 'entity' ? ' result-entity' : ''}">` +
          `<h2 class="result-title"><a href="${escapeHtml(link(resultHref(r.url, marks)))}">${escapeHtml(r.title)}</a></h2>` +
          `<p class="kicker">${kicker.map((k, i) => `<span${i === 0 ? ' class="type"' : ''}>${escapeHtml(k)}</span>`).join('')}</p>` +
          (passages
            ? `<ul class="result-passages" aria-label="Passages">${passages}</ul>`
            : `<p class="result-excerpt">${r.excerpt}</p>`) +
          `</li>`
        );
      })
      .join('');
  }

  interface Ready {
    engine: Engine;
    /** The alternatives searched with the query. */
    also: string[];
    found: Found;
    first: SearchResult[];
  }

  const searches = new Map<string, Promise<Ready>>();
  /** A search and its first results, run once for each state (while it is among the latest). */
  function lookup(s: SearchState): Promise<Ready> {
    const key = stateToSearch(s);
    const make = (): Promise<Ready> => {
      const ready = (async () => {
        const engine = await getEngine();
        const also = alternatives(s.q, synonyms);
        const found = await engine.search([s.q, ...also], s);
        return { engine, also, found, first: await found.page(0, PAGE_SIZE) };
      })();
      // A search that failed is tried again next time.
      ready.catch(() => {
        if (searches.get(key) === ready) searches.delete(key);
      });
      return ready;
    };
    return recall(searches, key, make, KEEP_SEARCHES);
  }

  let generation = 0;
  let shown = 0;
  let current: { found: Found; engine: Engine; marks: string } | undefined;
  /** The results HTML the list holds, while nothing has been added to it. */
  let listHtml = '';
  let preparing: ReturnType<typeof setTimeout> | undefined;

  let announcing: ReturnType<typeof setTimeout> | undefined;
  /** Shows a message, and has it announced now or, while the reader types, once they pause. */
  function say(text: string, typing: boolean): void {
    status.textContent = text;
    clearTimeout(announcing);
    if (!typing) announcer.textContent = text;
    else announcing = setTimeout(() => (announcer.textContent = text), ANNOUNCE_AFTER_MS);
  }

  async function run(next: SearchState, typing = false): Promise<void> {
    const mine = ++generation;
    clearTimeout(preparing);
    state = next;
    try {
      history.replaceState(null, '', `${location.pathname}${stateToSearch(next)}`);
    } catch {
      // Some browsers refuse to rewrite the URL of a page opened from disk; the search still runs.
    }
    const filtered = Object.keys(next.filters).length > 0;
    // One letter matches most of the site: while typing, wait for a second.
    const tooShort = typing && !searchedWhileTyping(next);
    if ((!next.q && !filtered) || tooShort) {
      current = undefined;
      list.replaceChildren();
      listHtml = '';
      root.querySelector('[data-search-more]')?.remove();
      say(tooShort ? 'Type at least two letters, or press Enter.' : '', typing);
      return;
    }
    const slow = setTimeout(() => {
      if (mine === generation) say('Searching…', typing);
    }, 400);
    try {
      const { engine: e, also, found, first } = await lookup(next);
      if (mine !== generation) return;
      // The page a result opens marks the query and the one-word names searched with it.
      const marks = [next.q, ...also.filter((a) => !/\s/.test(a))].join(' ');
      current = { found, engine: e, marks };
      shown = first.length;
      const html = render(first, e.link, marks);
      if (html !== listHtml) list.innerHTML = listHtml = html;
      say(describe(next, found.total, also), typing);
      renderMore();
      const shorter = backspaced(next);
      if (shorter) {
        preparing = setTimeout(() => {
          if (mine === generation) lookup(shorter).catch(() => undefined);
        }, PREPARE_AFTER_MS);
      }
    } catch (error) {
      if (mine !== generation) return;
      console.warn('Search failed', error);
      list.replaceChildren();
      listHtml = '';
      say(
        fromDisk
          ? 'Search could not load its index from this copy of the site.'
          : 'Search could not load. Build the site with “npm run build” to create its index.',
        false,
      );
    } finally {
      clearTimeout(slow);
    }
  }

  function renderMore(): void {
    root.querySelector('[data-search-more]')?.remove();
    if (!current || shown >= current.found.total) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'search-more';
    button.dataset.searchMore = '';
    button.textContent = `Show more results (${current.found.total - shown} more)`;
    button.addEventListener('click', async () => {
      if (!current) return;
      const { found, engine: e, marks } = current;
      const more = await found.page(shown, PAGE_SIZE);
      const before = list.querySelectorAll(':scope > li').length;
      list.insertAdjacentHTML('beforeend', render(more, e.link, marks));
      listHtml = '';
      shown += more.length;
      list.querySelectorAll<HTMLElement>(':scope > li')[before]?.querySelector('a')?.focus();
      renderMore();
    });
    list.after(button);
  }

  input.addEventListener('focus', () => void getEngine().catch(() => undefined), { once: true });
  input.addEventListener('input', () => void run(readForm(), true));
  form.addEventListener('change', (e) => {
    if (e.target !== input) void run(readForm());
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(readForm());
  });

  // Keys: ↓ from the box to the first result, ↑/↓ between result links, Esc back to the box.
  root.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a[href]')];
    const target = e.target as HTMLElement;
    if (target === input) {
      if (e.key === 'ArrowDown' && links[0]) {
        e.preventDefault();
        links[0].focus();
      }
      return;
    }
    const i = links.indexOf(target as HTMLAnchorElement);
    if (i < 0) return;
    let to: HTMLElement | undefined;
    if (e.key === 'ArrowDown') to = links[i + 1];
    else if (e.key === 'ArrowUp') to = i === 0 ? input : links[i - 1];
    else if (e.key === 'Home') to = links[0];
    else if (e.key === 'End') to = links[links.length - 1];
    else if (e.key === 'Escape') to = input;
    if (to) {
      e.preventDefault();
      to.focus();
    }
  });

  if (state.q || Object.keys(state.filters).length > 0) void run(state);
}
