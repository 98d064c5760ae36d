import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { bundleClient, CLIENT_SCRIPTS, type ClientScript } from './client.ts';
import {
  fragmentsInUrlOrder,
  offlineIndexScriptParts,
  offlinePage,
  sortKeys,
} from './offline-index.ts';
import { indexSite, readFragment } from './pagefind.ts';

/** Where the search page and its scripts live, relative to the base (as `paths.search`). */
export const SEARCH_DIR = 'search/';
export const OFFLINE_INDEX = 'offline-index.js';

/** What the search step writes into the output directory, all of it again on every build:
 * Pagefind's bundle (a folder), the offline index and the scripts. */
export const SEARCH_OUTPUTS: readonly string[] = [
  'pagefind/',
  SEARCH_DIR + OFFLINE_INDEX,
  ...Object.keys(CLIENT_SCRIPTS).map((name) => SEARCH_DIR + name),
];

/** What the search step needs to know of a finished build: plain paths and strings, so that
 * it can be handed from Astro's process to the one that runs after it (scripts/build.ts). */
export interface SearchJob {
  /** The built site (Astro's output directory). */
  outDir: string;
  /** The project root, where the client scripts' sources are found. */
  root: string;
  /** The site's base path, ending in a slash. */
  base: string;
}

/**
 * Search for a built site: the search page's classic scripts are bundled next to it, Pagefind
 * indexes the pages (its bundle goes to `pagefind/`), and the offline index is written from
 * Pagefind's own records. Returns a line for the build log.
 */
export async function writeSearch({ outDir, root, base }: SearchJob): Promise<string> {
  const searchDir = path.join(outDir, SEARCH_DIR);
  await mkdir(searchDir, { recursive: true });
  const rootUrl = pathToFileURL(root.endsWith(path.sep) ? root : root + path.sep);
  for (const name of Object.keys(CLIENT_SCRIPTS) as ClientScript[]) {
    await writeFile(path.join(searchDir, name), await bundleClient(name, rootUrl));
  }

  const { fragmentFiles } = await indexSite(outDir);
  // Page by page: read, made into its part of the index and written, so that the index
  // (near 100 MB at 10,000 documents) is never whole in memory.
  async function* pages() {
    for await (const fragment of fragmentsInUrlOrder(fragmentFiles, readFragment)) {
      const file = fragment.url.endsWith('/') ? `${fragment.url}index.html` : fragment.url;
      // Synchronous for the reason given at readFragment().
      const html = readFileSync(path.join(outDir, file), 'utf8');
      yield offlinePage(fragment, sortKeys(html), base);
    }
  }
  let size = 0;
  async function* counted(parts: AsyncIterable<string>) {
    for await (const part of parts) {
      size += part.length;
      yield part;
    }
  }
  await writeFile(
    path.join(searchDir, OFFLINE_INDEX),
    Readable.from(counted(offlineIndexScriptParts(pages()))),
  );
  return `Pagefind indexed ${fragmentFiles.length} pages; offline index ${Math.round(size / 1024)} kB`;
}
