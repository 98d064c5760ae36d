import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { timeCleanBuilds, timeCommand } from './build.ts';
import { editOneEntry, generateCorpus, type GeneratedEntry } from './corpus.ts';
import { runIngestBenchmark } from './ingest.ts';
import { runCardBenchmark } from './cards.ts';
import { runLighthouse, type FormFactor } from './lighthouse.ts';
import { fileSizes, folderSize, listPages, pageTypes, readRoutes, type PageType } from './pages.ts';
import { renderReport } from './report.ts';
import type { CorpusBuild, Results } from './results.ts';
import { buildPagefindDefault, findPagefind, measureApi, measureUi } from './search.ts';
import { serve } from './serve.ts';
import {
  buildCommand,
  cleanSite,
  DOCUMENTS_DIR,
  makeScratchSite,
  PROJECT,
  readEntityIds,
  readRealEntries,
  validateCorpus,
  WORK,
  writeCorpus,
} from './site.ts';
import {
  cleanStarlight,
  installStarlight,
  STARLIGHT_PACKAGES,
  writeStarlightDocs,
} from './starlight.ts';
import { count, ms, seconds } from './format.ts';
import { evaluateTargets } from './targets.ts';
import { measurePage } from './weight.ts';

/**
 * `npm run bench [-- --quick] [-- --sizes=5,100] [-- --no-starlight] [-- --no-lighthouse]`:
 * builds the corpora, measures, judges the targets, prints the report and writes bench/RESULTS.md.
 */

const USAGE =
  'usage: npm run bench -- [--quick] [--sizes=5,100,1000] [--timeout=MINUTES] [--no-starlight] [--no-lighthouse]';

interface Options {
  quick: boolean;
  sizes: number[];
  starlight: boolean;
  lighthouse: boolean;
  /** Longest one build may take before it is killed and reported as not finished. */
  timeoutMs: number;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  let sizes = quick ? [5, 100, 1000] : [5, 100, 1000, 10_000];
  let timeoutMs = 15 * 60_000;
  for (const arg of argv) {
    if (arg.startsWith('--sizes=')) {
      sizes = arg.slice('--sizes='.length).split(',').map(Number);
      if (sizes.some((n) => !Number.isInteger(n) || n < 5)) {
        throw new Error(`--sizes takes whole numbers of at least 5; ${USAGE}`);
      }
    } else if (arg.startsWith('--timeout=')) {
      timeoutMs = Number(arg.slice('--timeout='.length)) * 60_000;
      if (!(timeoutMs > 0)) throw new Error(`--timeout takes minutes; ${USAGE}`);
    } else if (!['--quick', '--no-starlight', '--no-lighthouse'].includes(arg)) {
      throw new Error(`unknown option ${arg}; ${USAGE}`);
    }
  }
  // The five real documents are always built: every other figure is compared with them.
  sizes = [...new Set([5, ...sizes])].sort((a, b) => a - b);
  return {
    quick,
    sizes,
    starlight: !quick && !argv.includes('--no-starlight'),
    lighthouse: !quick && !argv.includes('--no-lighthouse'),
    timeoutMs,
  };
}

/** Clean builds per corpus: up to three to 1,000 documents (median taken), one above, where a
 * build takes minutes and start-up noise matters little. */
const cleanRuns = (documents: number) => (documents <= 1000 ? 3 : 1);

/**
 * Why a corpus is not built, if it should not be: a smaller one failed or hit the time limit, or
 * the cost per document measured so far says this one would. The run stays within its time; the
 * report says what was skipped and why, and the targets that needed it are "not measured".
 */
function skipReason(
  n: number,
  builds: readonly CorpusBuild[],
  timeoutMs: number,
): string | undefined {
  const failed = builds.find((b) => !b.clean.ok);
  if (failed) {
    return failed.clean.timedOut
      ? `the ${count(failed.documents)}-document build did not finish in ${seconds(timeoutMs)}`
      : `the ${count(failed.documents)}-document build failed`;
  }
  const base = builds.find((b) => b.documents === 5);
  const last = builds.filter((b) => b.documents >= 100).at(-1);
  if (!base || !last) return undefined;
  const perDocument = (last.clean.wallMs - base.clean.wallMs) / (last.documents - 5);
  const projected = base.clean.wallMs + perDocument * (n - 5);
  return projected > timeoutMs
    ? `at the ${count(last.documents)}-document build's ${ms(perDocument)} per document it would take about ${seconds(projected)}, over the ${seconds(timeoutMs)} limit per build`
    : undefined;
}

const log = (message: string) => console.error(`[bench] ${message}`);

