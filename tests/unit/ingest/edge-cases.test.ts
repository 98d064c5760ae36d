import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clean, repairLine } from '../../../src/ingest/clean.ts';
import { parseEntry } from '../../../src/ingest/write.ts';
import { pipeline, root, sourceText, utf8, wrap, ingestSource } from './helpers.ts';

// Cases found in review of the ingest: each assertion failed before its fix.

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('short documents', () => {
  it('a document of two sentences gets a summary and key points, not a schema error', () => {
    const text = sourceText('natoReview').split('\n')[4]!.split('. ').slice(0, 2).join('. ');
    const outcome = ingestSource(
      utf8(`Renewing Central Asian Partnerships\n\n${text}.\n`),
      'short.txt',
      [],
    );
    expect(outcome.status).toBe('ingested');
    const { data } = parseEntry((outcome as { entry: string }).entry) as {
      data: { summary: { text: string }; keyPoints: { items: string[] } };
    };
    expect(data.summary.text).toContain('Since late 2001, NATO has emerged');
    expect(data.keyPoints.items.length).toBeGreaterThan(0);
  });
});

describe('clean: what is not page furniture', () => {
  it('a headline with a role word on the first line is not a byline', () => {
    const body = sourceText('eastWest').split('\n').slice(4).join('\n');
    const { cleaned, doc } = pipeline(`Senior officials meet in Astana\n\n${body}`);
    expect(cleaned.omitted.map((o) => o.kind)).not.toContain('byline');
    expect(doc.title?.text).toBe('Senior officials meet in Astana');
  });

  it('in hard-wrapped text, a line about subscriptions far from the end is not a promotion', () => {
    // Wrapped at 72 columns, no line has more than 15 words, so only the window stops the scan.
    const paragraphs = sourceText('natoReview').split('\n\n').slice(3);
    paragraphs.splice(2, 0, 'Readers can subscribe to the NATO Review.');
    const wrapped = paragraphs.map((p) => wrap(p).join('\n')).join('\n\n');
    const cleaned = clean(`Renewing Central Asian Partnerships\n\n${wrapped}`);
    expect(cleaned.omitted.filter((o) => o.kind === 'promotion')).toEqual([]);
  });

  it("a '?' in a URL or query string is not repaired into an apostrophe", () => {
    const line = { line: 1, text: 'See nato.int/review.php?s=2006 and Central Asia?s role.' };
    const repaired = repairLine(line);
    expect(repaired.text).toBe('See nato.int/review.php?s=2006 and Central Asia’s role.');
    expect(repaired.repairs.map((r) => r.from)).toEqual(['Asia?s']);
  });
});

describe('cli: two inputs with one file name', () => {
  it('refuses the second instead of overwriting the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-same-name-'));
    scratch.push(dir);
    for (const [folder, key] of [
      ['a', 'eastWest'],
      ['b', 'commentary'],
    ] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'report.txt'), sourceText(key));
    }
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'src/ingest/cli.ts'),
        'a/report.txt',
        'b/report.txt',
        '--content-dir',
        'content',
        '--sources-dir',
        'sources',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/b\/report\.txt\s+refused\s+same file name as a\/report\.txt/);
    expect(readdirSync(join(dir, 'content'))).toHaveLength(1);
  });
});
