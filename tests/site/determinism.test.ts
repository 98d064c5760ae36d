import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/archive/archive.ts';
import { distDir, repoRoot } from './helpers/paths.ts';

// Two builds, same output: a second build, in a scratch copy of the project, makes the same
// timeline, related-document lists and pages, byte for byte, as the build under test.

const scratch = mkdtempSync(join(tmpdir(), 'determinism-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a second build', { timeout: 600_000 }, () => {
  it('gives the same pages byte for byte', () => {
    for (const item of [
      'astro.config.mjs',
      'package.json',
      'tsconfig.json',
      'src',
      'public',
      'sources',
    ]) {
      cpSync(join(repoRoot, item), join(scratch, item), { recursive: true });
    }
    symlinkSync(join(repoRoot, 'node_modules'), join(scratch, 'node_modules'));
    execFileSync(join(repoRoot, 'node_modules/.bin/astro'), ['build'], {
      cwd: scratch,
      stdio: 'pipe',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const pages = listFiles(distDir()).filter((f) => f.endsWith('.html'));
    expect(pages).toContain('timeline/index.html');
    const different = pages.filter(
      (f) =>
        readFileSync(join(distDir(), f), 'utf8') !== readFileSync(join(scratch, 'dist', f), 'utf8'),
    );
    expect(different).toEqual([]);
  });
});
