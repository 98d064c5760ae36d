import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import {
  decodeFragment,
  fragmentsInUrlOrder,
  offlinePage,
  offlineIndexScriptParts,
  sortKeys,
  type Fragment,
} from '../../../src/integrations/search/offline-index.ts';
import type { OfflineIndex } from '../../../src/lib/search/offline.ts';

const fragment: Fragment = {
  url: '/documents/x/',
  content: 'Title. Summary. Text </script> here.',
  word_count: 5,
  filters: { kind: ['Document'], type: ['Policy brief'] },
  meta: { title: 'Title', date: 'about 2014' },
  anchors: [
    { element: 'h2', id: 'summary-heading', text: 'Summary', location: 1 },
    { element: 'p', id: 'p-1', text: 'Text </script> here.', location: 2 },
  ],
};

const encoded = (json: string) => gzipSync(Buffer.from(`pagefind_dcd${json}`));

describe('decodeFragment', () => {
  test('reads a Pagefind fragment file (gzip, signature, JSON)', () => {
    expect(decodeFragment('f', encoded(JSON.stringify(fragment)))).toEqual(fragment);
  });

  test('a file in another format fails, naming the file and what to update', () => {
    expect(() => decodeFragment('pagefind/fragment/x.pf_fragment', gzipSync('{}'))).toThrow(
      /pagefind\/fragment\/x\.pf_fragment.*offline-index\.ts/,
    );
    expect(() => decodeFragment('f', encoded('{"url":"/x/"}'))).toThrow(/without "content"/);
  });
});

test('sortKeys reads the sort markers of a page', () => {
  const html = '<span data-pagefind-sort="date:2010-04-26"></span><b data-pagefind-sort="n:3">';
  expect(sortKeys(html)).toEqual({ date: '2010-04-26', n: '3' });
});

/** The offline index as the build writes it: fragments in URL order, a page each, the script
 * in parts; returned as the script and as what it sets. */
async function writeIndex(
  fragments: readonly Fragment[],
  sortsOf: (url: string) => Record<string, string>,
  base: string,
): Promise<{ script: string; index: OfflineIndex }> {
  const files = new Map(fragments.map((f, i) => [`f${i}`, f]));
  async function* pages() {
    for await (const f of fragmentsInUrlOrder([...files.keys()], async (file) =>
      files.get(file)!,
    )) {
      yield offlinePage(f, sortsOf(f.url), base);
    }
  }
  let script = '';
  for await (const part of offlineIndexScriptParts(pages())) script += part;
  const window: { __SEARCH_INDEX__?: OfflineIndex } = {};
  runInNewContext(script, { window });
  return { script, index: window.__SEARCH_INDEX__! };
}

describe('the offline index', async () => {
  const { script, index } = await writeIndex(
    [{ ...fragment, url: '/z/' }, fragment],
    (url): Record<string, string> => (url === '/documents/x/' ? { date: '2014-01-01' } : {}),
    '/briefing/',
  );

  test('URLs under the base, pages in URL order, sort keys attached', () => {
    expect(index.pages.map((p) => p.url)).toEqual(['/briefing/documents/x/', '/briefing/z/']);
    expect(index.pages[0]!.sort).toEqual({ date: '2014-01-01' });
  });

  test('headings keep their text; other anchors drop it (the content holds it)', () => {
    expect(index.pages[0]!.anchors).toEqual([
      { element: 'h2', id: 'summary-heading', text: 'Summary', location: 1 },
      { element: 'p', id: 'p-1', location: 2 },
    ]);
  });

  test('the script sets window.__SEARCH_INDEX__, and no text in it can close a script element', () => {
    expect(script).not.toContain('</script>');
    expect(index).toEqual({ version: 1, pages: index.pages });
    expect(index.pages[1]!.content).toBe(fragment.content);
  });
});

describe('the index written page by page', () => {
  const others: Fragment[] = ['/entities/nato/', '/documents/a/', '/documents/b\u2028/'].map(
    (url, i) => ({ ...fragment, url, content: `${fragment.content} ${i}` }),
  );
  const all = [fragment, ...others];

  test('in parts, is the same script as the whole index written at once', async () => {
    const { script, index } = await writeIndex(all, () => ({ date: '2014' }), '/base/');
    const whole = JSON.stringify(index)
      .replace(/<\//g, '<\\/')
      .replace(/\u2028/g, '\\u2028');
    expect(script).toBe(`window.__SEARCH_INDEX__=${whole};\n`);
    expect(script).not.toContain('</script>');
    expect(index.pages).toHaveLength(all.length);
  });

  test('reads the fragments in URL order, whatever order their files come in', async () => {
    const files = new Map(all.map((f, i) => [`f${i}`, f]));
    const urls: string[] = [];
    for await (const f of fragmentsInUrlOrder([...files.keys()], async (file) =>
      files.get(file)!,
    )) {
      urls.push(f.url);
    }
    expect(urls).toEqual(all.map((f) => f.url).sort());
    expect(urls[0]).toBe('/documents/a/');
  });
});
