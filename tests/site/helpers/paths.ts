import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests/site/helpers/ is three levels down). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The built site under test: dist/, or SITE_DIST (used to run the suite against a deliberately
 * broken copy of dist/ when proving that a check fails).
 */
export function distDir(): string {
  const dir = path.resolve(repoRoot, process.env.SITE_DIST ?? 'dist');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`No built site at ${dir}: run \`astro build\` first.`);
  }
  return dir;
}

/** Where the suite writes screenshots and other artefacts (scripts/test.sh clears it). */
export const resultsDir = path.join(repoRoot, 'test-results');
