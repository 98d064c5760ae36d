import { existsSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { staleFiles, type OutputFile } from './sweep.ts';

/**
 * Removes from the output directory what an earlier build published and this one did not
 * (see sweep.ts). The output directory is not emptied before a build (astro.config.mjs):
 * the pages an incremental build reuses are left in place.
 */
export function staleOutput(writtenLater: readonly string[] = []): AstroIntegration {
  let startedMs = 0;
  let outDir = '';
  // A build into an empty or missing directory has nothing to sweep (at 10,000 documents the
  // listing alone is tens of thousands of files).
  let hadOutput = false;
  return {
    name: 'briefing-stale-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        startedMs = Date.now();
        hadOutput = existsSync(outDir) && readdirSync(outDir).length > 0;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (!hadOutput) return;
        const out = fileURLToPath(dir);
        const reused = new Set(
          [...assets.values()].flat().map((url) => relative(out, fileURLToPath(url))),
        );
        const stale = staleFiles(listOutput(out), startedMs, reused, writtenLater);
        for (const file of stale) unlinkSync(path.join(out, file));
        removeEmptyParents(out, stale);
        if (stale.length > 0) {
          logger.info(
            `removed ${stale.length} file(s) an earlier build published and this one did not`,
          );
        }
      },
    },
  };
}

const relative = (root: string, file: string) =>
  path.relative(root, file).split(path.sep).join('/');

// Synchronous: tens of thousands of files at 10,000 documents, and nothing else runs meanwhile;
// asynchronous calls would each wait their turn in the thread pool.
function listOutput(root: string): OutputFile[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const full = path.join(e.parentPath, e.name);
      return { path: relative(root, full), mtimeMs: statSync(full).mtimeMs };
    });
}

/** The folders the removed files leave empty (a removed document's folder), up to the root. */
function removeEmptyParents(root: string, removed: readonly string[]): void {
  for (const dir of new Set(removed.map((f) => path.posix.dirname(f)))) {
    let current = dir;
    while (current !== '.' && readdirSync(path.join(root, current)).length === 0) {
      rmdirSync(path.join(root, current));
      current = path.posix.dirname(current);
    }
  }
}
