import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { makeArchive } from '../src/archive/archive.ts';
import { launch, settle } from './browser.ts';
import { bytes, count, ms, table } from './format.ts';
import { serve } from './serve.ts';

/**
 * The site's own search page, measured in Chromium the two ways a reader meets it: served over
 * http (Pagefind, gzip on) and opened from disk (the offline index, file://). For each query:
 * what a first search fetches after the page has loaded, and the time from typing the query and
 * pressing Enter to results on screen, cold cache each time.
 *
 *   node bench/site-search.ts [dist]        (after `npm run build`; prints a table)
 */

export const SITE_SEARCH_QUERIES = ['narcotics', 'SCO', 'border security', 'Andijan'];

export type SearchMode = 'online (Pagefind, http)' | 'offline (index, file://)';

export interface SiteSearchRow {
  query: string;
  mode: SearchMode;
  /** Bytes fetched for the search: sent bodies and headers over http, file sizes from disk. */
  bytes: number;
  requests: number;
  /** Enter to results on screen, in milliseconds; undefined when none showed. */
  firstResultsMs?: number;
  /** Pages found (the status line's count; the page shows them a few at a time). */
  results: number;
}

/** The count the status line gives: "7 results for …", "No results for …". */
async function found(page: Page): Promise<number> {
  const text = (await page.locator('[data-search-status]').textContent()) ?? '';
  return Number(/^(\d+) results?/.exec(text)?.[1] ?? 0);
}

/** Starts the clock at the query's input event and stops it when the status names results. */
async function timeSearch(page: Page, query: string): Promise<number | undefined> {
  await page.evaluate(() => {
    const status = document.querySelector('[data-search-status]')!;
    const clock: { start?: number; end?: number } = {};
    (window as unknown as { __clock: typeof clock }).__clock = clock;
    addEventListener('input', () => (clock.start ??= performance.now()), { capture: true });
    new MutationObserver(() => {
      if (clock.start !== undefined && clock.end === undefined) {
        if (/result/i.test(status.textContent ?? '')) clock.end = performance.now();
      }
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const input = page.locator('[data-search-input]');
  await input.fill(query);
  await input.press('Enter');
  try {
    await page.waitForFunction(
      () => (window as unknown as { __clock: { end?: number } }).__clock.end !== undefined,
      undefined,
      { timeout: 15_000 },
    );
  } catch {
    return undefined;
  }
  return page.evaluate(() => {
    const c = (window as unknown as { __clock: { start: number; end: number } }).__clock;
    return c.end - c.start;
  });
}

/** Over http, from a served build: Pagefind. */
async function online(browser: Browser, dist: string, query: string): Promise<SiteSearchRow> {
  const server = await serve(dist);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`, { waitUntil: 'load' });
    await settle(server, 300);
    server.reset();
    const firstResultsMs = await timeSearch(page, query);
    await settle(server, 300);
    return {
      query,
      mode: 'online (Pagefind, http)',
      bytes: server.log.reduce((n, r) => n + r.bodyBytes + r.headerBytes, 0),
      requests: server.log.length,
      ...(firstResultsMs !== undefined ? { firstResultsMs } : {}),
      results: await found(page),
    };
  } finally {
    await context.close();
    await server.close();
  }
}

/** From disk, in a copy with relative links (the archive's): the offline index. */
async function offline(browser: Browser, copy: string, query: string): Promise<SiteSearchRow> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(copy, 'search', 'index.html')).href, { waitUntil: 'load' });
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    const firstResultsMs = await timeSearch(page, query);
    await page.waitForTimeout(300);
    const files = fetched.filter((u) => u.startsWith('file:'));
    return {
      query,
      mode: 'offline (index, file://)',
      bytes: files.reduce((n, u) => n + statSync(fileURLToPath(u.replace(/[?#].*$/, ''))).size, 0),
      requests: fetched.length,
      ...(firstResultsMs !== undefined ? { firstResultsMs } : {}),
      results: await found(page),
    };
  } finally {
    await context.close();
  }
}

/** Both ways, for each query. `dist` is a build of the site. */
export async function measureSiteSearch(
  browser: Browser,
  dist: string,
  queries: readonly string[] = SITE_SEARCH_QUERIES,
): Promise<SiteSearchRow[]> {
  const archive = await makeArchive({
    distDir: dist,
    name: 'bench',
    origin: 'https://briefing.example.org',
    base: '/',
    date: new Date(),
  });
  const copy = mkdtempSync(join(os.tmpdir(), 'bench-site-search-'));
  try {
    for (const f of archive.files) {
      mkdirSync(join(copy, f.path, '..'), { recursive: true });
      writeFileSync(join(copy, f.path), f.bytes);
    }
    const rows: SiteSearchRow[] = [];
    for (const query of queries) {
      rows.push(await online(browser, dist, query));
      rows.push(await offline(browser, copy, query));
    }
    return rows;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The rows as a Markdown table. */
export function siteSearchTable(rows: readonly SiteSearchRow[]): string {
  return table(
    ['Query', 'How', 'Fetched for the search', 'Requests', 'Enter to results', 'Results'],
    rows.map((r) => [
      r.query,
      r.mode,
      bytes(r.bytes),
      count(r.requests),
      r.firstResultsMs === undefined ? 'none shown' : ms(r.firstResultsMs),
      count(r.results),
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const browser = await launch();
  try {
    console.log(siteSearchTable(await measureSiteSearch(browser, dist)));
  } finally {
    await browser.close();
  }
}
