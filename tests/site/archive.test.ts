import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArchive, type Archive } from '../../src/archive/archive.ts';
import { distDir } from './helpers/paths.ts';
import { launchBrowser, type Browser } from './helpers/browser.ts';

// The offline copy, unzipped and opened from disk in Chromium: a reader moves through it by
// clicking, follows a paragraph link and searches, and nothing is requested but files of the copy.

let archive: Archive;
let root: string;
let browser: Browser;
const requests: string[] = [];
const failures: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  archive = await makeArchive({
    distDir: distDir(),
    name: 'Central Asia Security Briefing',
    origin: 'https://briefing.example.org',
    base: '/',
    date: new Date('2026-11-23T00:00:00Z'),
  });
  root = mkdtempSync(path.join(os.tmpdir(), 'archive-test-'));
  for (const [name, bytes] of Object.entries(unzipSync(archive.zip))) {
    const target = path.join(root, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${page.url()})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message} (${page.url()})`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
  await page.goto(url);
  return page;
}

const home = () => pathToFileURL(path.join(root, archive.folder, 'index.html')).href;

describe('the archive opened from disk', () => {
  it('holds a README, a manifest of every file, and the site', () => {
    const names = Object.keys(unzipSync(archive.zip));
    expect(names).toContain('README.txt');
    expect(names).toContain('MANIFEST.sha256');
    expect(names).toContain(`${archive.folder}/index.html`);
    const manifest = new TextDecoder().decode(unzipSync(archive.zip)['MANIFEST.sha256']!);
    expect(manifest.trim().split('\n')).toHaveLength(archive.files.length);
  });

  it('home → a document → an entity → back, by clicking links', async () => {
    const page = await open(home());
    expect(await page.locator('h1').count()).toBe(1);
    await page.locator('main a[href*="documents/"][href$="index.html"]').first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/^file:\/\/.*\/documents\/[^/]+\/index\.html$/);
    const documentUrl = page.url();
    expect(await page.locator('.text p[id]').count()).toBeGreaterThan(2);

    await page.locator('.text a[href*="entities/"]').first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/entities\/[^/]+\/index\.html$/);
    expect(await page.locator('h1').textContent()).toBeTruthy();

    await page.goBack();
    expect(page.url()).toBe(documentUrl);
    await page.close();
  });

  it('a link to a paragraph opens at that paragraph', async () => {
    const page = await open(home());
    await page.locator('main a[href*="documents/"][href$="index.html"]').first().click();
    await page.waitForLoadState('load');
    const id = await page.locator('.text p[id]').nth(2).getAttribute('id');
    await page.goto(`${page.url()}#${id}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
    await page.close();
  });

  it('search works offline and finds the documents on narcotics', async () => {
    const page = await open(
      pathToFileURL(path.join(root, archive.folder, 'search/index.html')).href + '?q=narcotics',
    );
    const results = page.locator('main a[href*="documents/"]');
    await results.first().waitFor({ timeout: 10_000 });
    expect(await results.count()).toBeGreaterThan(1);
    await page.close();
  });

  it('asked for nothing but files of the copy, with no errors', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(failures).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
