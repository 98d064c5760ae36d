import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentSchema } from '../content/schema.ts';
import { SITE } from '../config/site.ts';
import { ingestSource, type ExistingEntry, type Outcome } from './ingest.ts';
import { Refusal } from './refusal.ts';
import { parseEntry } from './write.ts';
import { countryMatcher } from './enrich.ts';
import { readRegistry } from '../lib/entities/files.ts';

/** The project's own registry, wherever the command runs from. */
const PROJECT_ENTITIES = fileURLToPath(new URL('../content/entities/', import.meta.url));

/** `npm run ingest -- <file-or-folder>... [--report report.json]`: the side effects of the ingest
 * (reading inputs, writing entries and source copies), around the pure pipeline in ingest.ts. */

interface ReportRow {
  input: string;
  status: 'ingested' | 'updated' | 'unchanged' | 'refused';
  entry: string | null;
  url: string | null;
  reason: string | null;
}

const USAGE = 'usage: npm run ingest -- <file-or-folder>... [--report report.json]';

function parseArgs(argv: string[]) {
  const inputs: string[] = [];
  let report: string | undefined;
  let contentDir = 'src/content/documents';
  let sourcesDir = 'sources';
  let entitiesDir = PROJECT_ENTITIES;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--report') report = argv[++i];
    else if (arg === '--content-dir') contentDir = argv[++i]!;
    else if (arg === '--sources-dir') sourcesDir = argv[++i]!;
    else if (arg === '--entities-dir') entitiesDir = argv[++i]!;
    else if (arg.startsWith('--')) throw new Refusal(`unknown option ${arg}; ${USAGE}`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new Refusal(USAGE);
  if (report === undefined && argv.includes('--report'))
    throw new Refusal(`--report needs a file name; ${USAGE}`);
  return { inputs, report, contentDir, sourcesDir, entitiesDir };
}

/** Files named on the command line, and the files of named folders (not hidden, sorted). */
function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      for (const name of readdirSync(input).sort()) {
        const path = join(input, name);
        if (!name.startsWith('.') && statSync(path).isFile()) files.push(path);
      }
    } else {
      files.push(input);
    }
  }
  return files;
}

