import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HtmlElement } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config/site.ts';
import { documentSchema, type DocumentData } from '../../src/content/schema.ts';
import { parseEntry } from '../../src/ingest/write.ts';
import { isRedirectPage } from '../../src/urls/record.ts';
import { attr, parseHtml } from './helpers/html.ts';
import { listPages } from './helpers/pages.ts';
import { distDir, repoRoot } from './helpers/paths.ts';

// Link previews, canonical URLs, feed discovery and citation metadata, read from the built
// pages. Every page: a canonical URL, Open Graph title, description, URL and a card image that
// exists, a Twitter card, and links to both feeds. Document pages: Highwire citation tags and
// JSON-LD that parse and say what the entry says (the expected values are worked out here from
// the entries themselves): the schema.org type for the document type, the date only at the
// precision it is known, authors only where the source names them.

const dist = distDir();
const pages = listPages(dist)
  .map((page) => ({ ...page, html: readFileSync(page.file, 'utf8') }))
  .filter((page) => !isRedirectPage(page.html));
const base = SITE.base;
const origin = SITE.origin;
/** dist/ holds the site as served under the base: route '/x/' is published at <origin><base>x/. */
const urlOf = (route: string) => origin + base + route.slice(1);

/** The file under dist/ that an absolute URL on this site is served from. */
function fileOf(url: string): string {
  expect(url.startsWith(origin + base), `${url} is on ${origin}${base}`).toBe(true);
  const rel = url.slice((origin + base).length);
  return path.join(dist, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
}

function meta(root: HtmlElement, key: string): string[] {
  const byProperty = root.querySelectorAll(`meta[property="${key}"]`);
  const byName = root.querySelectorAll(`meta[name="${key}"]`);
  return [...byProperty, ...byName].map((el) => attr(el, 'content') ?? '');
}

const one = (root: HtmlElement, key: string) => {
  const values = meta(root, key);
  expect(values, `exactly one ${key}`).toHaveLength(1);
  return values[0]!;
};

describe.each(pages.map((p) => [p.route, p] as const))('%s', (route, page) => {
  it('has a canonical URL, Open Graph tags, a card that exists and a Twitter card', async () => {
    const root = await parseHtml(page.html);
    const canonical = root.querySelectorAll('link[rel="canonical"]').map((l) => attr(l, 'href'));
    expect(canonical).toEqual([urlOf(route)]);
    expect(one(root, 'og:url')).toBe(urlOf(route));
    expect(one(root, 'og:title').trim()).not.toBe('');
    expect(one(root, 'og:description').trim()).not.toBe('');
    expect(one(root, 'og:site_name')).toBe(SITE.name);
    const image = one(root, 'og:image');
    expect(existsSync(fileOf(image)), `${image} was built`).toBe(true);
    expect(one(root, 'og:image:width')).toBe('1200');
    expect(one(root, 'og:image:height')).toBe('630');
    expect(one(root, 'og:image:alt').length).toBeGreaterThan(10);
    expect(one(root, 'twitter:card')).toBe('summary_large_image');
  });

  it('links to the RSS and JSON feeds', async () => {
    const root = await parseHtml(page.html);
    for (const [type, file] of [
      ['application/rss+xml', 'feed.xml'],
      ['application/feed+json', 'feed.json'],
    ]) {
      const links = root.querySelectorAll(`link[rel="alternate"][type="${type}"]`);
      expect(links.map((l) => attr(l, 'href'))).toEqual([`${base}${file}`]);
      expect(existsSync(path.join(dist, file))).toBe(true);
    }
  });
});

// The entries, read as the build reads them, by route in dist/.
const entriesDir = path.join(repoRoot, 'src/content/documents');
const documents = new Map<string, DocumentData>(
  readdirSync(entriesDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => [
      `/documents/${name.replace(/\.mdx$/, '')}/`,
      documentSchema.parse(parseEntry(readFileSync(path.join(entriesDir, name), 'utf8')).data),
    ]),
);

const SCHEMA_TYPES: Record<DocumentData['type'], string> = {
  'policy-report': 'Report',
  'policy-brief': 'Report',
  'journal-article': 'ScholarlyArticle',
  'news-analysis': 'NewsArticle',
  commentary: 'Article',
  article: 'Article',
};

/** What may be claimed: a stated date to its precision (a season as its year), else the year
 * alone, and nothing for a range that spans two years. */
function knownDate(data: DocumentData): { iso: string; highwire: string } | undefined {
  const p = data.published;
  if (!p) return undefined;
  const year = p.date.slice(0, 4);
  if (p.origin === 'source' && (p.precision === 'day' || p.precision === 'month')) {
    return { iso: p.date, highwire: p.date.replace(/-/g, '/') };
  }
  if (p.precision === 'range' && p.until?.slice(0, 4) !== year) return undefined;
  return { iso: year, highwire: year };
}

const namedAuthors = (data: DocumentData) => data.authors.flatMap((a) => (a.name ? [a.name] : []));

describe('document pages', () => {
  it('are all built, one per entry', () => {
    const built = pages.filter((p) => documents.has(p.route)).map((p) => p.route);
    expect(built.sort()).toEqual([...documents.keys()].sort());
  });

  describe.each([...documents.entries()])('%s', (route, data) => {
    const page = pages.find((p) => p.route === route)!;

    it('Highwire tags: title, named authors only, known date, publisher', async () => {
      const root = await parseHtml(page.html);
      expect(meta(root, 'citation_title')).toEqual([data.title]);
      expect(meta(root, 'citation_author')).toEqual(namedAuthors(data));
      const date = knownDate(data);
      expect(meta(root, 'citation_publication_date')).toEqual(date ? [date.highwire] : []);
      expect(meta(root, 'citation_publisher')).toEqual(data.publisher ? [data.publisher.name] : []);
      expect(one(root, 'og:type')).toBe('article');
      const published = meta(root, 'article:published_time');
      const day = data.published?.origin === 'source' && data.published.precision === 'day';
      expect(published).toEqual(day ? [data.published!.date] : []);
    });

    it('JSON-LD parses and says what the entry says', async () => {
      const root = await parseHtml(page.html);
      const scripts = root.querySelectorAll('script[type="application/ld+json"]');
      expect(scripts).toHaveLength(1);
      const ld = JSON.parse(scripts[0]!.textContent) as Record<string, unknown>;
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe(SCHEMA_TYPES[data.type]);
      expect(ld.headline).toBe(data.title);
      expect(ld.url).toBe(urlOf(route));
      expect(ld.datePublished).toBe(knownDate(data)?.iso);
      const authors = (ld.author as { name: string }[] | undefined)?.map((a) => a.name);
      expect(authors ?? []).toEqual(namedAuthors(data));
      if (namedAuthors(data).length === 0) expect(ld).not.toHaveProperty('author');
      expect((ld.publisher as { name: string } | undefined)?.name).toBe(data.publisher?.name);
      expect(ld.isBasedOn).toMatchObject({ sha256: data.source.sha256 });
      expect(existsSync(fileOf(ld.image as string))).toBe(true);
    });

    it('no role is given as an author', () => {
      for (const role of data.authors.flatMap((a) => (a.name || !a.role ? [] : [a.role]))) {
        const authorTags = page.html.match(/name="citation_author" content="[^"]*"/g) ?? [];
        expect(authorTags.join()).not.toContain(role);
        expect(page.html).not.toMatch(new RegExp(`"author":[^\\]]*${role.slice(0, 20)}`));
      }
    });
  });
});
