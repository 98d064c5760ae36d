import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/archive/archive.ts';
import { buildIn, scratchProject } from '../helpers/scratch-build.ts';
import { makeVariant, parseEntryText, renderEntryText } from '../../bench/corpus.ts';

// A rebuild reuses the pages whose data did not change (Astro's incremental build, keyed by
// src/lib/page-cache-key.ts). The proof that no reused page is stale: after one document is
// edited, an entity's alias removed and another document removed, the rebuild gives the same
// site, file for file, as a clean build of the changed project: no reused page is stale, and
// nothing of the removed document is left (the output directory is kept between builds;
// src/integrations/stale-output/).

const rebuilt = scratchProject('incremental');
const clean = scratchProject('incremental-clean');
afterAll(() => {
  rebuilt.remove();
  clean.remove();
});

const entry = 'src/content/documents/how-can-central-asia-move-toward-security-integration.mdx';
const added =
  ' Kazakhstan and Uzbekistan also signed a water-sharing memorandum, the editor notes.';

/** One sentence added to the first paragraph, as an editor would: a new mention of two countries. */
function edit(dir: string): void {
  const path = join(dir, entry);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(/(<p id="[^"]+">\{"(?:[^"\\]|\\.)*)("\}<\/p>)/, `$1${added}$2`);
  expect(edited).not.toBe(text);
  writeFileSync(path, edited);
}

/** An entity edit: the Experts' Group loses its short name, which one document uses eight
 * times, so those words are no longer mentions. The pages that link, count or quote them must
 * be rendered again; their keys name the registry (registryKey in src/lib/crosslinks.ts). */
function editRegistry(dir: string): void {
  const path = join(dir, 'src/content/entities/organizations.yaml');
  const text = readFileSync(path, 'utf8');
  const edited = text.replace('  aliases: [Experts’ Group]\n', '');
  expect(edited).not.toBe(text);
  writeFileSync(path, edited);
}

/** A sixth document for the first build only: the first entry's text with another title and
 * slug (as the benchmark's corpora make them), removed before the rebuild. */
const extra = makeVariant(
  parseEntryText(basename(entry, '.mdx'), readFileSync(join(rebuilt.dir, entry), 'utf8')),
  1,
);
const extraFile = join('src/content/documents', `${extra.slug}.mdx`);

/** The files a reader or a crawler gets, Pagefind's bundle among them: it is written over the
 * last build's, and what its index no longer names must be gone (src/integrations/search/
 * pagefind-bundle.ts). */
function published(dir: string): string[] {
  return listFiles(join(dir, 'dist'));
}

describe('a rebuild after one document changed', { timeout: 600_000 }, () => {
  it('reuses unchanged pages and gives the same site as a clean build', () => {
    writeFileSync(join(rebuilt.dir, extraFile), renderEntryText(extra));
    buildIn(rebuilt.dir);
    const extraPage = join(rebuilt.dir, 'dist/documents', extra.slug, 'index.html');
    expect(existsSync(extraPage)).toBe(true);
    // Astro keeps no copy of the pages (src/integrations/page-copies/): a page missing from
    // dist/ at the next build is rendered again, and equals the clean build's below.
    expect(existsSync(join(rebuilt.dir, 'node_modules/.astro/dist'))).toBe(false);
    const deleted = '/documents/by-type/policy-report/index.html';
    rmSync(join(rebuilt.dir, 'dist', deleted));
    edit(rebuilt.dir);
    editRegistry(rebuilt.dir);
    rmSync(join(rebuilt.dir, extraFile));
    const log = buildIn(rebuilt.dir);
    expect(existsSync(join(rebuilt.dir, 'dist', deleted))).toBe(true);
    expect(existsSync(extraPage)).toBe(false);
    expect(existsSync(dirname(extraPage))).toBe(false);
    const reused = [...log.matchAll(/(\S+)\s+\((?:cached|restored)\)/g)].map((m) => m[1]);
    // No card's text changed (title, type, date, publisher): all five come from the first build.
    // The edited document's page is rendered again.
    expect(reused.filter((f) => f!.startsWith('/cards/documents/'))).toHaveLength(5);
    expect(reused).not.toContain(
      '/documents/how-can-central-asia-move-toward-security-integration/index.html',
    );
    // List pages are reused when none of their documents changed: the edited document is a
    // news analysis, so the other types' lists are not rendered again; its own is, and so is
    // the one deleted from dist/.
    expect(reused).toEqual(
      expect.arrayContaining([
        '/documents/by-type/journal-article/index.html',
        '/documents/by-type/commentary/index.html',
      ]),
    );
    expect(reused).not.toContain('/documents/by-type/news-analysis/index.html');
    expect(reused).not.toContain(deleted);

    rmSync(join(clean.dir, 'src'), { recursive: true });
    cpSync(join(rebuilt.dir, 'src'), join(clean.dir, 'src'), { recursive: true });
    buildIn(clean.dir);

    const files = published(rebuilt.dir);
    expect(files).toEqual(published(clean.dir));
    const page = 'documents/how-can-central-asia-move-toward-security-integration/index.html';
    expect(readFileSync(join(rebuilt.dir, 'dist', page), 'utf8')).toContain(
      'water-sharing memorandum',
    );
    const different = files.filter(
      (f) =>
        !readFileSync(join(rebuilt.dir, 'dist', f)).equals(
          readFileSync(join(clean.dir, 'dist', f)),
        ),
    );
    expect(different).toEqual([]);
  });
});
