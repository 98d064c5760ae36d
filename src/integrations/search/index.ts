import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bundleClient, CLIENT_SCRIPTS, type ClientScript } from './client.ts';
import { buildOfflineIndex, offlineIndexScript, sortKeys } from './offline-index.ts';
import { indexSite } from './pagefind.ts';

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

        const { fragments } = await indexSite(out);
        const html = await Promise.all(
          fragments.map((f) =>
            readFile(path.join(out, f.url.endsWith('/') ? `${f.url}index.html` : f.url), 'utf8'),
          ),
        );
        const sorts = new Map(fragments.map((f, i) => [f.url, sortKeys(html[i]!)]));
        const index = buildOfflineIndex(fragments, (url) => sorts.get(url) ?? {}, base);
        const script = offlineIndexScript(index);
        await writeFile(path.join(searchDir, OFFLINE_INDEX), script);
        logger.info(
          `Pagefind indexed ${fragments.length} pages; offline index ${Math.round(script.length / 1024)} kB`,
        );
      },
    },
  };
}
