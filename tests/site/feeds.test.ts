import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config/site.ts';
import { documentSchema, type DocumentData } from '../../src/content/schema.ts';
import { parseEntry } from '../../src/ingest/write.ts';
import { PER_PAGE } from '../../src/lib/pagination.ts';
import { isRedirectPage } from '../../src/urls/record.ts';
import { listPages } from './helpers/pages.ts';
import { distDir, repoRoot } from './helpers/paths.ts';

// Feeds and discovery, read with a real feed parser (feedsmith): the RSS 2.0 and JSON Feed list
// the newest documents (PER_PAGE.feed of them, so every one of the five here; the cap is tested
// in pagination.test.ts) with title, link and summary, and a date only where the source states
// the day; the sitemap lists every page; robots.txt points to the sitemap.

const dist = distDir();
const origin = SITE.origin;
const base = SITE.base;
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');

const entriesDir = path.join(repoRoot, 'src/content/documents');
const documents = new Map<string, DocumentData>(
  readdirSync(entriesDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => [
      `${origin}${base}documents/${name.replace(/\.mdx$/, '')}/`,
      documentSchema.parse(parseEntry(readFileSync(path.join(entriesDir, name), 'utf8')).data),
    ]),
);
const statesDay = (data: DocumentData) =>
  data.published?.origin === 'source' && data.published.precision === 'day';

it('has fewer documents than a feed holds, so the feeds below list them all', () => {
  expect(documents.size).toBeLessThanOrEqual(PER_PAGE.feed);
});

describe('RSS 2.0', () => {
  const feed = parseRssFeed(read('feed.xml'));

  it('describes the publication', () => {
    expect(feed.title).toBe(SITE.name);
    expect(feed.link).toBe(`${origin}${base}`);
    expect(feed.description).toBe(SITE.description);
  });

  it('lists every document once, with title, link, summary and a guid', () => {
    const items = feed.items ?? [];
    expect(items.map((i) => i.link).sort()).toEqual([...documents.keys()].sort());
    for (const item of items) {
      const data = documents.get(item.link!)!;
      expect(item.title).toBe(data.title);
      expect(item.description).toContain(data.summary.text);
      expect(item.guid?.value).toBe(item.link);
    }
  });

  it('dates an item only when its source states the day', () => {
    for (const item of feed.items ?? []) {
      const data = documents.get(item.link!)!;
      if (statesDay(data)) {
        expect(new Date(item.pubDate!).toISOString().slice(0, 10)).toBe(data.published!.date);
      } else {
        expect(item.pubDate, item.link).toBeUndefined();
      }
    }
  });
});

describe('JSON Feed', () => {
  const feed = parseJsonFeed(JSON.parse(read('feed.json')));

  it('describes the publication', () => {
    expect(feed.title).toBe(SITE.name);
    expect(feed.home_page_url).toBe(`${origin}${base}`);
    expect(feed.feed_url).toBe(`${origin}${base}feed.json`);
  });

  it('lists every document once, with title, link and summary; authors only where named', () => {
    const items = feed.items ?? [];
    expect(items.map((i) => i.url).sort()).toEqual([...documents.keys()].sort());
    for (const item of items) {
      const data = documents.get(item.url!)!;
      expect(item.id).toBe(item.url);
      expect(item.title).toBe(data.title);
      expect(item.summary).toContain(data.summary.text);
      const named = data.authors.flatMap((a) => (a.name ? [a.name] : []));
      expect((item.authors ?? []).map((a) => a.name)).toEqual(named);
      if (statesDay(data)) expect(item.date_published?.slice(0, 10)).toBe(data.published!.date);
      else expect(item.date_published, item.url).toBeUndefined();
    }
  });
});

/** The <loc> values of a sitemap file. */
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

describe('sitemap and robots.txt', () => {
  const index = locs(read('sitemap-index.xml'));
  const listed = index.flatMap((url) => locs(read(url.slice(`${origin}${base}`.length))));

  it('the index points to sitemaps that were built', () => {
    expect(index.length).toBeGreaterThan(0);
    for (const url of index) {
      expect(existsSync(path.join(dist, url.slice(`${origin}${base}`.length)))).toBe(true);
    }
  });

  it('lists every page, and only pages', () => {
    const pages = listPages(dist)
      .filter((p) => !isRedirectPage(readFileSync(p.file, 'utf8')))
      .filter((p) => !/\/404(\.html|\/)$/.test(p.route))
      .map((p) => origin + base + p.route.slice(1));
    expect([...new Set(listed)].sort()).toEqual(pages.sort());
  });

  it('robots.txt names the sitemap', () => {
    const robots = read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`Sitemap: ${origin}${base}sitemap-index.xml`);
  });
});
