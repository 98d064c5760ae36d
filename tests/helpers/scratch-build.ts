import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root. */
export const repoRoot = new URL('../..', import.meta.url).pathname;

/** What a build needs; node_modules is linked, not copied. */
const PROJECT = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'sources'];

/** A copy of the project in a temporary folder, for tests that change it or build it again
 * without touching the real one. `remove()` deletes it. */
export function scratchProject(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  for (const item of PROJECT) cpSync(join(repoRoot, item), join(dir, item), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `astro build` in a scratch project; throws with Astro's output if the build fails. */
export function buildIn(dir: string): void {
  execFileSync(join(repoRoot, 'node_modules/.bin/astro'), ['build'], {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}
