/**
 * `npm run build`: Astro builds the site, and then, once Astro's process has exited, the search
 * step (src/integrations/search/write.ts) indexes it in this one. The two are run one after the
 * other so that the build needs the memory of the larger, not of both at once (see
 * SEARCH_HANDOFF in src/integrations/search/index.ts). Arguments are passed on to `astro build`.
 * Run in the project's folder (npm does this); `astro build` alone still builds a whole site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { SEARCH_HANDOFF } from '../src/integrations/search/index.ts';
import { writeSearch, type SearchJob } from '../src/integrations/search/write.ts';
import { astroErrorLine } from './astro-error.ts';

const project = process.cwd();
const handoffDir = mkdtempSync(join(tmpdir(), 'briefing-build-'));
const handoff = join(handoffDir, 'search-job.json');

function fail(message: string): never {
  rmSync(handoffDir, { recursive: true, force: true });
  console.error(`build: ${message}`);
  process.exit(1);
}

// Astro's own entry, run with this Node (a shim in node_modules/.bin would find whichever
// `node` comes first on PATH, which need not be the project's). Its progress goes straight to
// the terminal; what it writes to stderr is held: after a success it follows (warnings), after
// a failure it is kept in a file and said in one line (scripts/astro-error.ts).
const astro = spawnSync(
  process.execPath,
  [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...process.argv.slice(2)],
  {
    cwd: project,
    stdio: ['inherit', 'inherit', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', [SEARCH_HANDOFF]: handoff },
  },
);
if (astro.error) fail(`could not start astro build: ${astro.error.message}`);
const stderr = astro.stderr.toString();
if (astro.status !== 0) {
  const report = join(project, 'node_modules', '.cache', 'astro-build-error.log');
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(report, stderr);
  fail(`${astroErrorLine(stderr)} (Astro's full report: ${relative(project, report)})`);
}
process.stderr.write(stderr);
if (!existsSync(handoff)) {
  fail('astro build ended without handing over the search step (is search() in astro.config.mjs?)');
}
const job = JSON.parse(readFileSync(handoff, 'utf8')) as SearchJob;
rmSync(handoffDir, { recursive: true, force: true });
try {
  const started = performance.now();
  const summary = await writeSearch(job);
  console.log(`[briefing-search] ${summary} (${Math.round(performance.now() - started)} ms)`);
} catch (error) {
  fail(`search index for ${job.outDir}: ${error instanceof Error ? error.message : String(error)}`);
}
