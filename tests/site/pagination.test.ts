import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { readRealEntries, writeCorpus } from '../../bench/site.ts';
import { buildIn, repoRoot, scratchProject } from '../helpers/scratch-build.ts';

// The lists that grow with the documents, in pages. Five documents fit on one page of each, so
// this builds a scratch copy with fourteen (the five and nine variants, as the benchmark makes
// them) and small pages, and reads what the pages show and link.

const SIZES = {
  documents: 2,
  front: 3,
  typePreview: 1,
  feed: 4,
  mentionDocuments: 2,
  mentionSentences: 10,
};
const TOTAL = 14;

const scratch = scratchProject('pagination');
afterAll(() => scratch.remove());

const dist = join(scratch.dir, 'dist');
const read = (url: string) =>
  readFileSync(join(dist, url.endsWith('/') ? `${url}index.html` : url), 'utf8');
const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
/** The documents a list shows, by link, in order. */
const cards = (html: string) => all(html, /class="card-title"><a href="([^"]+)"/g);
const navOf = (html: string) => html.match(/<nav class="pagination"[\s\S]*?<\/nav>/)?.[0] ?? '';
const relHref = (html: string, rel: string) =>
  navOf(html).match(new RegExp(`<a href="([^"]+)" rel="${rel}"`))?.[1];

beforeAll(() => {
  writeCorpus(scratch.dir, generateCorpus(readRealEntries(repoRoot), TOTAL));
  const file = join(scratch.dir, 'src/lib/pagination.ts');
  let source = readFileSync(file, 'utf8');
  for (const [key, size] of Object.entries(SIZES)) {
    const next = source.replace(new RegExp(`(\\n  ${key}: )\\d+,`), `$1${size},`);
    expect(next, `PER_PAGE.${key} in src/lib/pagination.ts`).not.toBe(source);
    source = next;
  }
  writeFileSync(file, source);
  buildIn(scratch.dir);
}, 600_000);

describe('all documents, in pages', () => {
  const pages = Math.ceil(TOTAL / SIZES.documents);
  const newest = () =>
    Array.from({ length: pages }, (_, i) =>
      read(i === 0 ? '/documents/' : `/documents/page/${i + 1}/`),
    );

  it('puts every document on exactly one page, the first at /documents/', () => {
    const listed = newest().flatMap(cards);
    expect(listed).toHaveLength(TOTAL);
    expect(new Set(listed).size).toBe(TOTAL);
    expect(existsSync(join(dist, `documents/page/${pages + 1}/index.html`))).toBe(false);
    expect(existsSync(join(dist, 'documents/page/1/index.html'))).toBe(false);
  });

  it('says which documents a page holds and of how many', () => {
    const [first, second] = newest();
    expect(first).toContain('Documents 1–2 of 14, newest first.');
    expect(second).toContain('Documents 3–4 of 14, newest first.');
    expect(newest().at(-1)).toContain('Documents 13–14 of 14, newest first.');
  });

  it('links the pages in a labelled nav, with rel=prev/next and the current page marked', () => {
    const [first, second] = newest();
    const nav = navOf(first!);
    expect(nav).toMatch(/aria-label="Pages of all documents, newest first"/);
    expect(nav).toContain(`Page 1 of ${pages}`);
    expect(nav).toMatch(/<a href="\/documents\/" aria-current="page">/);
    expect(relHref(first!, 'prev')).toBeUndefined();
    expect(relHref(first!, 'next')).toBe('/documents/page/2/');
    expect(nav).toContain('…');
    expect(relHref(second!, 'prev')).toBe('/documents/');
    expect(relHref(second!, 'next')).toBe('/documents/page/3/');
    expect(relHref(newest().at(-1)!, 'next')).toBeUndefined();
  });

  it('gives each page its own title and canonical URL', () => {
    const second = read('/documents/page/2/');
    expect(second).toMatch(/<title>All documents, newest first, page 2 of 7/);
    expect(second).toMatch(/<link rel="canonical" href="[^"]*\/documents\/page\/2\/">/);
  });

  it('pages the oldest first too, the same documents in the other order', () => {
    const oldest = Array.from({ length: pages }, (_, i) =>
      read(i === 0 ? '/documents/oldest/' : `/documents/oldest/page/${i + 1}/`),
    );
    const listed = oldest.flatMap(cards);
    expect(new Set(listed)).toEqual(new Set(newest().flatMap(cards)));
    expect(listed[0]).toMatch(/renewing-central-asian-partnerships/);
    expect(relHref(oldest[0]!, 'next')).toBe('/documents/oldest/page/2/');
  });
});