/** Runs one part of the benchmark; a failure is recorded in the report instead of ending the run. */
async function attempt(errors: string[], label: string, part: () => Promise<void>): Promise<void> {
  try {
    await part();
  } catch (error) {
    errors.push(`${label}: ${(error as Error).message.split('\n')[0]}`);
  }
}

function packageVersion(dir: string, name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'));
    return (pkg as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function output(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')
      .at(-1)!;
  } catch {
    return 'unknown';
  }
}

function machine(): Record<string, string> {
  const cpus = os.cpus();
  return {
    CPU: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    Memory: `${(os.totalmem() / 1e9).toFixed(1)} GB`,
    OS: `${os.type()} ${os.release()}, Debian ${output('cat', ['/etc/debian_version'])}`,
    'Load average at start (1/5/15 min)': os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  };
}

function versions(): Record<string, string> {
  const dirty = output('git', ['-C', PROJECT, 'status', '--porcelain']) !== '';
  return {
    Project: `${output('git', ['-C', PROJECT, 'rev-parse', '--short', 'HEAD'])}${dirty ? ' with uncommitted changes' : ''}`,
    Node: process.version,
    ...Object.fromEntries(
      ['astro', '@astrojs/mdx', 'pagefind', 'lighthouse', 'playwright-core'].map((n) => [
        n,
        packageVersion(PROJECT, n),
      ]),
    ),
    Chromium: output('/usr/bin/chromium', ['--version']),
  };
}

/** The reference document followed across corpus sizes: the longest of the real five. */
function referenceSlug(real: readonly { slug: string; text: string }[]): string {
  return [...real].sort((a, b) => b.text.length - a.text.length)[0]!.slug;
}

/** What a finished build holds: its pages by route, the reference page's size, the index. */
function describeBuild(
  siteDir: string,
  corpus: readonly GeneratedEntry[],
  reference: string,
  referenceTypes?: readonly PageType[],
): Omit<CorpusBuild, 'documents' | 'clean' | 'cleanRunsMs' | 'incremental'> {
  const dist = join(siteDir, 'dist');
  const pages = listPages(dist);
  const types = pageTypes(
    readRoutes(join(siteDir, 'src', 'pages')),
    pages,
    new Set(corpus.map((e) => e.slug)),
    reference,
    readEntityIds(siteDir),
    referenceTypes,
  );
  const documentPage = types.find((t) => t.role === 'document');
  const file = documentPage && pages.find((p) => p.path === documentPage.path)?.file;
  const bundle = findPagefind(dist);
  return {
    pages: pages.length,
    types,
    ...(file ? { documentHtml: fileSizes(file) } : {}),
    ...(bundle ? { searchIndex: folderSize(join(dist, bundle)) } : {}),
  };
}

async function buildCorpus(
  n: number,
  corpus: readonly GeneratedEntry[],
  reference: string,
  referenceTypes: readonly PageType[] | undefined,
  errors: string[],
  timeoutMs: number,
): Promise<CorpusBuild> {
  const dir = join(WORK, `site-${n}`);
  const logs = join(WORK, 'logs');
  makeScratchSite(dir);
  writeCorpus(dir, corpus);
  const command = buildCommand(dir);
  const runs = cleanRuns(n);
  log(`building ${n} documents (clean, ${runs}×): ${command}`);
  const { median: clean, wallMs } = await timeCleanBuilds(
    dir,
    command,
    join(logs, `site-${n}-clean`),
    runs,
    () => cleanSite(dir),
    timeoutMs,
  );
  if (!clean.ok) {
    errors.push(
      clean.timedOut
        ? `clean build of ${n} documents did not finish in ${seconds(timeoutMs)}; killed (see ${clean.log})`
        : `clean build of ${n} documents failed; see ${clean.log}`,
    );
    return { documents: n, clean, cleanRunsMs: wallMs, pages: 0, types: [] };
  }
  // Stats first: the rebuild below changes one document.
  const built = describeBuild(dir, corpus, reference, referenceTypes);
  const edited = [...corpus].reverse().find((e) => e.slug !== reference)!;
  const file = join(dir, DOCUMENTS_DIR, `${edited.slug}.mdx`);
  writeFileSync(file, editOneEntry(edited.text));
  log(`rebuilding ${n} documents after changing ${edited.slug}`);
  const incremental = await timeCommand(
    dir,
    command,
    join(logs, `site-${n}-rebuild.log`),
    timeoutMs,
  );
  if (!incremental.ok) errors.push(`rebuild of ${n} documents failed; see ${incremental.log}`);
  if (n === 5) {
    // The five-document build is measured in the browser next: put the real text back.
    writeFileSync(file, edited.text);
    const restored = await timeCommand(dir, command, join(logs, `site-${n}-restore.log`));
    if (!restored.ok) errors.push(`restoring build of 5 documents failed; see ${restored.log}`);
  }
  return { documents: n, clean, cleanRunsMs: wallMs, incremental, ...built };
}

async function measureSite(
  browser: Browser,
  results: Results,
  build5: CorpusBuild,
  largest: CorpusBuild,
  options: Options,
  referenceTexts: readonly string[],
): Promise<void> {
  const dist = join(WORK, 'site-5', 'dist');
  const server = await serve(dist);
  try {
    for (const type of build5.types) {
      log(`page weight of ${type.path}`);
      try {
        const mustShow = type.role === 'document' ? referenceTexts : undefined;
        const weight = await measurePage(browser, server, type.path, mustShow);
        results.weights.push({ route: type.route, role: type.role, ...weight });
      } catch (error) {
        results.errors.push(`page weight of ${type.path}: ${(error as Error).message}`);
      }
    }
    const bundle = findPagefind(dist);
    const searchPage = build5.types.find((t) => t.role === 'search');
    if (searchPage) {
      log(`search through ${searchPage.path}`);
      await attempt(results.errors, `search through ${searchPage.path}`, async () => {
        results.search.push(
          await measureUi(browser, server, searchPage.path, bundle ?? '/pagefind/', 'site', 5),
        );
      });
    }
    if (bundle) {
      log('search through the Pagefind API');
      await attempt(results.errors, 'search through the Pagefind API', async () => {
        results.search.push(await measureApi(browser, server, bundle, 'site', 5));
      });
    }
    if (options.lighthouse) {
      const roles = ['front page', 'document', 'entity', 'search'] as const;
      for (const role of roles) {
        const type = build5.types.find((t) => t.role === role);
        if (!type) continue;
        for (const formFactor of ['mobile', 'desktop'] as FormFactor[]) {
          log(`lighthouse ${formFactor} ${type.path}`);
          const out = join(WORK, 'lighthouse', `site-${role.replace(' ', '-')}-${formFactor}.json`);
          const result = await runLighthouse(
            PROJECT,
            server.origin + type.path,
            type.path,
            formFactor,
            out,
          );
          results.lighthouse.push({ role, ...result });
        }
      }
    }
  } finally {
    await server.close();
  }

  const large = join(WORK, `site-${largest.documents}`, 'dist');
  const largeBundle = largest.documents > 5 ? findPagefind(large) : undefined;
  if (largeBundle) {
    log(`search through the Pagefind API at ${largest.documents} documents`);
    const big = await serve(large);
    await attempt(results.errors, `search at ${largest.documents} documents`, async () => {
      results.search.push(await measureApi(browser, big, largeBundle, 'site', largest.documents));
    });
    await big.close();
  }

  log("Pagefind's defaults on the same build");
  await attempt(results.errors, 'Pagefind default yardstick', async () => {
    const yardstickDir = join(WORK, 'pagefind-default');
    const page = buildPagefindDefault(dist, yardstickDir, PROJECT);
    const yardstick = await serve(yardstickDir);
    try {
      results.search.push(
        await measureUi(browser, yardstick, page, '/pagefind/', 'pagefind default', 5),
      );
    } finally {
      await yardstick.close();
    }
  });
}

async function runStarlight(
  browser: Browser,
  results: Results,
  corpus: readonly GeneratedEntry[],
  reference: string,
  options: Options,
): Promise<void> {
  const dir = join(WORK, 'starlight');
  log(`installing ${STARLIGHT_PACKAGES.join(' ')} from npm into ${dir}`);
  const starlight: NonNullable<Results['starlight']> = {
    versions: installStarlight(dir),
    builds: [],
    lighthouse: [],
  };
  results.starlight = starlight;
  for (const n of options.sizes.filter((s) => s === 5 || s === 1000)) {
    writeStarlightDocs(dir, corpus.slice(0, n), join(PROJECT, 'public', 'favicon.svg'));
    log(`building Starlight with ${n} documents (clean, ${cleanRuns(n)}×)`);
    const { median: clean, wallMs } = await timeCleanBuilds(
      dir,
      'astro build',
      join(WORK, 'logs', `starlight-${n}-clean`),
      cleanRuns(n),
      () => cleanStarlight(dir),
      options.timeoutMs,
    );
    const dist = join(dir, `dist-${n}`);
    rmSync(dist, { recursive: true, force: true });
    if (clean.ok) renameSync(join(dir, 'dist'), dist);
    else results.errors.push(`Starlight build of ${n} documents failed; see ${clean.log}`);
    const file = join(dist, reference, 'index.html');
    starlight.builds.push({
      documents: n,
      clean,
      cleanRunsMs: wallMs,
      pages: clean.ok ? listPages(dist).length : 0,
      types: [],
      ...(clean.ok ? { documentHtml: fileSizes(file) } : {}),
    });
  }

  const dist5 = join(dir, 'dist-5');
  if (!starlight.builds.find((b) => b.documents === 5)?.clean.ok) return;
  const server = await serve(dist5);
  const path = `/${reference}/`;
  try {
    log(`page weight of Starlight's ${path}`);
    starlight.weight = await measurePage(browser, server, path);
    log("search through Starlight's dialog");
    await attempt(results.errors, 'Starlight search', async () => {
      starlight.search = await measureUi(
        browser,
        server,
        path,
        '/pagefind/',
        'starlight',
        5,
        'site-search button[data-open-modal]',
      );
    });
    if (options.lighthouse) {
      for (const formFactor of ['mobile', 'desktop'] as FormFactor[]) {
        log(`lighthouse ${formFactor} Starlight ${path}`);
        starlight.lighthouse.push(
          await runLighthouse(
            PROJECT,
            server.origin + path,
            path,
            formFactor,
            join(WORK, 'lighthouse', `starlight-document-${formFactor}.json`),
          ),
        );
      }
    }
  } finally {
    await server.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const started = performance.now();
  mkdirSync(join(WORK, 'logs'), { recursive: true });
  mkdirSync(join(WORK, 'lighthouse'), { recursive: true });
  const results: Results = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    quick: options.quick,
    seconds: 0,
    machine: machine(),
    versions: versions(),
    referenceDocument: '',
    builds: [],
    weights: [],
    search: [],
    lighthouse: [],
    skipped: [],
    errors: [],
  };

  const real = readRealEntries();
  const reference = referenceSlug(real);
  results.referenceDocument = reference;
  // What a reader of the reference document comes for: its title and every block of its text.
  const referenceEntry = real.find((e) => e.slug === reference)!;
  const referenceTexts = [
    String(referenceEntry.data.title),
    ...referenceEntry.blocks.map((b) => b.text),
  ];
  const largestSize = Math.max(...options.sizes);
  log(`generating ${largestSize} documents from the ${real.length} real ones`);
  // Each smaller corpus is a prefix of the largest: the real five, then variants in turn.
  const corpus = generateCorpus(real, largestSize);
  validateCorpus(corpus);

  for (const n of options.sizes) {
    const skip = skipReason(n, results.builds, options.timeoutMs);
    if (skip) {
      log(`skipping ${n} documents: ${skip}`);
      results.skipped.push({ documents: n, reason: skip });
      continue;
    }
    const referenceTypes = results.builds.find((b) => b.documents === 5)?.types;
    results.builds.push(
      await buildCorpus(
        n,
        corpus.slice(0, n),
        reference,
        referenceTypes,
        results.errors,
        options.timeoutMs,
      ),
    );
  }

  log('ingest throughput on 1,000 raw variants');
  try {
    results.ingest = runIngestBenchmark(PROJECT, 1000);
  } catch (error) {
    results.errors.push(`ingest benchmark: ${(error as Error).message}`);
  }

  log('card images: 1,000 drawn without the cache');
  try {
    results.cards = await runCardBenchmark(PROJECT, 1000);
  } catch (error) {
    results.errors.push(`card benchmark: ${(error as Error).message}`);
  }

  const browser = await launch();
  try {
    const build5 = results.builds.find((b) => b.documents === 5);
    const largest = results.builds.filter((b) => b.clean.ok).at(-1);
    if (build5?.clean.ok && largest) {
      await measureSite(browser, results, build5, largest, options, referenceTexts);
    }
    if (options.starlight) {
      await attempt(results.errors, 'Starlight', () =>
        runStarlight(browser, results, corpus, reference, options),
      );
    }
  } finally {
    await browser.close();
  }

  results.machine['Load average at end (1/5/15 min)'] = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  if (results.starlight) {
    for (const [name, version] of Object.entries(results.starlight.versions)) {
      results.versions[`Starlight site: ${name}`] = version;
    }
  }
  results.seconds = (performance.now() - started) / 1000;
  const targets = evaluateTargets(results);
  const report = renderReport(results, targets);
  writeFileSync(join(WORK, 'results.json'), `${JSON.stringify({ results, targets }, null, 2)}\n`);
  writeFileSync(join(PROJECT, 'bench', 'RESULTS.md'), report);
  process.stdout.write(report);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
