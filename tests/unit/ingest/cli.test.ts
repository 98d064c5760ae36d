import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_SLUGS, fixturesDir, root, SOURCES, sourceText, toWindows1252 } from './helpers.ts';

// The CLI as a subprocess, in scratch folders: the real collection is never touched.

const CLI = join(root, 'src/ingest/cli.ts');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
  scratch.push(dir);
  return dir;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` with its content and sources folders inside it. */
function ingest(cwd: string, ...args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.SITE_BASE;
  const result = spawnSync(
    process.execPath,
    [CLI, ...args, '--content-dir', 'content', '--sources-dir', 'sources'],
    { cwd, env, encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir`, relative path to bytes. */
function snapshot(dir: string): Map<string, { bytes: Buffer; ino: number }> {
  const files = new Map<string, { bytes: Buffer; ino: number }>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) {
      files.set(relative(dir, path), { bytes: readFileSync(path), ino: statSync(path).ino });
    }
  }
  return files;
}

function expectNoStackTrace(run: Run): void {
  for (const output of [run.stdout, run.stderr]) {
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/\b(Refusal|Error):/);
  }
}

/** An inbox with three real sources and three files the ingest must refuse. */
function inbox(dir: string): string {
  const inboxDir = join(dir, 'inbox');
  mkdirSync(inboxDir);
  for (const key of ['eastWest', 'natoReview', 'commentary'] as const) {
    copyFileSync(join(root, 'sources', SOURCES[key]), join(inboxDir, SOURCES[key]));
  }
  // The NATO Review article again, saved by a legacy editor under another name.
  writeFileSync(join(inboxDir, 'copy of 001.txt'), toWindows1252(sourceText('natoReview')));
  copyFileSync(join(fixturesDir, 'pixel.png'), join(inboxDir, 'pixel.png'));
  copyFileSync(join(fixturesDir, 'title-only.txt'), join(inboxDir, 'title-only.txt'));
  writeFileSync(join(inboxDir, '.hidden.txt'), sourceText('diplomat'));
  return inboxDir;
}

const REFUSED = {
  'inbox/copy of 001.txt': `duplicate: same text as entry "${ENTRY_SLUGS.natoReview}" (sources/${SOURCES.natoReview}, text sha256 `,
  'inbox/pixel.png': 'binary input: this is a PNG image, not a text document',
  'inbox/title-only.txt': 'no text: the file holds only a headline',
};

describe('cli: a folder with accepted and refused files', () => {
  let dir: string;
  let first: Run;
  let afterFirst: ReturnType<typeof snapshot>;
  beforeAll(() => {
    dir = tempDir();
    inbox(dir);
    first = ingest(dir, 'inbox', '--report', 'r.json');
    afterFirst = snapshot(dir);
  });

  it('exits non-zero and says how many were refused', () => {
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('3 of 6 refused.');
    expectNoStackTrace(first);
  });

  it('prints a table: a header, a rule, one row per file', () => {
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^input\s+status\s+entry\s+note$/);
    expect(lines[1]).toMatch(/^-+( +-+){3}$/);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      [`inbox/${SOURCES.eastWest}`, 'ingested'],
      [`inbox/${SOURCES.natoReview}`, 'ingested'],
      [`inbox/${SOURCES.commentary}`, 'ingested'],
      ['inbox/copy of 001.txt', 'refused'],
      ['inbox/pixel.png', 'refused'],
      ['inbox/title-only.txt', 'refused'],
    ]);
  });

  it('prints each refusal on one line naming the file and the reason', () => {
    for (const [file, reason] of Object.entries(REFUSED)) {
      const lines = `${first.stdout}\n${first.stderr}`.split('\n').filter((l) => l.includes(file));
      expect(lines.filter((l) => !l.startsWith('['))).toHaveLength(1);
      expect(lines.find((l) => !l.startsWith('['))).toContain(reason);
    }
  });

  it('writes the report: one row per file with input, status, entry, url and reason', () => {
    const rows = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Array<
      Record<string, unknown>
    >;
    expect(rows.map((r) => Object.keys(r))).toEqual(
      rows.map(() => ['input', 'status', 'entry', 'url', 'reason']),
    );
    expect(rows.slice(0, 3)).toEqual(
      (['eastWest', 'natoReview', 'commentary'] as const).map((key) => ({
        input: `inbox/${SOURCES[key]}`,
        status: 'ingested',
        entry: ENTRY_SLUGS[key],
        url: `/documents/${ENTRY_SLUGS[key]}/`,
        reason: null,
      })),
    );
    for (const [i, [input, reason]] of Object.entries(REFUSED).entries()) {
      expect(rows[3 + i]).toMatchObject({ input, status: 'refused', entry: null, url: null });
      expect(rows[3 + i]!.reason).toEqual(expect.stringContaining(reason));
    }
  });

  it('writes an entry and a source copy for each accepted file, and nothing else', () => {
    expect([...afterFirst.keys()].filter((f) => !f.startsWith('inbox/'))).toEqual([
      ...(['eastWest', 'commentary', 'natoReview'] as const)
        .map((key) => `content/${ENTRY_SLUGS[key]}.mdx`)
        .sort(),
      'r.json',
      ...(['eastWest', 'natoReview', 'commentary'] as const).map(
        (key) => `sources/${SOURCES[key]}`,
      ),
    ]);
    for (const key of ['eastWest', 'natoReview', 'commentary'] as const) {
      expect(afterFirst.get(`sources/${SOURCES[key]}`)!.bytes).toEqual(
        readFileSync(join(root, 'sources', SOURCES[key])),
      );
    }
    expect([...afterFirst.keys()].filter((f) => /\.tmp/.test(f))).toEqual([]);
  });

  it('running again changes no byte and rewrites no file', () => {
    const second = ingest(dir, 'inbox', '--report', 'r2.json');
    expect(second.status).toBe(1);
    const afterSecond = snapshot(dir);
    afterSecond.delete('r2.json');
    expect([...afterSecond.keys()]).toEqual([...afterFirst.keys()]);
    for (const [file, { bytes, ino }] of afterFirst) {
      expect(afterSecond.get(file)!.bytes.equals(bytes), file).toBe(true);
      expect(afterSecond.get(file)!.ino, file).toBe(ino);
    }
    const rows = JSON.parse(readFileSync(join(dir, 'r2.json'), 'utf8')) as Array<{
      status: string;
    }>;
    expect(rows.map((r) => r.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'refused',
      'refused',
      'refused',
    ]);
  });
});

