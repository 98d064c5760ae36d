import { describe, expect, it } from 'vitest';
import { openBuiltSite } from './helpers/site.ts';

// Every heading and paragraph of a document links to itself: the link shows on hover and on
// keyboard focus, opening it lands on the passage and marks it, and with JavaScript a click also
// copies the address.

const DOC = '/documents/renewing-central-asian-partnerships/';
const site = openBuiltSite();

describe('permalinks of headings and paragraphs', () => {
  it('every block of the text has one, pointing at its own id', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(site.server.origin + DOC);
    const blocks = await page.$$eval('.text > :is(p, h2)', (els) =>
      els.map((e) => ({
        id: e.id,
        href: e.querySelector('a[data-permalink]')?.getAttribute('href'),
      })),
    );
    expect(blocks.length).toBeGreaterThan(20);
    for (const b of blocks) expect(b.href).toBe(`#${b.id}`);
    const heading = page.locator('#andijan-effect a[data-permalink]');
    expect(await heading.getAttribute('aria-label')).toBe('Link to the section “Andijan effect”');
    await page.close();
  });

  it('shows on hover and on keyboard focus, hidden otherwise', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(site.server.origin + DOC);
    const link = page.locator('#p-eabb9b a[data-permalink]');
    const opacity = () => link.evaluate((e) => getComputedStyle(e).opacity);
    expect(await opacity()).toBe('0');
    await page.locator('#p-eabb9b').hover();
    expect(await opacity()).toBe('1');
    await page.mouse.move(0, 0);
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      '#p-eabb9b',
    );
    expect(await opacity()).toBe('1');
    await page.close();
  });

  // The panels sit beside the text on a wide screen and below it on a narrow one; "About this
  // source" is linked from the citations. A panel laid out late (content-visibility) once made
  // these links land hundreds of pixels off, after the panels above the target took their size.
  it('opening a link to a panel lands on its heading, wide and narrow', async () => {
    for (const width of [1280, 360]) {
      for (const id of ['entities-heading', 'related-heading', 'cite-heading', 'about-heading']) {
        // A new page each time: on the same page, a second link would only scroll a document
        // already laid out.
        const page = await site.browser.context.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${site.server.origin}${DOC}#${id}`);
        // Long enough for anything laid out after the jump to have moved the heading.
        await page.waitForTimeout(500);
        const top = await page.locator(`#${id}`).evaluate((e) => e.getBoundingClientRect().top);
        expect({ width, id, top: Math.abs(Math.round(top)) }).toEqual({ width, id, top: 0 });
        await page.close();
      }
    }
  });

  it('opening a paragraph link scrolls to it and marks it', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.server.origin}${DOC}#p-a18324`);
    const target = page.locator('#p-a18324');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p-a18324');
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(200);
    const marked = await target.evaluate((e) => getComputedStyle(e).backgroundColor);
    const plain = await page
      .locator('#p-eabb9b')
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(marked).not.toBe(plain);
    await page.close();
  });

  it('a click copies the address of the passage', async () => {
    await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.origin,
    });
    const page = await site.browser.context.newPage();
    await page.goto(site.server.origin + DOC);
    await page.locator('#post-9-11-engagement').hover();
    await page.locator('#post-9-11-engagement a[data-permalink]').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${site.server.origin}${DOC}#post-9-11-engagement`);
    expect(page.url()).toBe(`${site.server.origin}${DOC}#post-9-11-engagement`);
    await page.close();
  });
});
