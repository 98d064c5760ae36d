import type { Page } from 'playwright-core';

// What the search tests read from the search page, whichever way it was opened.

/** The status line, once a search has finished (it names results or says there are none). */
export async function waitForStatus(page: Page): Promise<string> {
  const status = page.locator('[data-search-status]');
  await page.waitForFunction(
    () => /result/i.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
    undefined,
    { timeout: 15_000 },
  );
  return (await status.textContent()) ?? '';
}

/** Every result's title link, in order, after showing all results. */
export async function allResultLinks(page: Page): Promise<string[]> {
  for (;;) {
    const more = page.locator('[data-search-more]');
    if ((await more.count()) === 0) break;
    const before = await page.locator('.result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.result').length > n, before, {
      timeout: 10_000,
    });
  }
  return page
    .locator('.result-title a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** A result link as a site path without query: "../documents/x/index.html?h=1#p" and
 * "/documents/x/?h=1#p" are both "/documents/x/". */
export function sitePath(href: string): string {
  const path = href.replace(/[?#].*$/, '').replace(/index\.html$/, '');
  return `/${path.replace(/^(\.\.\/)+/, '').replace(/^\//, '')}`;
}

export const DOCUMENTS = {
  eastwest: '/documents/central-asian-security-two-recommendations-for-international-action/',
  nato: '/documents/renewing-central-asian-partnerships/',
  diplomat: '/documents/how-can-central-asia-move-toward-security-integration/',
  sipri: '/documents/foreign-military-assistance-to-central-asia-conclusions-and-recommendations/',
  commentary: '/documents/counter-terrorism-in-central-asia-requires-international-cooperation/',
} as const;

/** The queries the offline search must answer as Pagefind does (the benchmark's, and more). */
export const QUERIES = [
  'narcotics',
  'SCO',
  'border security',
  'Andijan',
  'Kazakhstan',
  'counter-terrorism',
  'U.S.',
  'NATO-SCO',
  'Armenian',
  'military assistance',
  'xyzzyqq',
];
