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

/** `astro build` in a scratch project, returning its log; throws with Astro's output if the
 * build fails. */
export function buildIn(dir: string): string {
  return execFileSync(join(repoRoot, 'node_modules/.bin/astro'), ['build'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: 'pipe',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}

function linkPackages(dir: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name));
  }
}
