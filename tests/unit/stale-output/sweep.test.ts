import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MTIME_MARGIN_MS, staleFiles } from '../../../src/integrations/stale-output/sweep.ts';

// The output of a rebuild after one of the real documents was removed: its pages are older than
// the build and were not reused; the other documents' pages were reused (older, but listed).
const slugs = readdirSync(new URL('../../../src/content/documents/', import.meta.url))
  .filter((n) => n.endsWith('.mdx'))
  .map((n) => n.replace(/\.mdx$/, ''))
  .sort();
const [removed, ...kept] = slugs as [string, ...string[]];
const started = Date.parse('2026-11-23T18:00:00Z');
const earlier = started - 60_000;
const during = started + 5_000;

const pageOf = (slug: string) => `documents/${slug}/index.html`;
const cardOf = (slug: string) => `cards/documents/${slug}.png`;

describe('files an earlier build left', () => {
  const files = [
    ...slugs.flatMap((s) => [
      { path: pageOf(s), mtimeMs: earlier },
      { path: cardOf(s), mtimeMs: earlier },
    ]),
    { path: 'index.html', mtimeMs: during },
    { path: 'documents/page/2/index.html', mtimeMs: earlier },
    { path: '_astro/base.1a2b3c.css', mtimeMs: earlier },
    { path: '_astro/base.4d5e6f.css', mtimeMs: during },
    { path: '.git/HEAD', mtimeMs: earlier },
  ];
  const reused = new Set(kept.flatMap((s) => [pageOf(s), cardOf(s)]));
  const stale = staleFiles(files, started, reused);

  it("are the removed document's page and card, a list page and an old stylesheet", () => {
    expect(stale.sort()).toEqual(
      [
        pageOf(removed),
        cardOf(removed),
        'documents/page/2/index.html',
        '_astro/base.1a2b3c.css',
      ].sort(),
    );
  });

  it('never a reused page, a file this build wrote, or a deployment repository', () => {
    for (const slug of kept) expect(stale).not.toContain(pageOf(slug));
    expect(stale).not.toContain('index.html');
    expect(stale).not.toContain('_astro/base.4d5e6f.css');
    expect(stale).not.toContain('.git/HEAD');
  });

  it('never what a later step writes again (the search index), named as a folder or a file', () => {
    const search = [
      { path: 'pagefind/fragment/en_1a2b3c.pf_fragment', mtimeMs: earlier },
      { path: 'search/offline-index.js', mtimeMs: earlier },
      { path: 'search/old-script.js', mtimeMs: earlier },
    ];
    expect(
      staleFiles(search, started, new Set(), ['pagefind/', 'search/offline-index.js']),
    ).toEqual(['search/old-script.js']);
    expect(staleFiles(search, started, new Set())).toHaveLength(3);
  });

  it('a file written in the first second of the build is not taken for an older one', () => {
    // The build starts at 18:00:00.900 and writes a page at 18:00:00.950; a file system that
    // keeps times to the second records 18:00:00.
    const startedLate = Date.parse('2026-11-23T18:00:00.900Z');
    const recorded = Date.parse('2026-11-23T18:00:00Z');
    expect(startedLate - recorded).toBeLessThanOrEqual(MTIME_MARGIN_MS);
    expect(staleFiles([{ path: 'index.html', mtimeMs: recorded }], startedLate, new Set())).toEqual(
      [],
    );
  });
});
