import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/archive/archive.ts';
import { buildIn, scratchProject } from '../helpers/scratch-build.ts';
import { distDir } from './helpers/paths.ts';

// Two builds, same output: a second build, in a scratch copy of the project, makes the same
// timeline, related-document lists and pages, byte for byte, as the build under test.

const scratch = scratchProject('determinism');
afterAll(() => scratch.remove());

describe('a second build', { timeout: 600_000 }, () => {
  it('gives the same pages byte for byte', () => {
    buildIn(scratch.dir);
    const pages = listFiles(distDir()).filter((f) => f.endsWith('.html'));
    expect(pages).toContain('timeline/index.html');
    const different = pages.filter(
      (f) =>
        readFileSync(join(distDir(), f), 'utf8') !==
        readFileSync(join(scratch.dir, 'dist', f), 'utf8'),
    );
    expect(different).toEqual([]);
  });
});
