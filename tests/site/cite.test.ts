import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config/site.ts';
import { watchPage } from './helpers/browser.ts';
import { distDir, repoRoot } from './helpers/paths.ts';
import { openBuiltSite } from './helpers/site.ts';

// "Cite this" in Chromium: the copy buttons appear only with JavaScript, copy exactly the block's
// text and say so in a live region; the script is one small classic deferred file. On paper:
// no navigation, search or buttons, link targets printed after links, and the citation and
// "About this source" kept.

const dist = distDir();
const slug = readdirSync(path.join(repoRoot, 'src/content/documents'))
  .find((name) => name.startsWith('renewing'))!
  .replace(/\.mdx$/, '');
const route = `${SITE.base}documents/${slug}/`;
const html = readFileSync(path.join(dist, route.slice(SITE.base.length), 'index.html'), 'utf8');

const site = openBuiltSite();

describe('the copy script', () => {
  it('is one classic deferred script under 1 KB gzipped, and the buttons start hidden', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
    const copy = scripts.filter((m) => /copy/.test(m[1]!));
    expect(copy).toHaveLength(1);
    expect(copy[0]![0]).toMatch(/\bdefer\b/);
    expect(copy[0]![0]).not.toMatch(/type="module"/);
    const file = readFileSync(path.join(dist, copy[0]![1]!.slice(SITE.base.length)));
    expect(gzipSync(file, { level: 9 }).length).toBeLessThan(1024);
    const buttons = [...html.matchAll(/<button\b[^>]*data-copy=[^>]*>/g)].map((m) => m[0]);
    expect(buttons).toHaveLength(4);
    for (const button of buttons) expect(button).toMatch(/\bhidden\b/);
  });
});

describe('in Chromium', () => {
  it('copies each block exactly and announces it', async () => {
    await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.origin,
    });
    const page = await site.browser.context.newPage();
    try {
      const problems = await watchPage(page, site.server.origin);
      await page.goto(site.server.origin + route, { waitUntil: 'load' });
      const buttons = page.locator('button[data-copy]');
      await expect.poll(() => buttons.count()).toBe(4);
      const copied = new Map<string, string>();
      for (const id of ['cite-chicago', 'cite-apa', 'cite-bibtex', 'cite-ris']) {
        const button = page.locator(`button[data-copy="${id}"]`);
        expect(await button.isVisible(), `${id} button shown`).toBe(true);
        await button.click();
        const text = (await page.locator(`#${id}`).textContent())!;
        const expected = id === 'cite-bibtex' || id === 'cite-ris' ? text : text.trim();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
        copied.set(id, expected);
        const name = await button.getAttribute('data-copy-name');
        await expect
          .poll(() => page.locator('[data-copy-status]').textContent())
          .toBe(`${name} copied`);
        expect(await page.locator('[data-copy-status]').getAttribute('aria-live')).toBe('polite');
      }
      expect(copied.get('cite-bibtex')).toMatch(/^@article\{renewing-central-asian-partnerships,/);
      expect(copied.get('cite-ris')).toMatch(/^TY {2}- JOUR\n[\s\S]*\nER {2}- $/);
      expect(copied.get('cite-chicago')).toMatch(/^“Renewing Central Asian Partnerships\.”/);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('without the script, the buttons stay hidden and the citations are plain text', async () => {
    const page = await site.browser.context.newPage();
    try {
      await page.route(/copy[^/]*\.js$/, (r) => r.abort());
      await page.goto(site.server.origin + route, { waitUntil: 'load' });
      expect(await page.locator('button[data-copy]:visible').count()).toBe(0);
      expect(await page.locator('#cite-bibtex').textContent()).toContain('@article{');
      expect(await page.locator('#cite-chicago').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('prints the text, the citation and the source panel, with link targets, and no chrome', async () => {
    const page = await site.browser.context.newPage();
    try {
      await page.goto(site.server.origin + route, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const shown = (selector: string) =>
        page.evaluate(
          (s) =>
            [...document.querySelectorAll(s)].some((el) => getComputedStyle(el).display !== 'none'),
          selector,
        );
      expect(await shown('.site-header nav')).toBe(false);
      expect(await shown('[role="search"]')).toBe(false);
      expect(await shown('button')).toBe(false);
      expect(await shown('.cite')).toBe(true);
      expect(await shown('.about')).toBe(true);
      expect(await shown('main h1')).toBe(true);
      // A link to another page is followed by its full URL; a link within the page, and a name
      // in the text linked to its entity page, are not.
      const after = await page.evaluate(() => {
        const content = (a: Element | undefined) =>
          a ? getComputedStyle(a, '::after').content : 'none';
        const links = [...document.querySelectorAll('main a[href]:not(.mention)')];
        const other = links.find((a) => a.getAttribute('href')!.startsWith('/'))!;
        return {
          href: other.getAttribute('href'),
          other: content(other),
          within: content(links.find((a) => a.getAttribute('href')!.startsWith('#'))),
          mention: content(document.querySelector('main a.mention') ?? undefined),
        };
      });
      expect(after.other).toContain(SITE.origin);
      expect(after.other).toMatch(new RegExp(`attr\\(href\\)|${after.href}`));
      expect(after.within).toBe('none');
      expect(after.mention).toBe('none');
    } finally {
      await page.close();
    }
  });
});
