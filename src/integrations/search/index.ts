import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bundleClient, CLIENT_SCRIPTS, type ClientScript } from './client.ts';
import { SEARCH_DIR, writeSearch, type SearchJob } from './write.ts';

/**
 * Set by scripts/build.ts (`npm run build`) to a file's path: the build then leaves the search
 * step to that script, which runs it once Astro's process has exited, and this hook only writes
 * the step's SearchJob to the file. At 10,000 documents Astro's process still holds about
 * 2.9 GB when the build ends (1.1 GB of it live heap after a full collection), and Pagefind's
 * indexer then takes 3.4 GB more: run one after the other, the build needs the larger of the
 * two, not their sum.
 */
export const SEARCH_HANDOFF = 'BRIEFING_SEARCH_HANDOFF';

/**
 * Search for the built site (write.ts). After `astro build` on its own the search step runs in
 * Astro's process; after `npm run build`, in the build script's, once Astro has exited. In
 * `astro dev` the search page's scripts are served on request (there is no index until a build).
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
        const job: SearchJob = { outDir: fileURLToPath(dir), root: fileURLToPath(root), base };
        const handoff = process.env[SEARCH_HANDOFF];
        if (handoff) {
          writeFileSync(handoff, JSON.stringify(job));
          logger.info('search index: written by scripts/build.ts once Astro has exited');
          return;
        }
        logger.info(await writeSearch(job));
      },
    },
  };
}
