import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, watchPage } from './helpers/browser.ts';
import { distDir, repoRoot } from './helpers/paths.ts';
import { listFiles } from '../../src/archive/archive.ts';
import { INDEXED_PAGES } from '../../src/integrations/search/pagefind.ts';
import { allResultLinks, DOCUMENTS, sitePath, waitForStatus } from './helpers/search.ts';
import { openBuiltSite } from './helpers/site.ts';

// Search on the built site, in Chromium over http: Pagefind's results on the real documents,
// filters, passages that land on their paragraph, the empty state, keys alone, axe in light and
// dark, the page without JavaScript, and Pagefind loaded only when a reader searches.

const axeSource = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

const site = openBuiltSite();

/** Runs `run` on a fresh page, then checks that nothing went wrong on it. */
async function withPage<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const page = await site.browser.context.newPage();
  const watched = await watchPage(page, site.server.origin);
  try {
    const result = await run(page);
    expect(watched.consoleErrors, 'console errors').toEqual([]);
    expect(watched.failedRequests, 'failed requests').toEqual([]);
    expect(watched.externalRequests, 'requests off the site').toEqual([]);
    return result;
  } finally {
    await page.close();
  }
}

async function search(page: Page, query: string, extra = ''): Promise<string> {
  await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent(query)}${extra}`);
  return waitForStatus(page);
}

const documentsIn = (links: string[]) =>
  links.map(sitePath).filter((p) => p.startsWith('/documents/'));

describe('results on the real documents', () => {
  test('"narcotics" finds the four documents that discuss narcotics, the SIPRI brief first', async () => {
    await withPage(async (page) => {
      const status = await search(page, 'narcotics');
      expect(status).toMatch(/results for “narcotics”/);
      // The registry's other names for the topic are searched too, and the page says so.
      expect(status).toContain('“Counter-narcotics”');
      const docs = documentsIn(await allResultLinks(page));
      expect(new Set(docs)).toEqual(
        new Set([DOCUMENTS.sipri, DOCUMENTS.eastwest, DOCUMENTS.nato, DOCUMENTS.commentary]),
      );
      // The brief proposes counternarcotics as the place to start and names it most often.
      expect(docs[0]).toBe(DOCUMENTS.sipri);
      // The topic's own page comes first of all, marked as an entity.
      const first = page.locator('.result').first();
      expect(await first.locator('.result-title').textContent()).toBe('Counter-narcotics');
      expect(await first.locator('.kicker').textContent()).toMatch(/Entity.*Topic/);
    });
  });

  test('a result shows its title, type, date, marked excerpts and passages', async () => {
    await withPage(async (page) => {
      await search(page, 'Andijan');
      const result = page.locator('.result', {
        has: page.locator(`a[href^="${DOCUMENTS.nato}"]`),
      });
      expect(await result.locator('.result-title').textContent()).toBe(
        'Renewing Central Asian Partnerships',
      );
      expect(await result.locator('.kicker').textContent()).toMatch(/Journal article.*Autumn 2006/);
      const passages = result.locator('.result-passages a');
      expect(await passages.count()).toBeGreaterThan(0);
      expect(await passages.first().textContent()).toMatch(/Andijan effect|Summary|Paragraph/);
      expect(await result.locator('mark').first().textContent()).toBe('Andijan');
      expect(await passages.first().getAttribute('href')).toMatch(
        /^\/documents\/renewing-central-asian-partnerships\/\?highlight=Andijan#[a-z0-9-]+$/,
      );
    });
  });

  test('a passage link lands on a paragraph that contains the term, marked', async () => {
    await withPage(async (page) => {
      await search(page, 'border security');
      // A paragraph's passage (a summary's passage links to the "Summary" heading above it).
      const link = page.locator('.result-passages a[href*="#p-"]').first();
      const id = (await link.getAttribute('href'))!.split('#')[1]!;
      await link.click();
      await page.waitForURL((u) => u.hash === `#${id}`);
      await page.waitForSelector('mark.search-hit');
      const target = await page.evaluate(() => {
        const el = document.querySelector(':target');
        return {
          id: el?.id,
          text: el?.textContent ?? '',
          marks: el?.querySelectorAll('mark').length,
        };
      });
      expect(target.id).toBe(id);
      expect(target.text).toMatch(/border/i);
      expect(target.marks).toBeGreaterThan(0);
      // Marking changes no id and adds none.
      expect(await page.locator(`#${id}`).count()).toBe(1);
    });
  });

  test('a filter narrows the results, and the URL says so', async () => {
    await withPage(async (page) => {
      await search(page, 'security');
      const all = await allResultLinks(page);
      await page.locator('summary', { hasText: 'Filter and sort' }).click();
      await page.selectOption('[data-facet="type"]', 'Policy brief');
      await page.waitForFunction(() => location.search.includes('type=Policy+brief'));
      const status = await waitForStatus(page);
      expect(status).toMatch(/^1 result for “security” \(Type: Policy brief\)/);
      const briefs = await allResultLinks(page);
      expect(briefs.map(sitePath)).toEqual([DOCUMENTS.sipri]);
      expect(all.length).toBeGreaterThan(briefs.length);

      await page.selectOption('[data-facet="type"]', '');
      await page.selectOption('[data-facet="country"]', 'Kazakhstan');
      await page.waitForFunction(() => location.search.includes('country=Kazakhstan'));
      await waitForStatus(page);
      const kazakhstan = documentsIn(await allResultLinks(page));
      expect(kazakhstan).not.toContain(DOCUMENTS.sipri);
      expect(kazakhstan).toContain(DOCUMENTS.diplomat);
    });
  });

  test('a shared URL restores the search: query, filter and order', async () => {
    await withPage(async (page) => {
      await search(page, 'security', '&kind=Document&sort=oldest');
      expect(await page.inputValue('#search-q')).toBe('security');
      expect(await page.inputValue('[data-facet="kind"]')).toBe('Document');
      expect(await page.inputValue('[data-search-sort]')).toBe('oldest');
      expect(await page.locator('[data-search-filters]').getAttribute('open')).not.toBeNull();
      const docs = (await allResultLinks(page)).map(sitePath);
      expect(docs[0]).toBe(DOCUMENTS.nato);
      expect(docs.at(-1)).toBe(DOCUMENTS.diplomat);
      expect(docs.every((d) => d.startsWith('/documents/'))).toBe(true);
    });
  });

  test('one letter typed waits for a second; Enter searches it anyway', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.server.origin}/search/`);
      await page.focus('#search-q');
      await page.keyboard.type('S');
      await page.waitForFunction(() =>
        /two letters/.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
      );
      expect(await page.locator('.result').count()).toBe(0);
      await page.keyboard.press('Enter');
      expect(await waitForStatus(page)).toMatch(/results for “S”/);
    });
  });

  test('a search that finds nothing says so and how to widen it', async () => {
    await withPage(async (page) => {
      const status = await search(page, 'xyzzyqq');
      expect(status).toBe(
        'No results for “xyzzyqq”. Check the spelling, or try fewer or other words.',
      );
      expect(await page.locator('.result').count()).toBe(0);
    });
  });
});

describe('what is indexed', () => {
  test('the documents and the entity pages, and no list or page of navigation', () => {
    const holder: { __SEARCH_INDEX__?: { pages: { url: string; content: string }[] } } = {};
    new Function('window', readFileSync(path.join(distDir(), 'search/offline-index.js'), 'utf8'))(
      holder,
    );
    const urls = holder.__SEARCH_INDEX__!.pages.map((p) => p.url);
    expect(urls.filter((u) => u.startsWith('/documents/')).sort()).toEqual(
      Object.values(DOCUMENTS).sort(),
    );
    expect(urls.filter((u) => !/^\/(documents|entities)\/[a-z0-9-]+\/$/.test(u))).toEqual([]);
    // A document's text is there: headline, summary, key points, body.
    const nato = holder.__SEARCH_INDEX__!.pages.find((p) => p.url === DOCUMENTS.nato)!;
    expect(nato.content).toMatch(/^Renewing Central Asian Partnerships\. Summary\./);
    expect(nato.content).toContain('Key points.');
    expect(nato.content).toContain('Building a NATO-SCO dialogue');
  });

  test('every page marked for the index is one Pagefind is given (INDEXED_PAGES)', () => {
    const marked = listFiles(distDir()).filter(
      (f) =>
        f.endsWith('.html') &&
        readFileSync(path.join(distDir(), f), 'utf8').includes('data-pagefind-body'),
    );
    expect(marked.length).toBeGreaterThan(Object.keys(DOCUMENTS).length);
    const pattern = /^(documents|entities)\/[^/]+\/index\.html$/;
    expect(INDEXED_PAGES).toBe('{documents,entities}/*/index.html');
    expect(marked.filter((f) => !pattern.test(f))).toEqual([]);
    // And everything marked was indexed: one page of the offline index each.
    const holder: { __SEARCH_INDEX__?: { pages: unknown[] } } = {};
    new Function('window', readFileSync(path.join(distDir(), 'search/offline-index.js'), 'utf8'))(
      holder,
    );
    expect(holder.__SEARCH_INDEX__!.pages).toHaveLength(marked.length);
  });

  test('not the panels: the source file, its hash, the citation formats find nothing', async () => {
    await withPage(async (page) => {
      expect(await search(page, '002_830fe851af452db6')).toMatch(/^No results/);
      expect(await search(page, 'SHA-256')).toMatch(/^No results/);
      expect(await search(page, 'BibTeX')).toMatch(/^No results/);
      expect(await search(page, 'encoding')).toMatch(/^No results/);
    });
  });
});

describe('keys alone', () => {
  test('/ focuses the header box, Escape leaves it, Enter searches', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.server.origin}${DOCUMENTS.nato}`);
      await page.keyboard.press('Tab'); // the skip link
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      await page.keyboard.press('/');
      await page.keyboard.type('Andijan');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=Andijan$/);
      await waitForStatus(page);
    });
  });

  test('arrows move through the results and back to the box; Enter opens one', async () => {
    await withPage(async (page) => {
      await search(page, 'Andijan');
      const active = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLAnchorElement | HTMLInputElement | null;
          return el?.id || el?.getAttribute('href') || el?.tagName;
        });
      const links = await page
        .locator('[data-search-list] a[href]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      await page.keyboard.press('/');
      expect(await active()).toBe('search-q');
      await page.keyboard.press('ArrowDown');
      expect(await active()).toBe(links[0]);
      await page.keyboard.press('ArrowDown');
      expect(await active()).toBe(links[1]);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(await active()).toBe('search-q');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      expect(await active()).toBe(links.at(-1));
      await page.keyboard.press('Escape');
      expect(await active()).toBe('search-q');
      // Tab goes on from the box to its button and the filters, as in any form.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname !== '/search/');
      expect(sitePath(page.url().replace(site.server.origin, ''))).toBe(sitePath(links[0]!));
      await page.waitForSelector('mark.search-hit');
    });
  });
});

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [360, 1280]) {
      test(`axe finds no violation on results and on a marked page (${scheme}, ${width}px)`, async () => {
        await withPage(async (page) => {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          await search(page, 'narcotics', '&sort=relevance');
          await page.locator('summary', { hasText: 'Filter and sort' }).click();
          for (const url of [
            page.url(),
            `${site.server.origin}${DOCUMENTS.sipri}?highlight=narcotics`,
          ]) {
            if (url !== page.url()) {
              await page.goto(url);
              await page.waitForSelector('mark.search-hit');
            }
            await page.addScriptTag({ content: axeSource });
            const results = await page.evaluate(() => {
              const { axe } = window as unknown as { axe: typeof import('axe-core') };
              return axe.run(document, { resultTypes: ['violations'] });
            });
            expect(results.passes.length).toBeGreaterThan(0);
            expect(summarize(results), `axe on ${url}`).toEqual([]);
          }
        });
      });
    }
  }

  test('results are announced once typing pauses, not at every key; the input is labelled', async () => {
    await withPage(async (page) => {
      await page.goto(`${site.server.origin}/search/`);
      const announcer = page.locator('[data-search-announce]');
      expect(await announcer.getAttribute('role')).toBe('status');
      expect(await announcer.getAttribute('aria-live')).toBe('polite');
      expect(await page.locator('label[for="search-q"]').textContent()).toBeTruthy();
      expect(await page.locator('label[for="site-search-q"]').count()).toBe(0); // no second box
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __said: string[] }).__said = seen;
        const el = document.querySelector('[data-search-announce]')!;
        new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      await page.focus('#search-q');
      await page.keyboard.type('Kazakhstan', { delay: 60 });
      await page.waitForFunction(() => (window as unknown as { __said: string[] }).__said.length);
      await page.waitForTimeout(1500);
      const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said);
      expect(said).toEqual([await page.locator('[data-search-status]').textContent()]);
      expect(said[0]).toMatch(/results for “Kazakhstan”/);
      // Enter announces at once.
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => (window as unknown as { __said: string[] }).__said.length > 1,
      );
    });
  });
});

