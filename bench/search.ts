import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { settle } from './browser.ts';
import type { Served, Server } from './serve.ts';
import { kindOf } from './weight.ts';

/**
 * Search, measured in Chromium against a served build: what a first query downloads, how long
 * until results show, and how long later keystrokes take once the index is loaded.
 */

export const QUERIES = ['narcotics', 'SCO', 'border', 'Kazakhstan'];

export interface QueryResult {
  query: string;
  /** Bytes sent for search, headers included (see searchBytes). */
  bytes: number;
  requests: number;
  /** Input event to results on screen, in milliseconds; undefined when none showed. */
  firstResultsMs?: number;
  /** Latency of each later keystroke (backspaces, then retyping them) whose results changed. */
  keystrokeMs: number[];
  results: number;
}

export interface SearchResult {
  /** Whose search: the site's, Pagefind's defaults on the same build, or Starlight's. */
  subject: 'site' | 'pagefind default' | 'starlight';
  /** Through a page a reader types into, or Pagefind's JS API directly. */
  via: 'ui' | 'api';
  /** The page typed into, for `ui`. */
  path?: string;
  /** Size of the corpus searched. */
  documents: number;
  queries: QueryResult[];
  note?: string;
}

/** Where a build's Pagefind bundle is (`/pagefind/` unless configured elsewhere), if any. */
export function findPagefind(dist: string): string | undefined {
  const walk = (dir: string, depth: number): string | undefined => {
    if (existsSync(join(dir, 'pagefind.js')) && existsSync(join(dir, 'pagefind-entry.json'))) {
      return `/${relative(dist, dir).split(sep).join('/')}/`;
    }
    if (depth === 0) return undefined;
    for (const name of readdirSync(dir)) {
      const sub = join(dir, name);
      if (statSync(sub).isDirectory()) {
        const found = walk(sub, depth - 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(dist, 2);
}

/** Search's share of a page's traffic: Pagefind's files whenever fetched, every script (a search
 * UI loaded with the page counts as much as one loaded on demand), and anything fetched after the
 * page had loaded. The same rule for the site, for Pagefind's default UI and for Starlight. */
function searchBytes(log: readonly Served[], bundle: string, loadedAt: number) {
  const counted = log.filter(
    (r) => r.path.startsWith(bundle) || kindOf(r.contentType) === 'js' || r.at > loadedAt,
  );
  return {
    bytes: counted.reduce((sum, r) => sum + r.bodyBytes + r.headerBytes, 0),
    requests: counted.length,
  };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Pagefind's own JavaScript API, as any search UI built on it calls it: import, search, load the
 * first five results. This is the floor under any UI; the keystrokes are the query shortened by
 * up to three characters and typed back.
 */
export async function measureApi(
  browser: Browser,
  server: Server,
  bundle: string,
  subject: SearchResult['subject'],
  documents: number,
  queries = QUERIES,
): Promise<SearchResult> {
  const out: QueryResult[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      await settle(server, 300);
      server.reset();
      const loadedAt = performance.now();
      const timings = await page.evaluate(
        async ({ bundle, query }) => {
          const run = async (pf: PagefindApi, q: string) => {
            const t0 = performance.now();
            const search = await pf.search(q);
            await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
            return { ms: performance.now() - t0, results: search.results.length };
          };
          const t0 = performance.now();
          const pf = (await import(`${bundle}pagefind.js`)) as PagefindApi;
          await pf.init();
          const first = await run(pf, query);
          const firstMs = performance.now() - t0;
          const keystrokes: number[] = [];
          const cut = Math.min(3, query.length - 1);
          for (let n = 1; n <= cut; n++) keystrokes.push((await run(pf, query.slice(0, -n))).ms);
          for (let n = cut - 1; n >= 0; n--) {
            keystrokes.push((await run(pf, query.slice(0, query.length - n))).ms);
          }
          return { firstMs, results: first.results, keystrokes };

          interface PagefindApi {
            init(): Promise<void>;
            search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
          }
        },
        { bundle, query },
      );
      out.push({
        query,
        ...searchBytes(server.log, bundle, loadedAt),
        firstResultsMs: timings.firstMs,
        keystrokeMs: timings.keystrokes,
        results: timings.results,
      });
    } finally {
      await context.close();
    }
  }
  return { subject, via: 'api', documents, queries: out };
}

/** Where a search page shows results. Generic, so that it fits a UI written later: a container
 * marked `data-search-results` is the intended hook; the rest are common conventions. */
export const RESULTS_CONTAINER = [
  '[data-search-results]',
  '.pagefind-ui__drawer',
  '#search-results',
  '.search-results',
  '[role="region"][aria-live]',
  '[aria-live]',
  'output',
  'main',
];
/** The search input, most specific first: a site header often has a search box of its own that
 * only submits to the search page, and the page's own input is the one with live results. */
export const SEARCH_INPUTS = [
  '[data-search-input]',
  'main input[type="search"]',
  'main [role="searchbox"]',
  '.pagefind-ui__search-input',
  'input[type="search"]',
  '[role="searchbox"]',
  'input[name="q"]',
];

async function findInput(page: Page): Promise<Locator | undefined> {
  // A UI may render its input late (Pagefind's builds it after the page loads).
  await page
    .locator(SEARCH_INPUTS.join(', '))
    .first()
    .waitFor({ timeout: 5000 })
    .catch(() => undefined);
  for (const selector of SEARCH_INPUTS) {
    const input = page.locator(selector).first();
    if ((await input.count()) > 0) return input;
  }
  return undefined;
}

/** Times an action (typing) until the results container changes and holds at least one link.
 * Both ends are taken in the page: the input event, and the frame after the change. */
async function timeResults(page: Page, act: () => Promise<void>): Promise<number | undefined> {
  await page.evaluate((selectors) => {
    const container = selectors
      .map((s) => document.querySelector(s))
      .find((el): el is Element => el !== null)!;
    const state = {
      before: container.innerHTML,
      start: undefined as number | undefined,
      shown: undefined as number | undefined,
    };
    (window as unknown as { __bench: typeof state }).__bench = state;
    addEventListener('input', () => (state.start ??= performance.now()), { capture: true });
    const observer = new MutationObserver(() => {
      if (state.start === undefined || state.shown !== undefined) return;
      if (container.innerHTML !== state.before && container.querySelector('a[href]')) {
        observer.disconnect();
        requestAnimationFrame(() => (state.shown = performance.now()));
      }
    });
    observer.observe(container, { subtree: true, childList: true, characterData: true });
  }, RESULTS_CONTAINER);
  await act();
  try {
    await page.waitForFunction(
      () => (window as unknown as { __bench: { shown?: number } }).__bench.shown !== undefined,
      undefined,
      { timeout: 5000 },
    );
  } catch {
    return undefined;
  }
  return page.evaluate(() => {
    const s = (window as unknown as { __bench: { start: number; shown: number } }).__bench;
    return s.shown - s.start;
  });
}

/** A search page as a reader uses it: type a query, see results, edit the query. `open` is a
 * control to click first, for a search that lives in a dialog (Starlight's). */
export async function measureUi(
  browser: Browser,
  server: Server,
  path: string,
  bundle: string,
  subject: SearchResult['subject'],
  documents: number,
  open?: string,
  queries = QUERIES,
): Promise<SearchResult> {
  const out: QueryResult[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      server.reset();
      await page.goto(server.origin + path, { waitUntil: 'load' });
      await settle(server, 500);
      const loadedAt = performance.now();
      if (open) await page.locator(open).first().click();
      const input = await findInput(page);
      if (!input) {
        return {
          subject,
          via: 'ui',
          path,
          documents,
          queries: [],
          note: `no search input on ${path}`,
        };
      }
      const firstResultsMs = await timeResults(page, () => input.fill(query));
      await settle(server, 500);
      const fetched = searchBytes(server.log, bundle, loadedAt);
      const keystrokeMs: number[] = [];
      const cut = Math.min(3, query.length - 1);
      const keys = [
        ...Array<string>(cut).fill('Backspace'),
        ...query.slice(query.length - cut).split(''),
      ];
      for (const key of keys) {
        const ms = await timeResults(page, () => input.press(key));
        if (ms !== undefined) keystrokeMs.push(ms);
        await page.waitForTimeout(400);
      }
      const results = await page.evaluate(
        (selectors) =>
          selectors
            .map((s) => document.querySelector(s))
            .find((el) => el !== null)
            ?.querySelectorAll('a[href]').length ?? 0,
        RESULTS_CONTAINER,
      );
      out.push({
        query,
        ...fetched,
        ...(firstResultsMs !== undefined ? { firstResultsMs } : {}),
        keystrokeMs,
        results,
      });
    } finally {
      await context.close();
    }
  }
  return { subject, via: 'ui', path, documents, queries: out };
}

/**
 * The yardstick: Pagefind with its defaults on a copy of the same build (whatever search the site
 * has of its own is removed first), and Pagefind's default UI on a page of its own.
 */
export function buildPagefindDefault(dist: string, into: string, project: string): string {
  rmSync(into, { recursive: true, force: true });
  cpSync(dist, into, { recursive: true });
  const own = findPagefind(into);
  if (own) rmSync(join(into, own), { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(project, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', into],
    { stdio: 'ignore' },
  );
  const page = join(into, 'bench-pagefind-default', 'index.html');
  mkdirSync(dirname(page), { recursive: true });
  writeFileSync(
    page,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind default UI</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><main><div id="search"></div></main>
<script>window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search', showSubResults: true }));</script>
</body></html>\n`,
  );
  return '/bench-pagefind-default/';
}
