import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { decodeFragment, type Fragment } from './offline-index.ts';
import {
  metaFiles,
  metaStrings,
  pageCount,
  staleBundleFiles,
  type BundleEntry,
} from './pagefind-bundle.ts';

export interface IndexedSite {
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
 * Indexes the built site with Pagefind's indexer and writes the bundle to `<dir>/pagefind/`.
 * Which parts of a page are indexed is said by the pages themselves (`data-pagefind-body`,
 * `-ignore`, `-filter`, `-meta`, `-sort`).
 *
 * The indexer is run as a command, not through Pagefind's Node API: the bundle is the same
 * (compared file by file on the five documents), and the API's service holds about 300 MB
 * more at 10,000 documents (3.69 against 3.38 GiB at its peak), which the build's memory
 * budget does not have. The fragments are read back from the written bundle (asking the
 * API for them sent every file of the bundle back over its pipe, seconds at 1,000 pages).
 */
export async function indexSite(dir: string): Promise<IndexedSite> {
  const bundle = path.join(dir, 'pagefind');
  // Written over the bundle an earlier build left (pagefind-bundle.ts says why), and what this
  // run's index does not name is removed after it.
  const indexer = await pagefindBinary();
  const args = ['--site', dir, '--glob', INDEXED_PAGES, '--output-path', bundle, '--quiet'];
  const { code, output } = await run(indexer, args, {
    ...process.env,
    // Pagefind's indexer (jemalloc, configured by this variable) keeps memory it has freed
    // for ten seconds by default, and builds its index in copies freed as it goes. Handing it
    // back after 0.2 s lowers its peak at 10,000 documents from 3.95 to 3.38 GiB; at 1,000,
    // from 395 to 364 MB in the same time (handing it back at once costs 0.3-0.4 s there).
    _RJEM_MALLOC_CONF: process.env._RJEM_MALLOC_CONF ?? 'dirty_decay_ms:200,muzzy_decay_ms:0',
  });
  if (code !== 0) {
    throw new Error(`Pagefind could not index ${dir} (exit ${code}): ${lastLines(output)}`);
  }
  await Promise.all(UNUSED.map((name) => rm(path.join(bundle, name), { force: true })));
  const fragmentFiles = sweepBundle(bundle)
    .filter(isFragment)
    .sort()
    .map((f) => path.join(bundle, f));
  if (fragmentFiles.length === 0) {
    throw new Error(
      `Pagefind found no page to index in ${dir}: pages mark their text with data-pagefind-body`,
    );
  }
  return { fragmentFiles };
}

/**
 * Removes the files of the bundle that its latest run does not name (an earlier build's) and
 * returns the others, relative to the bundle. Synchronous for the reason given at
 * readFragment(): about 1,200 files at 1,000 documents, and nothing else runs meanwhile.
 */
function sweepBundle(bundle: string): string[] {
  const entryFile = path.join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as BundleEntry;
  const named = new Set<string>();
  for (const meta of metaFiles(entry)) {
    for (const s of metaStrings(path.join(bundle, meta), readFileSync(path.join(bundle, meta)))) {
      named.add(s);
    }
  }
  const files = readdirSync(bundle, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(bundle, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  const stale = new Set(staleBundleFiles(files, entry, named));
  for (const file of stale) unlinkSync(path.join(bundle, file));
  const kept = files.filter((f) => !stale.has(f));
  const fragments = kept.filter(isFragment).length;
  if (fragments !== pageCount(entry)) {
    throw new Error(
      `${entryFile}: the index holds ${pageCount(entry)} pages but ${fragments} fragment ` +
        'files are left; Pagefind may have changed its format: see pagefind-bundle.ts',
    );
  }
  return kept;
}

const isFragment = (file: string) => file.startsWith('fragment/') && file.endsWith('.pf_fragment');

/** The indexer's executable, as the `pagefind` package finds it for this platform. Its
 * resolver is not among the package's exports, so it is imported by its file. */
async function pagefindBinary(): Promise<string> {
  const resolver = new URL('./resolveBinary.js', import.meta.resolve('pagefind'));
  const { resolveBinaryPath } = (await import(resolver.href)) as {
    resolveBinaryPath: (names: string[]) => string;
  };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** Runs a command to its end; its output (stdout and stderr together) is kept for an error. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function lastLines(text: string, count = 5): string {
  return text.trim().split('\n').slice(-count).join(' / ') || 'no output';
}

/** One fragment file of the bundle, decoded. Read synchronously: the offline index reads
 * thousands of small files one after the other, and each asynchronous read waits its turn in
 * the thread pool (0.4 s for 1,100 fragments, against 15 ms read in place); nothing else runs
 * while the index is written. */
export function readFragment(file: string): Fragment {
  return decodeFragment(`pagefind/fragment/${path.basename(file)}`, readFileSync(file));
}
