import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { watchPage } from './helpers/browser.ts';
import { discoverPageTypes } from './helpers/pages.ts';
import { distDir, resultsDir } from './helpers/paths.ts';
import { openBuiltSite } from './helpers/site.ts';

// Every page type, in Chromium, in light and dark, narrow and wide: it loads without console
// errors or failed requests, asks nothing of any host but the local server, and does not scroll
// sideways. A full-page screenshot of each combination goes to test-results/screenshots/.

const types = discoverPageTypes(distDir());
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [360, 1280] as const;
const screenshotDir = path.join(resultsDir, 'screenshots');

const site = openBuiltSite();

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
});

/** Runs in the page: null, or what makes the page wider than the viewport. */
function horizontalOverflow(): {
  scrollWidth: number;
  viewport: number;
  culprits: string[];
} | null {
  const root = document.documentElement;
  const viewport = root.clientWidth;
  if (root.scrollWidth <= viewport) return null;
  const clipped = (el: Element): boolean => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')].filter(
    (el) => el.getBoundingClientRect().right > viewport + 0.5 && !clipped(el),
  );
  // The innermost offenders are the ones to fix; their ancestors only grow with them.
  const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
  const label = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls =
      typeof el.className === 'string' && el.className.trim()
        ? `.${el.className.trim().split(/\s+/).join('.')}`
        : '';
    const right = Math.round(el.getBoundingClientRect().right);
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}> right edge ${right}px "${text}"`;
  };
  return { scrollWidth: root.scrollWidth, viewport, culprits: innermost.slice(0, 10).map(label) };
}

for (const type of types) {
  describe(`${type.pattern} (opened: ${type.sample.route})`, () => {
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        test(`${scheme}, ${width}px`, async () => {
          const page = await site.browser.context.newPage();
          try {
            const problems = await watchPage(page, site.server.origin);
            await page.setViewportSize({ width, height: 800 });
            await page.emulateMedia({ colorScheme: scheme });
            const response = await page.goto(site.server.origin + encodeURI(type.sample.route), {
              waitUntil: 'load',
            });
            await page.waitForLoadState('networkidle');
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
            const overflow = await page.evaluate(horizontalOverflow);
            await page.screenshot({
              path: path.join(screenshotDir, `${type.name}-${scheme}-${width}.png`),
              fullPage: true,
            });

            expect.soft(response?.status(), 'HTTP status of the page').toBe(200);
            expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
            expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
            expect
              .soft(problems.externalRequests, 'requests to hosts other than 127.0.0.1')
              .toEqual([]);
            expect.soft(overflow, `horizontal overflow at ${width}px`).toBeNull();
          } finally {
            await page.close();
          }
        });
      }
    }
  });
}
