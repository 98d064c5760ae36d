import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../../../src/lib/entities/blocks.ts';
import { readDocuments } from '../../../src/lib/entities/files.ts';
import { SAME_PASSAGE, sharedWords, successor } from '../../../src/ingest/former-ids.ts';
import { repoRoot } from '../../helpers/scratch-build.ts';

// The successor of a vanished paragraph is judged by shared words: on the real documents, a
// paragraph with a word changed is found, and no two different paragraphs are taken for one.
const documents = readDocuments(repoRoot).map((d) => ({ id: d.id, blocks: parseBlocks(d.body) }));

describe('successor', () => {
  it('two different blocks of a real document never count as the same passage', () => {
    for (const { id, blocks } of documents) {
      for (const a of blocks) {
        const others = blocks.filter((b) => b !== a);
        expect(successor(a, others), `${id} ${a.id}`).toBeUndefined();
        for (const b of others) {
          if (b.kind === a.kind) expect(sharedWords(a.text, b.text)).toBeLessThan(1 / 3);
        }
      }
    }
  });

  it('finds every real paragraph again with a word changed, a sentence added, or one of four dropped', () => {
    for (const { id, blocks } of documents) {
      for (const block of blocks.filter((b) => b.kind === 'paragraph')) {
        const sentences = block.text.split(/(?<=\.)\s+/);
        const variants = [
          block.text.replace(/\b(\p{L}{5,})\b/u, 'replaced'),
          `${block.text} The editor added this sentence.`,
          ...(sentences.length >= 4
            ? sentences.map((_, i) => sentences.filter((_, j) => j !== i).join(' '))
            : []),
        ];
        for (const text of variants) {
          const rewritten = blocks.map((b) => (b === block ? { ...b, id: 'new', text } : b));
          expect(successor(block, rewritten)?.id, `${id} ${block.id}: ${text}`).toBe('new');
        }
      }
    }
  });

  it('a heading is only succeeded by a heading', () => {
    const { blocks } = documents.find((d) => d.blocks.some((b) => b.kind === 'heading'))!;
    const heading = blocks.find((b) => b.kind === 'heading')!;
    const asParagraph = [{ id: 'new', kind: 'paragraph' as const, text: heading.text }];
    expect(successor(heading, asParagraph)).toBeUndefined();
    expect(sharedWords(heading.text, heading.text)).toBe(1);
    expect(SAME_PASSAGE).toBeGreaterThan(1 / 3);
  });
});
