import { chromium, type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './helpers/browser.ts';
import { discoverPageTypes } from './helpers/pages.ts';
import { distDir } from './helpers/paths.ts';
import { waitForStatus } from './helpers/search.ts';
import { openBuiltSite } from './helpers/site.ts';

// No layout shift at all (CLS 0) while any page type loads, on a desktop window with a classic
// scrollbar and on a phone, plus the search page opened with a query (results come in after the
// page has painted). The HTML arrives slowly, as on a real network, so that Chromium paints the
// page before it has all been read: a page that grows taller than the window only then gets its
// scrollbar, which used to move every centred column sideways.

const types = discoverPageTypes(distDir());

/** Lighthouse's two form factors: its desktop window, and its phone (overlay scrollbars). */
const DEVICES: Record<string, BrowserContextOptions> = {
  desktop: { viewport: { width: 1350, height: 940 } },
  mobile: {
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  },
};

/** About 1.6 Mbit/s, Lighthouse's "slow 4G": a page of 40 kB takes a quarter of a second. */
const NETWORK = {
  offline: false,
  latency: 40,
  downloadThroughput: 200_000,
  uploadThroughput: 200_000,
};

/** The search page opened from a link or the header box: results, no results, filters and order. */
const SEARCHES = ['?q=Kazakhstan', '?q=xyzzyqq', '?q=security&kind=Document&sort=oldest'];

// Not the suite's launchBrowser(): Playwright hides scrollbars by default, and a scrollbar that
// appears late is one of the shifts this looks for.
const site = openBuiltSite(() =>
  chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: ['--hide-scrollbars'],
    args: CHROMIUM_ARGS,
  }),
);

interface Shift {
  value: number;
  at: number;
  moved: string[];
}

/** Loads `path` on a throttled network and returns every layout shift, whether or not the
 * browser thinks there was input (there is none). `ready` waits for what comes in late. */
async function shiftsWhileLoading(
  device: BrowserContextOptions,
  path: string,
  ready: (page: Page) => Promise<unknown> = async () => undefined,
): Promise<Shift[]> {
  const context = await site.browser.newContext(device);
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) =>
      route.request().url().startsWith(`${site.server.origin}/`) ? route.continue() : route.abort(),
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: Shift[] };
      w.__shifts = [];
      const label = (node: Node | null): string => {
        if (!(node instanceof Element)) return node?.nodeName ?? '(gone)';
        const cls = typeof node.className === 'string' ? node.className.trim() : '';
        return `<${node.tagName.toLowerCase()}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}>`;
      };
      interface Source {
        node: Node | null;
        previousRect: DOMRectReadOnly;
        currentRect: DOMRectReadOnly;
      }
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          sources: Source[];
        })[]) {
          w.__shifts.push({
            value: entry.value,
            at: Math.round(entry.startTime),
            moved: entry.sources.map(
              (s) =>
                `${label(s.node)} from (${Math.round(s.previousRect.x)}, ${Math.round(s.previousRect.y)})` +
                ` to (${Math.round(s.currentRect.x)}, ${Math.round(s.currentRect.y)})`,
            ),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const response = await page.goto(site.server.origin + path, { waitUntil: 'load' });
    expect(response?.status(), `HTTP status of ${path}`).toBe(200);
    await ready(page);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // Two frames, so that a shift from the last change is reported.
    await page.evaluate(
      () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))),
    );
    return await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
  } finally {
    await context.close();
  }
}

const total = (shifts: Shift[]): number => shifts.reduce((sum, s) => sum + s.value, 0);

for (const [name, device] of Object.entries(DEVICES)) {
  describe(`no layout shift, ${name}`, () => {
    for (const type of types) {
      test(`${type.pattern} (${type.sample.route})`, async () => {
        const shifts = await shiftsWhileLoading(device, encodeURI(type.sample.route), (page) =>
          page.waitForLoadState('networkidle'),
        );
        expect(total(shifts), JSON.stringify(shifts, null, 1)).toBe(0);
      });
    }

    for (const query of SEARCHES) {
      test(`/search/${query}, until the results are in`, async () => {
        const shifts = await shiftsWhileLoading(device, `/search/${query}`, waitForStatus);
        expect(total(shifts), JSON.stringify(shifts, null, 1)).toBe(0);
      });
    }
  });
}
