import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config/site.ts';
import { entityKinds } from '../../src/content/entity-schema.ts';
import { kindSlugs } from '../../src/lib/entity-pages.ts';
import { distDir, repoRoot } from './helpers/paths.ts';

// The link-preview cards: one per document and one per entity kind index (and the site's own),
// each a PNG of 1200x630 (read from its IHDR header) and small enough to fetch quickly; each
// document page and kind index names its own card in og:image.

const dist = distDir();
const MAX_BYTES = 60 * 1024;

function pngSize(file: string): { width: number; height: number; bytes: number } {
  const data = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(data.subarray(0, 8).equals(signature), `${file} is a PNG`).toBe(true);
  expect(data.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bytes: data.length };
}

function expectCard(rel: string): void {
  const file = path.join(dist, rel);
  expect(existsSync(file), `${rel} was built`).toBe(true);
  const size = pngSize(file);
  expect({ width: size.width, height: size.height }).toEqual({ width: 1200, height: 630 });
  expect(size.bytes, `${rel} is under 60 KB`).toBeLessThan(MAX_BYTES);
}

/** The og:image of a built page, as a path under dist/. */
function ogImage(pageRel: string): string | undefined {
  const html = readFileSync(path.join(dist, pageRel), 'utf8');
  const url = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];
  return url?.slice(`${SITE.origin}${SITE.base}`.length);
}

const slugs = readdirSync(path.join(repoRoot, 'src/content/documents'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''));

describe.each(slugs)('document %s', (slug) => {
  it('has a 1200x630 card, named by its page', () => {
    expectCard(`cards/documents/${slug}.png`);
    expect(ogImage(`documents/${slug}/index.html`)).toBe(`cards/documents/${slug}.png`);
  });
});

describe.each(entityKinds)('entity kind %s', (kind) => {
  it('has a 1200x630 card, named by its index page when that page exists', () => {
    expectCard(`cards/entities/${kind}.png`);
    const page = `entities/${kindSlugs[kind]}/index.html`;
    if (existsSync(path.join(dist, page))) {
      expect(ogImage(page)).toBe(`cards/entities/${kind}.png`);
    }
  });
});

describe('the site', () => {
  it('has a card for every other page, named by the front page', () => {
    expectCard('cards/site.png');
    expect(ogImage('index.html')).toBe('cards/site.png');
  });
});