/** The entity registry, whose country names the ingest looks for; a broken registry is refused. */
function loadRegistry(dir: string) {
  try {
    return readRegistry('/', resolve(dir));
  } catch (error) {
    if (error instanceof Error && !(error instanceof Refusal)) {
      throw new Refusal(`${dir}: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}

function loadEntries(contentDir: string): ExistingEntry[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir)
    .filter((n) => n.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(contentDir, name), 'utf8');
      let entry: { data: unknown; body: string };
      try {
        entry = parseEntry(text, join(contentDir, name));
      } catch (error) {
        throw new Refusal(`${(error as Error).message}; fix the entry and run again`);
      }
      const { data, body } = entry;
      const parsed = documentSchema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Refusal(
          `${join(contentDir, name)}: field "${issue.path.join('.')}": ${issue.message}; fix the entry and run again`,
        );
      }
      return { slug: name.replace(/\.mdx$/, ''), data: parsed.data, text, body };
    });
}

/** Writes every file to a temporary name first and renames them only when all are written, so
 * an entry never appears without its source copy, and a failed write leaves the old files whole. */
function writeAll(files: Array<{ path: string; content: string | Uint8Array }>): void {
  const temps = files.map((f) => ({ ...f, tmp: `${f.path}.tmp-${process.pid}` }));
  try {
    for (const t of temps) writeFileSync(t.tmp, t.content);
  } catch (error) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw error;
  }
  for (const t of temps) renameSync(t.tmp, t.path);
}

/** File-system errors (unreadable file, full disk) are expected failures: one line, no stack. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function documentUrl(slug: string): string {
  return `${SITE.base}documents/${slug}/`;
}

function printTable(rows: ReportRow[]): void {
  const header = ['input', 'status', 'entry', 'note'];
  const cells = rows.map((r) => [r.input, r.status, r.entry ?? '', r.reason ?? '']);
  const widths = header.map((h, i) =>
    Math.min(60, Math.max(h.length, ...cells.map((c) => c[i]!.length))),
  );
  const line = (c: string[]) => c.map((x, i) => (i < 3 ? x.padEnd(widths[i]!) : x)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function main(argv: string[]): number {
  const { inputs, report, contentDir, sourcesDir, entitiesDir } = parseArgs(argv);
  const files = expandInputs(inputs);
  const entries = loadEntries(contentDir);
  const countries = countryMatcher(loadRegistry(entitiesDir));
  mkdirSync(contentDir, { recursive: true });
  mkdirSync(sourcesDir, { recursive: true });
  const rows: ReportRow[] = [];
  const tty = process.stderr.isTTY;

  const namesInRun = new Map<string, string>();
  files.forEach((file, index) => {
    const progress = `[${index + 1}/${files.length}] ${file}`;
    if (files.length > 1) process.stderr.write(tty ? `\r\x1b[K${progress}` : `${progress}\n`);
    const fileName = basename(file);
    let outcome: Outcome;
    try {
      if (!existsSync(file)) throw new Refusal('no such file');
      // Sources are known by file name; two different files of one name would overwrite each other.
      const earlier = namesInRun.get(fileName);
      if (earlier && resolve(earlier) !== resolve(file)) {
        throw new Refusal(`same file name as ${earlier}, given earlier in this run; rename one`);
      }
      namesInRun.set(fileName, file);
      const bytes = new Uint8Array(readFileSync(file));
      outcome = ingestSource(bytes, fileName, entries, countries);
      if (outcome.status !== 'unchanged') {
        const entryPath = join(contentDir, `${outcome.slug}.mdx`);
        const sourcePath = join(sourcesDir, fileName);
        const copy = resolve(file) !== resolve(sourcePath);
        writeAll([
          ...(copy ? [{ path: sourcePath, content: bytes }] : []),
          { path: entryPath, content: outcome.entry },
        ]);
        const { data, body } = parseEntry(outcome.entry);
        const existing = entries.findIndex((e) => e.slug === outcome.slug);
        const fresh = {
          slug: outcome.slug,
          data: documentSchema.parse(data),
          text: outcome.entry,
          body,
        };
        if (existing === -1) entries.push(fresh);
        else entries[existing] = fresh;
      }
    } catch (error) {
      if (!(error instanceof Refusal) && !isSystemError(error)) throw error;
      const reason =
        error instanceof Refusal
          ? error.message
          : `cannot read or write: ${error.code} ${error.message.split('\n')[0]}`;
      rows.push({ input: file, status: 'refused', entry: null, url: null, reason });
      return;
    }
    const reason = outcome.status === 'updated' ? updateReason(outcome) : null;
    rows.push({
      input: file,
      status: outcome.status,
      entry: outcome.slug,
      url: documentUrl(outcome.slug),
      reason,
    });
  });
  if (files.length > 1 && tty) process.stderr.write('\r\x1b[K');

  printTable(rows);
  if (report) writeAll([{ path: report, content: JSON.stringify(rows, null, 2) + '\n' }]);
  const refused = rows.filter((r) => r.status === 'refused');
  if (refused.length) console.error(`${refused.length} of ${rows.length} refused.`);
  return refused.length ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  console.error(`ingest: ${error.message}`);
  process.exitCode = 2;
}

/** What an update did to the paragraph ids, for the editor: where links to a vanished id land
 * now, and which ones have nowhere to land (formerIds in the entry can point them by hand). */
function updateReason(outcome: Extract<Outcome, { status: 'updated' }>): string {
  if (outcome.removedIds.length === 0 && outcome.lost.length === 0) {
    return 'text or metadata changed; every paragraph id kept';
  }
  const parts = outcome.moved.map((m) => `${m.id} now lands on ${m.now}`);
  if (outcome.lost.length > 0) {
    parts.push(
      `${outcome.lost.join(', ')}: no paragraph like it, links to it will break (point it in formerIds)`,
    );
  }
  return `paragraph ids gone: ${parts.join('; ')}`;
}