function summarize(results: AxeResults): string[] {
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id}: ${v.help} @ ${node.target.join(' ')}`),
  );
}

describe('without JavaScript', () => {
  test('the search page says search needs it and links to the indexes', async () => {
    const plain = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    });
    try {
      const context = await plain.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${site.server.origin}/search/?q=narcotics`);
      const message = page.locator('.search-message');
      expect(await message.isVisible()).toBe(true);
      expect(await message.textContent()).toMatch(/Search needs JavaScript/);
      const hrefs = await message
        .locator('a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['/documents/', '/entities/']);

      // The header box is a plain form: it opens the search page with the query.
      await page.goto(`${site.server.origin}${DOCUMENTS.nato}`);
      await page.fill('#site-search-q', 'Andijan');
      await page.press('#site-search-q', 'Enter');
      await page.waitForURL(/\/search\/\?q=Andijan$/);
    } finally {
      await plain.close();
    }
  });
});

describe('loading', () => {
  test('a document page fetches nothing for search; Pagefind loads when a reader searches', async () => {
    await withPage(async (page) => {
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await page.goto(`${site.server.origin}${DOCUMENTS.nato}`, { waitUntil: 'networkidle' });
      expect(fetched.filter((p) => /search|pagefind/.test(p))).toEqual([]);

      await page.goto(`${site.server.origin}/search/`, { waitUntil: 'networkidle' });
      expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
      await page.focus('#search-q');
      await page.waitForResponse((r) => r.url().endsWith('/pagefind/pagefind.js'));
      await page.keyboard.type('SCO');
      await waitForStatus(page);
      // No worker, and never the offline index over http.
      expect(fetched.some((p) => p.endsWith('pagefind-worker.js'))).toBe(false);
      expect(fetched.some((p) => p.endsWith('offline-index.js'))).toBe(false);
    });
  });
});
