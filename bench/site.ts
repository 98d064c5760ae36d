import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { documentSchema } from '../src/content/schema.ts';
import { parseEntryText, type GeneratedEntry, type ParsedEntry } from './corpus.ts';

/** The project the benchmark measures, and where everything it generates goes (git-ignored). */
export const PROJECT = fileURLToPath(new URL('..', import.meta.url));
export const WORK = join(PROJECT, 'bench', 'work');
export const DOCUMENTS_DIR = join('src', 'content', 'documents');

/** Folders of the project a scratch copy leaves out: tests, and the benchmark itself. */
const LEAVE_OUT = ['bench/', 'tests/'];

/**
 * The project's files as git sees them: tracked or new, but not ignored. So build output, caches,
 * archives and node_modules stay out, and a file someone has just added (a page, a config) is in.
 */
export function projectFiles(project = PROJECT): string[] {
  const listed = execFileSync(
    'git',
    ['-C', project, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return [...new Set(listed.split('\0'))]
    .filter((f) => f !== '' && !LEAVE_OUT.some((dir) => f.startsWith(dir)))
    .filter((f) => existsSync(join(project, f)))
    .sort();
}

/** The five real entries, in file-name order. */
export function readRealEntries(project = PROJECT): ParsedEntry[] {
  const dir = join(project, DOCUMENTS_DIR);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .sort()
    .map((n) => parseEntryText(n.replace(/\.mdx$/, ''), readFileSync(join(dir, n), 'utf8')));
}

/**
 * A copy of the project at `dir` whose node_modules is a folder of links to the project's
 * packages. Linking each package rather than the folder keeps Astro's and Vite's caches
 * (node_modules/.astro, .vite) inside the copy: the other copies and the project's own builds
 * never see them, and an incremental rebuild finds only its own.
 */
export function makeScratchSite(dir: string, project = PROJECT): void {
  rmSync(dir, { recursive: true, force: true });
  for (const file of projectFiles(project)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(project, file), join(dir, file));
  }
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(project, 'node_modules'))) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(join(project, 'node_modules', name), join(modules, name));
  }
}

/** Removes build output and every cache a build can leave in a scratch site: the next build is
 * clean. Caches are whatever is not a link in node_modules, plus .astro and .cache. */
export function cleanSite(dir: string): void {
  for (const name of ['dist', '.astro', '.cache']) {
    rmSync(join(dir, name), { recursive: true, force: true });
  }
  const modules = join(dir, 'node_modules');
  for (const name of readdirSync(modules)) {
    if (!lstatSync(join(modules, name)).isSymbolicLink()) {
      rmSync(join(modules, name), { recursive: true, force: true });
    }
  }
}

/** Checks every generated entry against the schema the build uses, naming the first bad one. */
export function validateCorpus(entries: readonly GeneratedEntry[]): void {
  for (const entry of entries) {
    const { data } = parseEntryText(entry.slug, entry.text);
    const result = documentSchema.safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(
        `generated entry ${entry.slug}: field "${issue.path.join('.')}": ${issue.message}; ` +
          'bench/corpus.ts no longer matches src/content/schema.ts',
      );
    }
  }
}

/** Replaces the site's documents with `entries`. */
export function writeCorpus(siteDir: string, entries: readonly GeneratedEntry[]): void {
  const dir = join(siteDir, DOCUMENTS_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const e of entries) writeFileSync(join(dir, `${e.slug}.mdx`), e.text);
}

/** Entity ids (the top-level keys of src/content/entities/*.yaml), to recognise entity pages. */
export function readEntityIds(siteDir: string): Set<string> {
  const dir = join(siteDir, 'src', 'content', 'entities');
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const name of readdirSync(dir)) {
    if (!/\.ya?ml$/.test(name)) continue;
    const data: unknown = parse(readFileSync(join(dir, name), 'utf8'));
    if (data && typeof data === 'object') for (const id of Object.keys(data)) ids.add(id);
  }
  return ids;
}

/** The build command the project itself uses (its `build` script), so that steps added to it
 * later (an index, images) are timed too. */
export function buildCommand(siteDir: string): string {
  const pkg = JSON.parse(readFileSync(join(siteDir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return pkg.scripts?.build ?? 'astro build';
}
