import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paragraphId } from '../../../src/ingest/ids.ts';
import { buildIn, repoRoot, scratchProject } from '../../helpers/scratch-build.ts';

// A link shared to a paragraph keeps landing on it after the source is corrected: the ingest
// points the paragraph's old id at its new one, and the built page answers the old id inside
// the new paragraph. Checked on a scratch copy: one word of a real source changed, ingested
// with the project's CLI, built. A hand edit that points a former id nowhere fails the build.

const scratch = scratchProject('former-ids-build');
afterAll(() => scratch.remove());

const source = readdirSync(join(scratch.dir, 'sources')).find((name) =>
  readFileSync(join(scratch.dir, 'sources', name), 'utf8').includes('will not disappear'),
)!;
const entry = join(
  scratch.dir,
  'src/content/documents/foreign-military-assistance-to-central-asia-conclusions-and-recommendations.mdx',
);

describe('a corrected paragraph', { timeout: 600_000 }, () => {
  it('answers links to its old id on the page, inside the corrected paragraph', () => {
    const file = join(scratch.dir, 'sources', source);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('will not disappear'));
    const before = lines[at]!.trim();
    lines[at] = lines[at]!.replace('will not disappear', 'will not vanish');
    const after = lines[at]!.trim();
    writeFileSync(file, lines.join('\n'));

    const report = execFileSync(
      join(repoRoot, 'node_modules/.bin/node'),
      ['src/ingest/cli.ts', `sources/${source}`],
      { cwd: scratch.dir, encoding: 'utf8' },
    );
    const [oldId, newId] = [paragraphId(before), paragraphId(after)];
    expect(report).toContain(`${oldId} now lands on ${newId}`);

    buildIn(scratch.dir);
    const slug = entry
      .split('/')
      .pop()!
      .replace(/\.mdx$/, '');
    const html = readFileSync(join(scratch.dir, 'dist/documents', slug, 'index.html'), 'utf8');
    const paragraph = html.match(new RegExp(`<p id="${newId}"[^>]*>([\\s\\S]*?)</p>`))?.[1];
    expect(paragraph).toContain(`id="${oldId}"`);
    expect(paragraph).toContain('will not vanish');
    expect(html.match(new RegExp(`id="${oldId}"`, 'g'))).toHaveLength(1);
  });

  it('a former id pointed at a block the text does not have fails the build, naming the file', () => {
    const text = readFileSync(entry, 'utf8');
    writeFileSync(entry, text.replace(/(formerIds:\n {2}- id: \S+\n {4}now: )\S+/, '$1p-000000'));
    let output = '';
    let stderr = '';
    try {
      buildIn(scratch.dir);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout) + String((error as Error).message);
      stderr = String((error as { stderr?: string }).stderr);
    }
    // Said in one line, without Astro's stack trace (scripts/astro-error.ts).
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^build: src\/content\/documents\/.*\.mdx: formerIds: /);
    expect(stderr).not.toContain('Stack trace');
    expect(output).toMatch(
      /foreign-military-assistance-to-central-asia-conclusions-and-recommendations\.mdx: formerIds: "p-[0-9a-f]+" points at "p-000000", which the text does not have/,
    );
  });
});
