import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/archive/archive.ts';
import { astroBuildIn, scratchProject } from '../helpers/scratch-build.ts';
import { distDir } from './helpers/paths.ts';

// Two builds, same output: a second build, in a scratch copy of the project, makes the same
// timeline, related-document lists and pages, byte for byte, as the build under test. The
// second is a plain `astro build`, which runs the search step inside Astro's process, where
// `npm run build` (the build under test) runs it after Astro has exited: both ways give the same
// search index too.

const scratch = scratchProject('determinism');
afterAll(() => scratch.remove());

describe('a second build', { timeout: 600_000 }, () => {
  it('gives the same pages byte for byte', () => {
    const log = astroBuildIn(scratch.dir);
    expect(log).toMatch(/Pagefind indexed \d+ pages/);
    const pages = listFiles(distDir()).filter((f) => f.endsWith('.html'));
    expect(pages).toContain('timeline/index.html');
    const different = pages.filter(
      (f) =>
        readFileSync(join(distDir(), f), 'utf8') !==
        readFileSync(join(scratch.dir, 'dist', f), 'utf8'),
    );
    expect(different).toEqual([]);
  });

  it('gives the same search index: Pagefind’s page records and the offline index', () => {
    const files = listFiles(distDir()).filter(
      (f) => f.startsWith('pagefind/fragment/') || f === 'search/offline-index.js',
    );
    expect(files).toContain('search/offline-index.js');
    expect(files.length).toBeGreaterThan(50);
    const different = files.filter(
      (f) => !readFileSync(join(distDir(), f)).equals(readFileSync(join(scratch.dir, 'dist', f))),
    );
    expect(different).toEqual([]);
    expect(
      listFiles(join(scratch.dir, 'dist')).filter((f) => f.startsWith('pagefind/fragment/')),
    ).toEqual(files.filter((f) => f.startsWith('pagefind/fragment/')));
  });
});
