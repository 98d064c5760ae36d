import { describe, expect, it } from 'vitest';
import { linkFirstMentions } from '../../../src/lib/document-body.ts';
import { documents, index } from './corpus.ts';

describe('the document body with its mention links', () => {
  for (const doc of documents) {
    const body = linkFirstMentions(doc.blocks, index.byDocument[doc.id]!.mentions);

    it(`${doc.id}: keeps every block's text exactly`, () => {
      expect(body.map(({ id, kind, text }) => ({ id, kind, text }))).toEqual(doc.blocks);
      for (const block of body) expect(block.runs.map((r) => r.text).join('')).toBe(block.text);
    });

    it(`${doc.id}: links the first paragraph mention of each entity, once`, () => {
      const links = body.flatMap((b) =>
        b.runs.filter((r) => r.entityId).map((r) => ({ ...r, kind: b.kind, blockId: b.id })),
      );
      expect(links.every((l) => l.kind === 'paragraph')).toBe(true);
      const ids = links.map((l) => l.entityId);
      expect(new Set(ids).size).toBe(ids.length);
      const inParagraphs = index.byDocument[doc.id]!.mentions.filter(
        (m) => doc.blocks.find((b) => b.id === m.blockId)!.kind === 'paragraph',
      );
      expect(new Set(ids)).toEqual(new Set(inParagraphs.map((m) => m.entityId)));
      for (const link of links) {
        const first = inParagraphs.find((m) => m.entityId === link.entityId)!;
        expect([link.blockId, link.text]).toEqual([first.blockId, first.matchedText]);
      }
    });
  }

  it('links "NATO" where the NATO Review article first names it, not later ones', () => {
    const doc = documents.find((d) => d.id === 'renewing-central-asian-partnerships')!;
    const [first] = linkFirstMentions(doc.blocks, index.byDocument[doc.id]!.mentions);
    expect(first!.runs.slice(0, 2)).toEqual([
      { text: 'Since late 2001, ' },
      { text: 'NATO', entityId: 'nato' },
    ]);
    const nato = first!.runs.filter((r) => r.entityId === 'nato');
    expect(nato).toHaveLength(1);
  });
});
