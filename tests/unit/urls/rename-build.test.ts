import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Renaming a document's entry (its slug) adds a redirect from the recorded URL: checked by a real
// build of a scratch copy of the project with one entry renamed.

const root = new URL('../../..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'rename-build-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a renamed document', { timeout: 600_000 }, () => {
  it('redirects from its recorded URL to the new one', () => {
    for (const item of [
      'astro.config.mjs',
      'package.json',
      'tsconfig.json',
      'src',
      'public',
      'sources',
    ]) {
      cpSync(join(root, item), join(scratch, item), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
    const docs = join(scratch, 'src/content/documents');
    renameSync(
      join(docs, 'renewing-central-asian-partnerships.mdx'),
      join(docs, 'nato-in-central-asia.mdx'),
    );
    execFileSync(join(root, 'node_modules/.bin/astro'), ['build'], {
      cwd: scratch,
      stdio: 'pipe',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const old = join(scratch, 'dist/documents/renewing-central-asian-partnerships/index.html');
    expect(existsSync(join(scratch, 'dist/documents/nato-in-central-asia/index.html'))).toBe(true);
    expect(existsSync(old)).toBe(true);
    expect(readFileSync(old, 'utf8')).toMatch(
      /http-equiv="refresh" content="\d+;url=\/documents\/nato-in-central-asia\/"/,
    );
  });
});
