import { describe, expect, test } from 'vitest';
import { excerpt, MAX_PASSAGES, shapeResult } from '../../../src/lib/search/results.ts';
import { searchOffline } from '../../../src/lib/search/offline.ts';
import { queryTerms } from '../../../src/lib/search/text.ts';
import { index, urlOf } from './corpus.ts';

describe('excerpt', () => {
  const words = 'one two three four five six seven eight nine ten'.split(' ');

  test('a range that fits is shown whole, hits marked', () => {
    expect(excerpt(words, new Set([1]), 0, 4, 10)).toBe('one <mark>two</mark> three four');
  });

  test('a longer range is cut around the hits, centred, with ellipses where it was cut', () => {
    expect(excerpt(words, new Set([6]), 0, 10, 4)).toBe('… five six <mark>seven</mark> eight …');
  });

  test('an excerpt stays inside its range', () => {
    expect(excerpt(words, new Set([9]), 0, 10, 3)).toBe('… eight nine <mark>ten</mark>');
  });
});

describe('shapeResult on the real documents', () => {
  const url = urlOf('foreign-military');
  const found = searchOffline(index, 'narcotics').results.find((r) => r.page.url === url)!;
  const result = shapeResult(found.page, found.locations, queryTerms('narcotics'));

  test('says what the page is: title, type, date', () => {
    expect(result).toMatchObject({
      url,
      title: 'Foreign Military Assistance to Central Asia: Conclusions and Recommendations',
      kind: 'document',
      label: 'Policy brief',
      date: 'about 2014',
    });
  });

  test('links to passages by their ids, with the term marked in each', () => {
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.passages.length).toBeLessThanOrEqual(MAX_PASSAGES);
    for (const p of result.passages) {
      expect(p.url).toMatch(new RegExp(`^${url}#(p-[0-9a-f]{6}|summary-heading|[a-z0-9-]+)$`));
      expect(p.excerpt).toMatch(/<mark>narcotics<\/mark>/i);
    }
  });

  test('an entity page is marked as such, with its kind', () => {
    const entity = shapeResult(
      {
        url: '/entities/sco/',
        content: 'Shanghai Cooperation Organization. A regional organization.',
        anchors: [],
        meta: { title: 'Shanghai Cooperation Organization' },
        filters: { kind: ['Entity'], type: ['Organization'] },
      },
      [0],
    );
    expect(entity).toMatchObject({ kind: 'entity', label: 'Organization', passages: [] });
    expect(entity.excerpt).toContain('<mark>Shanghai</mark>');
  });
});
