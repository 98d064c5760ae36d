import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A build with an invalid entry fails, naming the file and the field. Checked with `astro sync`
// (the content layer's validation, the first step of every build) in a scratch copy of the
// project's content setup, so the real collection is never touched.

const root = new URL('../..', import.meta.url).pathname;
const realEntry = readFileSync(
  join(root, 'src/content/documents/renewing-central-asian-partnerships.mdx'),
  'utf8',
);
const scratch: string[] = [];

function syncWith(entryName: string, entryText: string): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'schema-test-'));
  scratch.push(dir);
  for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, file), join(dir, file));
  }
  // Everything the content config imports, without the real entries and pages.
  cpSync(join(root, 'src'), join(dir, 'src'), {
    recursive: true,
    filter: (path) => !/src\/(content\/documents|pages)(\/|$)/.test(path),
  });
  mkdirSync(join(dir, 'src/content/documents'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'src/content/documents', entryName), entryText);
  try {
    const output = execFileSync(join(root, 'node_modules/.bin/astro'), ['sync'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}\n${e.stderr}` };
  }
}

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

// Each case runs `astro sync` in a fresh copy: seconds, more on a loaded machine.
describe('the documents schema at build time', { timeout: 120_000 }, () => {
  it('accepts a real entry', () => {
    const result = syncWith('renewing-central-asian-partnerships.mdx', realEntry);
    expect(result.output).not.toMatch(/does not match collection schema/);
    expect(result.code).toBe(0);
  });

  it('fails on an unknown document type, naming the file and the field', () => {
    const broken = realEntry.replace(/^type: journal-article$/m, 'type: pamphlet');
    expect(broken).not.toBe(realEntry);
    const result = syncWith('broken-type.mdx', broken);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('broken-type.mdx');
    expect(result.output).toMatch(/^\s*type: /m);
  });

  it('fails on a missing summary, naming the field', () => {
    const broken = realEntry.replace(/^summary:\n(  .*\n)+/m, '');
    expect(broken).not.toBe(realEntry);
    const result = syncWith('no-summary.mdx', broken);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('no-summary');
    expect(result.output).toMatch(/summary\W+summary: Required/);
  });

  it('fails on a season date without its season', () => {
    const broken = realEntry.replace(/^  season: autumn\n/m, '');
    expect(broken).not.toBe(realEntry);
    const result = syncWith('no-season.mdx', broken);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/published\.season/);
  });

  it('fails on an entry without frontmatter, naming the file in one line', () => {
    const broken = realEntry.replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(broken).not.toBe(realEntry);
    const result = syncWith('no-frontmatter.mdx', broken);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('src/content/documents/no-frontmatter.mdx: no frontmatter');
  });
});
