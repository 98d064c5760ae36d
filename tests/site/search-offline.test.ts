import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeArchive } from '../../src/archive/archive.ts';
import { watchPage } from './helpers/browser.ts';
import { distDir } from './helpers/paths.ts';
import { allResultLinks, DOCUMENTS, QUERIES, sitePath, waitForStatus } from './helpers/search.ts';
import { openBuiltSite } from './helpers/site.ts';

// Search in a copy of the built site opened from disk (file://), where Pagefind cannot load: the
// page uses the offline index, and the same queries find the same pages as Pagefind does over
// http. Nothing is requested but files of the copy, and nothing goes wrong in the console.

let root: string;
let searchPage: string;
const requests: string[] = [];
const problems: string[] = [];
const site = openBuiltSite();

beforeAll(async () => {
  // The offline copy as readers get it: the archive's files, links made relative.
  const archive = await makeArchive({
    distDir: distDir(),
    name: 'Central Asia Security Briefing',
    origin: 'https://briefing.example.org',
    base: '/',
    date: new Date('2026-01-01T00:00:00Z'),
  });
  root = mkdtempSync(path.join(os.tmpdir(), 'search-offline-'));
  for (const file of archive.files) {
    const target = path.join(root, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
  searchPage = pathToFileURL(path.join(root, 'search', 'index.html')).href;
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

async function offlinePage(): Promise<Page> {
  const page = await site.browser.context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return page;
}

/** The pages a query finds, in order: offline from disk, or with Pagefind over http. */
async function found(query: string, where: 'disk' | 'http'): Promise<string[]> {
  const page = where === 'disk' ? await offlinePage() : await site.browser.context.newPage();
  try {
    if (where === 'http') await watchPage(page, site.server.origin);
    const base = where === 'disk' ? searchPage : `${site.server.origin}/search/`;
    await page.goto(`${base}?q=${encodeURIComponent(query)}`);
    await waitForStatus(page);
    return (await allResultLinks(page)).map(sitePath);
  } finally {
    await page.close();
  }
}

describe('the search page opened from disk', () => {
  test.each(QUERIES)('"%s" finds the same pages as Pagefind over http', async (query) => {
    const [offline, online] = await Promise.all([found(query, 'disk'), found(query, 'http')]);
    expect(new Set(offline)).toEqual(new Set(online));
    // And the same document first.
    const firstDocument = (list: string[]) => list.find((p) => p.startsWith('/documents/'));
    expect(firstDocument(offline)).toBe(firstDocument(online));
  });

  test('"narcotics" finds the four documents that discuss narcotics, the SIPRI brief first', async () => {
    const docs = (await found('narcotics', 'disk')).filter((p) => p.startsWith('/documents/'));
    expect(new Set(docs)).toEqual(
      new Set([DOCUMENTS.sipri, DOCUMENTS.eastwest, DOCUMENTS.nato, DOCUMENTS.commentary]),
    );
    expect(docs[0]).toBe(DOCUMENTS.sipri);
  });

  test('a filter narrows, and results link to files of the copy', async () => {
    const page = await offlinePage();
    try {
      await page.goto(`${searchPage}?q=security&type=Policy+brief`);
      expect(await waitForStatus(page)).toMatch(/^1 result for “security”/);
      const href = await page.locator('.result-title a').first().getAttribute('href');
      expect(href).toBe(`..${DOCUMENTS.sipri}index.html?highlight=security`);
    } finally {
      await page.close();
    }
  });

  test('a passage link opens the paragraph in the copy, with the term marked', async () => {
    const page = await offlinePage();
    try {
      await page.goto(`${searchPage}?q=Andijan`);
      await waitForStatus(page);
      const link = page.locator('.result-passages a[href*="#p-"]').first();
      const id = (await link.getAttribute('href'))!.split('#')[1]!;
      await link.click();
      await page.waitForURL((u) => u.protocol === 'file:' && u.hash === `#${id}`);
      await page.waitForSelector('mark.search-hit');
      const target = await page.evaluate(() => document.querySelector(':target')?.textContent);
      expect(target).toContain('Andijan');
    } finally {
      await page.close();
    }
  });

  test('loaded the offline index with a classic script, and nothing but files of the copy', () => {
    expect(requests.some((u) => u.endsWith('/search/offline-index.js'))).toBe(true);
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
