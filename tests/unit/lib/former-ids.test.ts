import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../../../src/lib/entities/blocks.ts';
import { readDocuments } from '../../../src/lib/entities/files.ts';
import { formerIdProblems, formerIdsByBlock } from '../../../src/lib/former-ids.ts';
import { repoRoot } from '../../helpers/scratch-build.ts';

// Former ids of a real entry, as the ingest writes them, and as an editor could break them.
const doc = readDocuments(repoRoot).find((d) => d.id === 'renewing-central-asian-partnerships')!;
const blocks = parseBlocks(doc.body);
const [first, second] = blocks.filter((b) => b.kind === 'paragraph') as [
  (typeof blocks)[0],
  (typeof blocks)[0],
];
const file = 'src/content/documents/renewing-central-asian-partnerships.mdx';

describe('former ids', () => {
  it('group by the block they land on, in order', () => {
    const byBlock = formerIdsByBlock([
      { id: 'p-000001', now: first.id, by: 'machine' },
      { id: 'p-000002', now: second.id, by: 'machine' },
      { id: 'p-000003', now: first.id, by: 'editorial' },
    ]);
    expect(byBlock.get(first.id)).toEqual(['p-000001', 'p-000003']);
    expect(byBlock.get(second.id)).toEqual(['p-000002']);
    expect(formerIdsByBlock(undefined).size).toBe(0);
  });

  it('pointing at blocks the text has is fine', () => {
    expect(
      formerIdProblems([{ id: 'p-000001', now: first.id, by: 'machine' }], blocks, file),
    ).toEqual([]);
  });

  it('a block that is not there, an id the text has, or an id twice is named with the file', () => {
    const problems = formerIdProblems(
      [
        { id: 'p-000001', now: 'p-gone00', by: 'editorial' },
        { id: second.id, now: first.id, by: 'editorial' },
        { id: 'p-000002', now: first.id, by: 'machine' },
        { id: 'p-000002', now: second.id, by: 'machine' },
      ],
      blocks,
      file,
    );
    expect(problems).toEqual([
      `${file}: formerIds: "p-000001" points at "p-gone00", which the text does not have; point it at a heading or paragraph id of the text`,
      `${file}: formerIds: "${second.id}" is an id the text has; remove this entry`,
      `${file}: formerIds: "p-000002" is listed twice; keep one`,
    ]);
  });
});