describe('documents by type', () => {
  it('shows the newest of each type and links its own list', () => {
    const html = read('/documents/by-type/');
    const sections = html.split('<section aria-labelledby="type-').slice(1);
    expect(sections.length).toBe(5);
    for (const section of sections) {
      const type = section.slice(0, section.indexOf('"'));
      expect(cards(section)).toHaveLength(SIZES.typePreview);
      expect(section).toMatch(
        new RegExp(`<a href="/documents/by-type/${type}/">All \\d+ [a-z ]+, newest first</a>`),
      );
    }
  });

  it('lists each type in pages', () => {
    const first = read('/documents/by-type/policy-report/');
    const second = read('/documents/by-type/policy-report/page/2/');
    expect(first).toContain('Policy reports 1–2 of 3, newest first.');
    expect(second).toContain('Policy report 3 of 3, newest first.');
    expect(relHref(second, 'prev')).toBe('/documents/by-type/policy-report/');
    expect([...cards(first), ...cards(second)]).toHaveLength(3);
  });
});

describe('the front page and the feeds', () => {
  it('lists the newest documents and links all of them', () => {
    const html = read('/');
    const newest = [...cards(read('/documents/')), ...cards(read('/documents/page/2/'))];
    expect(cards(html)).toEqual(newest.slice(0, SIZES.front));
    expect(html).toContain(`<a href="/documents/">All ${TOTAL} documents</a>`);
  });

  it('hold the newest documents', () => {
    const newest = [...cards(read('/documents/')), ...cards(read('/documents/page/2/'))];
    const rss = all(read('/feed.xml'), /<link>[^<]*?(\/documents\/[^<]+)<\/link>/g);
    const json = (JSON.parse(read('/feed.json')) as { items: { url: string }[] }).items.map(
      (i) => new URL(i.url).pathname,
    );
    expect(rss).toEqual(newest.slice(0, SIZES.feed));
    expect(json).toEqual(newest.slice(0, SIZES.feed));
  });
});

describe('where the documents name an entity, in pages', () => {
  const pagesOf = (id: string) => {
    const out = [read(`/entities/${id}/`)];
    while (existsSync(join(dist, `entities/${id}/mentions/${out.length + 1}/index.html`))) {
      out.push(read(`/entities/${id}/mentions/${out.length + 1}/`));
    }
    return out;
  };
  /** The quotations a page shows, with the paragraph each links to. */
  const quotes = (html: string) =>
    all(html, /<blockquote[^>]*>([\s\S]*?)<\/blockquote>\s*<a class="source-line" href="[^"]+"/g);
  const sources = (html: string) => all(html, /<a class="source-line" href="([^"]+)"/g);

  it('quotes every sentence once, no page holding more than its share', () => {
    const pages = pagesOf('nato');
    expect(pages.length).toBeGreaterThan(3);
    for (const html of pages) {
      expect(quotes(html).length).toBeLessThanOrEqual(SIZES.mentionSentences);
      expect(all(html, /<section class="mention-doc"/g).length).toBeLessThanOrEqual(
        SIZES.mentionDocuments,
      );
    }
    const quoted = pages.flatMap((html) => {
      const q = quotes(html);
      const s = sources(html);
      return q.map((text, i) => `${s[i]} ${text}`);
    });
    expect(new Set(quoted).size).toBe(quoted.length);
    // The header counts the documents the pages quote.
    const named = new Set(quoted.map((q) => q.split('#')[0]));
    expect(pages[0]).toContain(`in ${named.size} of the ${TOTAL} documents`);
  });

  it('links the pages, the first being the entity’s own, at its heading', () => {
    const pages = pagesOf('nato');
    expect(relHref(pages[0]!, 'next')).toBe('/entities/nato/mentions/2/');
    expect(relHref(pages[1]!, 'prev')).toBe('/entities/nato/#mentions-heading');
    expect(navOf(pages[1]!)).toMatch(/aria-label="Pages of where the documents name NATO"/);
    expect(pages[1]).toMatch(/<h1>Where the documents name NATO<\/h1>/);
    expect(relHref(pages.at(-1)!, 'next')).toBeUndefined();
  });

  it('says where a document split across pages goes on', () => {
    const pages = pagesOf('nato');
    const split = pages.find((html) => html.includes('More sentences from this document'));
    expect(split).toBeDefined();
    expect(pages.some((html) => /Sentences \d+–\d+ of \d+/.test(html))).toBe(true);
  });
});
