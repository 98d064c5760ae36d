import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { decodeFragment, type Fragment } from './offline-index.ts';

export interface IndexedSite {
  pageCount: number;
  /** Pagefind's record of each page it indexed: its fragment files, in name order. */
  fragmentFiles: string[];
}

/** Pagefind's ready-made interfaces: the site has its own, so these are not published. */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * The pages that carry `data-pagefind-body`: documents and entities (paths.document(),
 * paths.entity()). Pagefind would otherwise read every page of the site to find out that lists
 * and mention pages carry nothing to index: thousands of pages, most of its time at 1,000
 * documents. tests/site/search.test.ts checks that no marked page falls outside this pattern.
 */
export const INDEXED_PAGES = '{documents,entities}/*/index.html';

/**
 * Indexes the built site with Pagefind's Node API and writes the bundle to `<dir>/pagefind/`.
 * Which parts of a page are indexed is said by the pages themselves (`data-pagefind-body`,
 * `-ignore`, `-filter`, `-meta`, `-sort`). The Pagefind process is closed whatever happens.
 */
export async function indexSite(dir: string): Promise<IndexedSite> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir, glob: INDEXED_PAGES });
    if (added.errors.length > 0) {
      throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    }
    if (added.page_count === 0) {
      throw new Error(
        `Pagefind found no page to index in ${dir}: pages mark their text with data-pagefind-body`,
      );
    }
    const bundle = path.join(dir, 'pagefind');
    // The output directory is kept between builds, and Pagefind leaves a file it would write
    // again in place: an earlier bundle's files (the fragment of a page since changed) must
    // not survive into this one, where the offline index would read them.
    await rm(bundle, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) {
      throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
    }
    await Promise.all(UNUSED.map((name) => rm(path.join(bundle, name), { force: true })));
    // The fragments are read back from the written bundle (asking Pagefind for them with
    // index.getFiles() sends every file of the bundle back over its pipe, seconds at 1,000
    // pages), one at a time by whoever reads them: readFragment().
    const fragmentDir = path.join(bundle, 'fragment');
    const fragmentFiles = (await readdir(fragmentDir))
      .filter((n) => n.endsWith('.pf_fragment'))
      .sort()
      .map((n) => path.join(fragmentDir, n));
    return { pageCount: added.page_count, fragmentFiles };
  } finally {
    await pagefind.close();
  }
}

/** One fragment file of the bundle, decoded. Read synchronously: the offline index reads
 * thousands of small files one after the other, and each asynchronous read waits its turn in
 * the thread pool (0.4 s for 1,100 fragments, against 15 ms read in place); nothing else runs
 * while the index is written. */
export function readFragment(file: string): Fragment {
  return decodeFragment(`pagefind/fragment/${path.basename(file)}`, readFileSync(file));
}
