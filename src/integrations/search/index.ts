import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bundleClient, CLIENT_SCRIPTS, type ClientScript } from './client.ts';
import { Readable } from 'node:stream';
import {
  fragmentsInUrlOrder,
  offlineIndexScriptParts,
  offlinePage,
  sortKeys,
} from './offline-index.ts';
import { indexSite, readFragment } from './pagefind.ts';

/** Where the search page and its scripts live, relative to the base (as `paths.search`). */
const SEARCH_DIR = 'search/';
export const OFFLINE_INDEX = 'offline-index.js';

/**
 * Search for the built site. After the build: Pagefind indexes the pages (its bundle goes to
 * `pagefind/`), the offline index is written from Pagefind's own records, and the search page's
 * classic scripts are bundled next to it. In `astro dev` the scripts are served on request
 * (there is no index until a build).
 */
export function search(): AstroIntegration {
  let root: URL;
  let base = '/';
  return {
    name: 'briefing-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const name = (req.url ?? '').split('?')[0]!.slice(`${base}${SEARCH_DIR}`.length);
          if (!(req.url ?? '').startsWith(`${base}${SEARCH_DIR}`) || !(name in CLIENT_SCRIPTS)) {
            next();
            return;
          }
          bundleClient(name as ClientScript, root).then(
            (code) => res.setHeader('content-type', 'text/javascript').end(code),
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const searchDir = path.join(out, SEARCH_DIR);
        await mkdir(searchDir, { recursive: true });
        for (const name of Object.keys(CLIENT_SCRIPTS) as ClientScript[]) {
          await writeFile(path.join(searchDir, name), await bundleClient(name, root));
        }

        const { fragmentFiles } = await indexSite(out);
        // Page by page: read, made into its part of the index and written, so that the index
        // (near 100 MB at 10,000 documents) is never whole in memory.
        async function* pages() {
          for await (const fragment of fragmentsInUrlOrder(fragmentFiles, readFragment)) {
            const file = fragment.url.endsWith('/') ? `${fragment.url}index.html` : fragment.url;
            // Synchronous for the reason given at readFragment().
            const html = readFileSync(path.join(out, file), 'utf8');
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
        logger.info(
          `Pagefind indexed ${fragmentFiles.length} pages; offline index ${Math.round(size / 1024)} kB`,
        );
      },
    },
  };
}
