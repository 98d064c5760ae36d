import { describe, expect, it } from 'vitest';
import { relatedDocuments, WEIGHTS, type RelatedInput } from '../../../src/lib/related.ts';
import { documents, index, relatedInput } from './corpus.ts';

const related = relatedDocuments(relatedInput);
const all = relatedDocuments(relatedInput, { limit: 10 });

describe('related documents of the five documents', () => {
  it('gives each document the top three others, best first', () => {
    for (const d of documents) {
      const list = related[d.id]!;
      expect(list).toHaveLength(3);
      expect(list.map((r) => r.id)).not.toContain(d.id);
      expect(list).toEqual(all[d.id]!.slice(0, 3));
      const scores = list.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('scores by the documented formula, the same both ways', () => {
    for (const d of documents) {
      for (const r of all[d.id]!) {
        const { entities, topics, text } = r.parts;
        expect(r.score).toBe(
          WEIGHTS.entities * entities + WEIGHTS.topics * topics + WEIGHTS.text * text,
        );
        const back = all[r.id]!.find((x) => x.id === d.id)!;
        expect(back.score).toBe(r.score);
        expect(back.parts).toEqual(r.parts);
      }
    }
  });

  it('pairs the two documents an editor gave the same topics', () => {
    // The 2010 report and the 2014 commentary both argue counter-narcotics, counter-terrorism
    // and regional integration, and nothing else.
    const report = 'central-asian-security-two-recommendations-for-international-action';
    const commentary = 'counter-terrorism-in-central-asia-requires-international-cooperation';
    expect(related[report]![0]!.id).toBe(commentary);
    expect(related[report]![0]!.parts.topics).toBe(1);
    expect(related[commentary]![0]!.id).toBe(report);
  });

  it('explains each pair by what both name, rarest first, never by what every document names', () => {
    for (const d of documents) {
      for (const r of related[d.id]!) {
        expect(r.shares.length).toBeGreaterThan(0);
        expect(r.shares.length).toBeLessThanOrEqual(4);
        const other = relatedInput.find((x) => x.id === r.id)!;
        const self = relatedInput.find((x) => x.id === d.id)!;
        for (const id of r.shares) {
          const inBoth =
            (id in self.entities && id in other.entities) ||
            (self.topics.includes(id) && other.topics.includes(id));
          expect(inBoth, `${d.id} and ${r.id} both have ${id}`).toBe(true);
        }
        // Central Asia is named by all five: it says nothing about a pair.
        expect(r.shares).not.toContain('central-asia');
      }
    }
    expect(index.byEntity['central-asia']).toHaveLength(documents.length);
    const nato = 'renewing-central-asian-partnerships';
    const diplomat = 'how-can-central-asia-move-toward-security-integration';
    expect(related[nato]!.find((r) => r.id === diplomat)!.shares).toEqual([
      'china',
      'military-cooperation',
      'azerbaijan',
      'great-power-competition',
    ]);
  });

  it('is deterministic: same lists for the documents in any order, run after run', () => {
    const reversed = relatedDocuments([...relatedInput].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(related));
    const rotated = relatedDocuments([...relatedInput.slice(2), ...relatedInput.slice(0, 2)]);
    expect(JSON.stringify(rotated)).toBe(JSON.stringify(related));
    expect(JSON.stringify(relatedDocuments(relatedInput))).toBe(JSON.stringify(related));
  });
});

describe('the formula on small cases', () => {
  const doc = (id: string, entities: string[], topics: string[], text: string): RelatedInput => ({
    id,
    entities: Object.fromEntries(entities.map((e) => [e, 1])),
    topics,
    text,
  });

  it('weighs a shared entity by its rarity and ignores one every document has', () => {
    const docs = [
      doc('a', ['everywhere', 'rare'], [], 'alpha'),
      doc('b', ['everywhere', 'rare'], [], 'beta'),
      doc('c', ['everywhere'], [], 'gamma'),
    ];
    const result = relatedDocuments(docs);
    // a and b share "rare" (weight ln 3/2) and nothing else weighs anything: index 1.
    expect(result['a']![0]).toMatchObject({ id: 'b', parts: { entities: 1, topics: 0, text: 0 } });
    expect(result['a']![0]!.shares).toEqual(['rare']);
    // c shares only "everywhere", which weighs 0: not related at all.
    expect(result['c']).toEqual([]);
  });

  it('breaks ties by id', () => {
    const docs = [
      doc('m', ['x'], [], ''),
      doc('z', ['x'], [], ''),
      doc('b', ['x'], [], ''),
      doc('q', [], [], ''),
    ];
    expect(relatedDocuments(docs)['m']!.map((r) => r.id)).toEqual(['b', 'z']);
  });

  it('compares texts by TF-IDF cosine, ignoring words every document uses', () => {
    const docs = [
      doc('a', [], [], 'the border treaty'),
      doc('b', [], [], 'the border dispute'),
      doc('c', [], [], 'the pipeline'),
    ];
    const a = relatedDocuments(docs)['a']!;
    expect(a.map((r) => r.id)).toEqual(['b']);
    // Only "border" is shared; "the" is in all three and weighs nothing.
    const w = Math.log(3 / 2);
    const v = Math.log(3);
    expect(a[0]!.parts.text).toBeCloseTo((w * w) / (w * w + v * v), 12);
  });
});

describe('scoring only the candidates an inverted index finds', () => {
  // Variants of the five documents, as a larger collection would have: the same entities and
  // topics, the paragraphs in another order, a word of their own so no two are identical.
  const variants: RelatedInput[] = relatedInput.flatMap((d) =>
    Array.from({ length: 24 }, (_, k) => {
      const paragraphs = d.text.split('\n');
      const turned = [
        ...paragraphs.slice(k % paragraphs.length),
        ...paragraphs.slice(0, k % paragraphs.length),
      ];
      return {
        ...d,
        id: `${d.id}-variant-${k}`,
        text: `${turned.join('\n')}\nmarker${'x'.repeat(k)}`,
      };
    }),
  );
  const collection = [...relatedInput, ...variants];
  const exhaustive = relatedDocuments(collection, { candidates: Infinity });
  const everyPair = relatedDocuments(collection, { candidates: Infinity, limit: Infinity });

  it('is exact while every other document fits in the candidates', () => {
    const fits = relatedDocuments(collection, { candidates: collection.length - 1 });
    expect(JSON.stringify(fits)).toBe(JSON.stringify(exhaustive));
    expect(JSON.stringify(relatedDocuments(relatedInput, { candidates: 4 }))).toBe(
      JSON.stringify(relatedDocuments(relatedInput, { candidates: Infinity })),
    );
  });

  it('with fewer candidates than documents, scores what it lists exactly and finds the same top', () => {
    const capped = relatedDocuments(collection, { candidates: 20 });
    for (const d of collection) {
      const list = capped[d.id]!;
      expect(list).toHaveLength(3);
      for (const r of list) {
        // The score of a pair does not depend on which candidates were gathered.
        const pair = everyPair[d.id]!.find((x) => x.id === r.id)!;
        expect(r.score).toBe(pair.score);
        expect(r.parts).toEqual(pair.parts);
      }
      // A variant's best match is another version of the same document, as exhaustively.
      expect(list[0]!.score).toBe(exhaustive[d.id]![0]!.score);
      expect(list.map((r) => r.id)).toEqual(exhaustive[d.id]!.map((r) => r.id));
    }
  });
});
