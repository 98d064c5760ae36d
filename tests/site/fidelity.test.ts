import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { findAll, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.ts';
import { parseEntry } from '../../src/ingest/write.ts';
import { documentSchema } from '../../src/content/schema.ts';
import { splitSentences } from '../../src/lib/sentences.ts';
import { distDir } from './helpers/paths.ts';

// Fidelity: what a reader sees is what the source says. Every sentence of every source line is on
// the document's page; the document's own lines are in its text, page furniture in "About this
// source"; and nothing in a source became markup.

const root = new URL('../..', import.meta.url).pathname;
const entriesDir = join(root, 'src/content/documents');

/** Quotes, dashes and spacing vary between a source and a rendered page without changing words. */
function normalize(text: string): string {
  return text
    .replace(/[‘’‚′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const entries = readdirSync(entriesDir)
  .filter((n) => n.endsWith('.mdx'))
  .map((name) => {
    const { data } = parseEntry(readFileSync(join(entriesDir, name), 'utf8'));
    return { slug: name.replace(/\.mdx$/, ''), data: documentSchema.parse(data) };
  });

function page(slug: string) {
  const html = readFileSync(join(distDir(), 'documents', slug, 'index.html'), 'utf8');
  return parseDocument(html);
}

describe('every source sentence is on its page', () => {
  it('has pages for all entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(5);
  });

  for (const { slug, data } of entries) {
    it(`${slug}: text in the body, furniture in About this source`, () => {
      const dom = page(slug);
      const body = findAll(
        (e: Element) => e.attribs.class?.split(' ').includes('text') ?? false,
        dom.children,
      );
      expect(body, 'the page has a .text element for the document body').toHaveLength(1);
      const bodyText = normalize(textContent(body[0]!));
      const pageText = normalize(
        textContent(findAll((e: Element) => e.name === 'main', dom.children)),
      );

      const raw = new Uint8Array(readFileSync(join(root, 'sources', data.source.file)));
      const lines = decode(raw).text.split('\n');
      const omitted = new Set(data.source.omitted.map((o) => o.line));
      const headline = new Set(
        [data.titleOrigin === 'source' ? data.title : undefined, data.standfirst].filter(Boolean),
      );
      let checked = 0;
      lines.forEach((line, index) => {
        let text = line.trim();
        if (!text) return;
        for (const r of data.source.repairs.filter((x) => x.line === index + 1)) {
          text = text.replace(r.from, r.to);
        }
        const where = omitted.has(index + 1) || headline.has(text) ? pageText : bodyText;
        for (const sentence of splitSentences(text)) {
          checked++;
          expect(where, `line ${index + 1} of ${data.source.file}`).toContain(normalize(sentence));
        }
      });
      expect(checked).toBeGreaterThan(5);
    });
  }
});

describe('no source text is executable markup', () => {
  for (const { slug } of entries) {
    it(`${slug}: no script, no event handler, no embedded content from the source`, () => {
      const dom = page(slug);
      const body = findAll(
        (e: Element) => e.attribs.class?.split(' ').includes('text') ?? false,
        dom.children,
      );
      const elements = findAll(() => true, body[0]!.children);
      const active = [
        'script',
        'style',
        'iframe',
        'object',
        'embed',
        'img',
        'form',
        'link',
        'meta',
      ];
      expect(elements.map((e) => e.name).filter((n) => active.includes(n))).toEqual([]);
      // Every block of the body is one of the ingest's own: a heading or a paragraph with its id.
      const blocks = body[0]!.children.filter((n): n is Element => n.type === 'tag');
      for (const b of blocks)
        expect(`${b.name}#${b.attribs.id ?? ''}`).toMatch(/^(p|h2)#[a-z0-9-]+$/);
      for (const e of findAll(() => true, dom.children)) {
        expect(e.name).not.toBe('iframe');
        for (const attr of Object.keys(e.attribs))
          expect(attr.startsWith('on'), `${e.name} ${attr}`).toBe(false);
      }
    });
  }
});
