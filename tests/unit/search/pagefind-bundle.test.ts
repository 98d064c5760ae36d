import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { indexSite, readFragment } from '../../../src/integrations/search/pagefind.ts';
import {
  decodeCbor,
  metaStrings,
  staleBundleFiles,
} from '../../../src/integrations/search/pagefind-bundle.ts';

// Pagefind's real indexer, run twice over a small site made from the first paragraphs of two of
// the source documents, as a build and a rebuild after one document changed would run it.

const documentsDir = new URL('../../../src/content/documents/', import.meta.url).pathname;

/** The paragraphs of a source document's body, as its entry holds them. */
function paragraphs(file: string): string[] {
  const text = readFileSync(join(documentsDir, file), 'utf8');
  return [...text.matchAll(/<p id="[^"]+">\{("(?:[^"\\]|\\.)*")\}<\/p>/g)].map(
    (m) => JSON.parse(m[1]!) as string,
  );
}

const [first, second] = readdirSync(documentsDir).filter((f) => f.endsWith('.mdx'));
const site = mkdtempSync(join(tmpdir(), 'pagefind-bundle-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function writePage(file: string, text: readonly string[]): void {
  const dir = join(site, 'documents', basename(file, '.mdx'));
  mkdirSync(dir, { recursive: true });
  const body = text.map((p) => `<p>${p}</p>`).join('\n');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><title>${file}</title></head>` +
      `<body><main data-pagefind-body><h1>${file}</h1>${body}</main></body></html>`,
  );
}

const bundleFiles = () =>
  readdirSync(join(site, 'pagefind'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe('the bundle is written over the last one', { timeout: 60_000 }, () => {
  test("a rebuild keeps unchanged pages' files in place and removes what its index drops", async () => {
    writePage(first!, paragraphs(first!).slice(0, 3));
    writePage(second!, paragraphs(second!).slice(0, 3));
    const before = await indexSite(site);
    expect(before.fragmentFiles).toHaveLength(2);
    const fragmentOf = (files: string[], slug: string) =>
      files.find((f) => readFragment(f).url === `/documents/${slug}/`)!;
    const unchanged = fragmentOf(before.fragmentFiles, basename(second!, '.mdx'));
    const changed = fragmentOf(before.fragmentFiles, basename(first!, '.mdx'));
    const unchangedInode = statSync(unchanged).ino;
    const filesBefore = bundleFiles();

    writePage(first!, paragraphs(first!).slice(3, 6));
    const after = await indexSite(site);

    expect(after.fragmentFiles).toHaveLength(2);
    // The unchanged page's fragment is the same file, not written again.
    expect(after.fragmentFiles).toContain(unchanged);
    expect(statSync(unchanged).ino).toBe(unchangedInode);
    // The changed page's earlier fragment, and the index chunks only it needed, are gone.
    expect(after.fragmentFiles).not.toContain(changed);
    const files = bundleFiles();
    expect(files).not.toContain(changed);
    expect(filesBefore.filter((f) => !files.includes(f)).length).toBeGreaterThan(1);
    // What is left is what a bundle written into an empty folder holds.
    const fresh = mkdtempSync(join(tmpdir(), 'pagefind-fresh-'));
    try {
      mkdirSync(join(fresh, 'documents'));
      for (const slug of readdirSync(join(site, 'documents'))) {
        mkdirSync(join(fresh, 'documents', slug));
        writeFileSync(
          join(fresh, 'documents', slug, 'index.html'),
          readFileSync(join(site, 'documents', slug, 'index.html')),
        );
      }
      await indexSite(fresh);
      const relative = (root: string, list: string[]) =>
        list.map((f) => f.slice(join(root, 'pagefind').length + 1)).sort();
      const freshFiles = readdirSync(join(fresh, 'pagefind'), {
        recursive: true,
        withFileTypes: true,
      })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name));
      expect(relative(site, files)).toEqual(relative(fresh, freshFiles));
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe('staleBundleFiles', () => {
  const entry = { languages: { en: { hash: 'en_new', page_count: 1 } } };
  test('names hashed files the metadata does not name, and metadata the entry does not', () => {
    const files = [
      'pagefind.js',
      'pagefind-entry.json',
      'wasm.en.pagefind',
      'pagefind.en_new.pf_meta',
      'pagefind.en_old.pf_meta',
      'fragment/en_a.pf_fragment',
      'fragment/en_b.pf_fragment',
      'index/en_c.pf_index',
      'index/en_d.pf_index',
      'filter/en_e.pf_filter',
    ];
    expect(staleBundleFiles(files, entry, new Set(['en_a', 'en_c', 'en_e']))).toEqual([
      'pagefind.en_old.pf_meta',
      'fragment/en_b.pf_fragment',
      'index/en_d.pf_index',
    ]);
  });
});

describe('reading the metadata', () => {
  test('a file without the signature fails, naming the file and what to update', () => {
    expect(() => metaStrings('pagefind/pagefind.en_x.pf_meta', gzipSync('{}'))).toThrow(
      /pagefind\/pagefind\.en_x\.pf_meta.*pagefind-bundle\.ts/,
    );
  });

  test('CBOR: nested arrays, maps, strings and integers; truncation is named', () => {
    // ["1.6.0", [["en_a", 48, ""]], {"k": -2}] as RFC 8949 encodes it.
    const bytes = Uint8Array.from([
      0x83,
      0x65,
      ...Buffer.from('1.6.0'),
      0x81,
      0x83,
      0x64,
      ...Buffer.from('en_a'),
      0x18,
      48,
      0x60,
      0xa1,
      0x61,
      0x6b,
      0x21,
    ]);
    expect(decodeCbor('m', bytes)).toEqual(['1.6.0', [['en_a', 48, '']], new Map([['k', -2]])]);
    expect(() => decodeCbor('pagefind/m.pf_meta', bytes.subarray(0, 9))).toThrow(
      /pagefind\/m\.pf_meta: truncated/,
    );
  });
});
