import { describe, expect, test } from 'vitest';
import { documentMarkers, entityMarkers } from '../../../src/lib/search/facets.ts';
import type { DocumentData } from '../../../src/content/schema.ts';
import { documents, registry } from '../entities/corpus.ts';

type Data = DocumentData & { topics: string[]; countries: string[] };
const doc = (start: string) => {
  const d = documents.find((x) => x.id.startsWith(start))!;
  return { id: d.id, data: d.data as unknown as Data };
};

describe('documentMarkers', () => {
  test('the Diplomat analysis: type, year of its date range, publisher, countries, topics', () => {
    const m = documentMarkers(doc('how-can'), registry, ['sco', 'kazakhstan', 'csto']);
    expect(m.filters).toMatchObject({
      kind: ['Document'],
      type: ['News analysis'],
      year: ['2024'],
      publisher: ['The Diplomat'],
      organization: [
        'Shanghai Cooperation Organization',
        'Collective Security Treaty Organization',
      ],
    });
    expect(m.filters.country).toContain('Kazakhstan');
    expect(m.filters.topic).toContain('Border security');
    expect(m.meta).toEqual({ date: 'between July 30 and August 9, 2024' });
    expect(m.sort).toEqual({ date: '2024-07-30' });
  });

  test('the NATO Review article: a season date shows as the page shows it', () => {
    const m = documentMarkers(doc('renewing'), registry);
    expect(m.meta.date).toBe('Autumn 2006');
    expect(m.filters.year).toEqual(['2006']);
    expect(m.filters.organization).toEqual([]);
  });

  test('an entity is marked as an entity of its kind', () => {
    const nato = registry.find((e) => e.id === 'nato')!;
    expect(entityMarkers(nato).filters).toEqual({ kind: ['Entity'], type: ['Organization'] });
  });
});
