import type { Anchor } from '../../lib/search/passages.ts';
import type { OfflinePage } from '../../lib/search/offline.ts';
import { pagefindPayload } from './pagefind-bundle.ts';

/**
 * The offline index is made from Pagefind's own records of the pages it indexed (its fragment
 * files), so that the offline search sees exactly the text Pagefind sees: same words, same
 * anchors, same filters. Written as a classic script that sets `window.__SEARCH_INDEX__`,
 * because a page opened from disk may run classic scripts but may not fetch files.
 */

/** What a Pagefind fragment file holds (gzip of "pagefind_dcd" followed by this JSON). */
export interface Fragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: Anchor[];
}

/** Reads one fragment file; throws, naming the file, if Pagefind changed the format. */
export function decodeFragment(path: string, bytes: Uint8Array): Fragment {
  const payload = pagefindPayload(bytes);
  if (payload === undefined) {
    throw new Error(
      `${path}: not a Pagefind fragment as this build knows it (no "pagefind_dcd" header). ` +
        'Pagefind may have changed its format: update src/integrations/search/offline-index.ts.',
    );
  }
  const data = JSON.parse(payload.toString('utf8')) as Partial<Fragment>;
  for (const field of ['url', 'content', 'anchors', 'meta', 'filters'] as const) {
    if (data[field] === undefined) {
      throw new Error(`${path}: Pagefind fragment without "${field}"; see offline-index.ts.`);
    }
  }
  return data as Fragment;
}

/** `data-pagefind-sort="date:2010-04-26"` markers of a page's HTML, as `{ date: '2010-04-26' }`. */
export function sortKeys(html: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const m of html.matchAll(/data-pagefind-sort="([^":]+):([^"]*)"/g)) {
    keys[m[1]!] = m[2]!;
  }
  return keys;
}

/** One page of the offline index, from its fragment: the URL under the site's `base`, anchors
 * without the text of non-headings (the content already holds it). */
export function offlinePage(f: Fragment, sort: Record<string, string>, base: string): OfflinePage {
  return {
    url: base.replace(/\/$/, '') + f.url,
    content: f.content,
    anchors: f.anchors.map((a) => ({
      element: a.element,
      id: a.id,
      location: a.location,
      ...(/^h[1-6]$/.test(a.element) && a.text ? { text: a.text } : {}),
    })),
    meta: f.meta,
    filters: f.filters,
    sort,
  };
}

const byUrl = (a: { url: string }, b: { url: string }) =>
  a.url < b.url ? -1 : a.url > b.url ? 1 : 0;

/** JSON made safe inside a classic script: `</` is escaped so no text can end the script. */
function scriptSafe(json: string): string {
  return json
    .replace(/<\//g, '<\\/')
    .replace(/\u2028|\u2029/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
}

const SCRIPT_START = 'window.__SEARCH_INDEX__={"version":1,"pages":[';
const SCRIPT_END = ']};\n';

/**
 * The classic script that carries the index (`window.__SEARCH_INDEX__ = { version, pages }`), in
 * parts, one per page, for writing as the pages come: at 10,000 documents the index is near
 * 100 MB, and one string of it (with its escaped copies) would be several times that in memory.
 * The pages come in URL order (fragmentsInUrlOrder()), so the file is the same build after build.
 */
export async function* offlineIndexScriptParts(
  pages: AsyncIterable<OfflinePage> | Iterable<OfflinePage>,
): AsyncGenerator<string> {
  yield SCRIPT_START;
  let first = true;
  for await (const page of pages) {
    yield (first ? '' : ',') + scriptSafe(JSON.stringify(page));
    first = false;
  }
  yield SCRIPT_END;
}

/** Fragments in URL order, `read` one at a time: a first pass over the files learns each one's
 * URL, a second decodes them again in order, so that only one is held at a time. */
export async function* fragmentsInUrlOrder(
  files: readonly string[],
  read: (file: string) => Fragment | Promise<Fragment>,
): AsyncGenerator<Fragment> {
  const order: { url: string; file: string }[] = [];
  for (const file of files) order.push({ url: (await read(file)).url, file });
  order.sort(byUrl);
  for (const { file } of order) yield await read(file);
}