describe('cli: single files', () => {
  it('a refused file: one line with the file and the reason, exit 1, nothing written', () => {
    const dir = tempDir();
    copyFileSync(join(fixturesDir, 'pixel.png'), join(dir, 'pixel.png'));
    const run = ingest(dir, 'pixel.png');
    expect(run.status).toBe(1);
    expectNoStackTrace(run);
    const named = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.includes('pixel.png'));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(
      /^pixel\.png\s+refused\s+binary input: this is a PNG image, not a text document$/,
    );
    expect(run.stderr.trim()).toBe('1 of 1 refused.');
    expect(readdirSync(join(dir, 'content'))).toEqual([]);
    expect(readdirSync(join(dir, 'sources'))).toEqual([]);
  });

  it('a missing file is refused, not a crash', () => {
    const dir = tempDir();
    const run = ingest(dir, 'nowhere.txt');
    expect(run.status).toBe(1);
    expectNoStackTrace(run);
    expect(run.stdout).toMatch(/^nowhere\.txt\s+refused\s+no such file$/m);
  });

  it('a file name with spaces and non-Latin letters', () => {
    const dir = tempDir();
    const name = 'Доклад о безопасности 2024.txt';
    copyFileSync(join(root, 'sources', SOURCES.sipri), join(dir, name));
    const run = ingest(dir, name, '--report', 'r.json');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const [row] = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Array<{
      entry: string;
    }>;
    expect(row).toEqual({
      input: name,
      status: 'ingested',
      entry: 'conclusions-and-recommendations',
      url: '/documents/conclusions-and-recommendations/',
      reason: null,
    });
    expect(readFileSync(join(dir, 'sources', name))).toEqual(
      readFileSync(join(root, 'sources', SOURCES.sipri)),
    );
    const entry = readFileSync(join(dir, 'content', `${row!.entry}.mdx`), 'utf8');
    expect(entry).toContain(`file: ${name}\n`);
  });

  it('an unknown option: one line of usage, exit 2', () => {
    const run = ingest(tempDir(), 'inbox', '--dry-run');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'ingest: unknown option --dry-run; usage: npm run ingest -- <file-or-folder>... [--report report.json]\n',
    );
  });
});

describe('cli: over the real collection', () => {
  it('re-ingesting the five sources into a copy of the collection leaves every byte as it is', () => {
    const dir = tempDir();
    cpSync(join(root, 'src/content/documents'), join(dir, 'content'), { recursive: true });
    cpSync(join(root, 'sources'), join(dir, 'sources'), { recursive: true });
    const before = snapshot(dir);
    const run = ingest(dir, 'sources');
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .slice(2)
        .map((l) => l.split(/\s+/)[1]),
    ).toEqual(Object.keys(SOURCES).map(() => 'unchanged'));
    const after = snapshot(dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, { bytes, ino }] of before) {
      expect(after.get(file)!.bytes.equals(bytes), file).toBe(true);
      expect(after.get(file)!.ino, file).toBe(ino);
    }
  });
});
