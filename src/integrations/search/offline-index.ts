import { gunzipSync } from 'node:zlib';
import type { Anchor } from '../../lib/search/passages.ts';
import type { OfflineIndex, OfflinePage } from '../../lib/search/offline.ts';

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

const SIGNATURE = 'pagefind_dcd';

/** Reads one fragment file; throws, naming the file, if Pagefind changed the format. */
export function decodeFragment(path: string, bytes: Uint8Array): Fragment {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch {
    text = Buffer.from(bytes).toString('utf8');
  }
  if (!text.startsWith(SIGNATURE)) {
    throw new Error(
      `${path}: not a Pagefind fragment as this build knows it (no "${SIGNATURE}" header). ` +
        'Pagefind may have changed its format: update src/integrations/search/offline-index.ts.',
    );
  }
  const data = JSON.parse(text.slice(SIGNATURE.length)) as Partial<Fragment>;
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

/**
 * The offline index: one page per fragment, URLs under the site's `base`, anchors without the
 * text of non-headings (the content already holds it), pages in URL order so that the file is
 * the same from one build to the next.
 */
export function buildOfflineIndex(
  fragments: readonly Fragment[],
  sortsOf: (url: string) => Record<string, string>,
  base: string,
): OfflineIndex {
  const pages: OfflinePage[] = fragments
    .map((f) => ({
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
      sort: sortsOf(f.url),
    }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { version: 1, pages };
}

/** The classic script that carries the index. `</` is escaped so no text can end the script. */
export function offlineIndexScript(index: OfflineIndex): string {
  const json = JSON.stringify(index)
    .replace(/<\//g, '<\\/')
    .replace(/\u2028|\u2029/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
  return `window.__SEARCH_INDEX__=${json};\n`;
}
