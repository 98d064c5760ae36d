import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root. */
export const repoRoot = new URL('../..', import.meta.url).pathname;

/** What a build needs; node_modules is linked, not copied: package by package, so that the
 * caches a build keeps there (Astro's incremental build cache in node_modules/.astro, card
 * images in node_modules/.cache) are the copy's own, never the project's. */
const PROJECT = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'sources'];

/** A copy of the project in a temporary folder, for tests that change it or build it again
 * without touching the real one. `remove()` deletes it. */
export function scratchProject(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  for (const item of PROJECT) cpSync(join(repoRoot, item), join(dir, item), { recursive: true });
  linkPackages(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The project's build (`npm run build`: scripts/build.ts) in a scratch project, returning its
 * log; throws with the build's output if it fails. */
export function buildIn(dir: string): string {
  return execFileSync(process.execPath, [join(repoRoot, 'scripts/build.ts')], {
    cwd: dir,
    encoding: 'utf8',
    stdio: 'pipe',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}

/** Plain `astro build` in a scratch project: the search step then runs inside Astro's process
 * (src/integrations/search/index.ts) instead of after it. Returns the log, throws as buildIn. */
export function astroBuildIn(dir: string): string {
  return execFileSync(
    process.execPath,
    [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
}

function linkPackages(dir: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name));
  }
}
