import { describe, expect, it } from 'vitest';
import { buildMentionIndex } from '../../../src/lib/entities/graph.ts';
import { documents, registry } from './corpus.ts';

const index = buildMentionIndex(documents, registry);

describe('the mention index', () => {
  it('lists every entity, even one the texts never name', () => {
    expect(Object.keys(index.byEntity).sort()).toEqual(registry.map((e) => e.id).sort());
    // Named only in a photo caption, which is not part of the text.
    expect(index.byEntity['islam-karimov']).toEqual([]);
  });

  it('gives each document its entities, most named first', () => {
    const renewing = index.byDocument['renewing-central-asian-partnerships']!;
    expect(renewing.entities[0]!.entityId).toBe('nato');
    expect(renewing.entities[0]!.count).toBe(
      renewing.mentions.filter((m) => m.entityId === 'nato').length,
    );
    const counts = renewing.entities.map((e) => e.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('gives each entity its documents, with the first mention in its sentence', () => {
    const osce = index.byEntity['osce']!;
    expect(osce.map((d) => d.documentId)).toEqual([
      'central-asian-security-two-recommendations-for-international-action',
    ]);
    expect(osce[0]!.first).toMatchObject({
      blockId: 'p-2ed753',
      sentence:
        'Given the Kazakh chair-in-office of the OSCE, this is an opportune time to engage in concrete issues in the region.',
    });
    const { sentence, start, end } = osce[0]!.first;
    expect(sentence.slice(start, end)).toBe('OSCE');
    expect(index.byEntity['central-asia']!.length).toBe(documents.length);
  });

  it('is the same whatever order the documents come in', () => {
    expect(buildMentionIndex([...documents].reverse(), registry)).toEqual(index);
  });
});
