import { describe, expect, test } from 'vitest';
import { allFilters, searchOffline, sortOrder } from '../../../src/lib/search/offline.ts';
import { index, urlOf } from './corpus.ts';

// The offline search on the five documents, with the queries readers and the benchmark use.

const urls = (query: string, options = {}) =>
  searchOffline(index, query, options).results.map((r) => r.page.url);

describe('searchOffline', () => {
  test('"narcotics" finds the four documents that name narcotics, not the Diplomat analysis', () => {
    expect(new Set(urls('narcotics'))).toEqual(
      new Set([
        urlOf('central-asian-security'),
        urlOf('counter-terrorism'),
        urlOf('foreign-military'),
        urlOf('renewing'),
      ]),
    );
  });

  test('every word of the query must match', () => {
    const both = urls('Andijan SCO');
    expect(both).toEqual([urlOf('renewing')]);
    expect(urls('Andijan xyzzy')).toEqual([]);
  });

  test('a term matches longer words (SCO finds "scope"), the exact word ranking higher', () => {
    const sco = searchOffline(index, 'SCO').results;
    expect(sco.map((r) => r.page.url)).toContain(urlOf('foreign-military'));
    expect(sco[0]!.page.url).toBe(urlOf('renewing'));
  });

  test('the document that uses the words most ranks first', () => {
    expect(urls('SCO')[0]).toBe(urlOf('renewing'));
    expect(urls('counternarcotics')[0]).toBe(urlOf('foreign-military'));
  });

  test('the matching words are reported by position', () => {
    const hit = searchOffline(index, 'Andijan').results[0]!;
    const words = hit.page.content.split(/\s+/);
    expect(hit.locations.length).toBeGreaterThan(3);
    for (const l of hit.locations) expect(words[l]).toMatch(/Andijan/);
  });

  test('a filter narrows the results', () => {
    const all = urls('security');
    const briefs = urls('security', { filters: { type: 'Policy brief' } });
    expect(briefs).toEqual([urlOf('foreign-military')]);
    expect(all.length).toBeGreaterThan(briefs.length);
    expect(urls('security', { filters: { country: 'Kazakhstan', year: '2024' } })).toEqual([
      urlOf('how-can'),
    ]);
  });

  test('filters alone list the pages that carry them; nothing at all finds nothing', () => {
    expect(urls('', { filters: { topic: 'Counter-narcotics' } })).toHaveLength(4);
    expect(urls('')).toEqual([]);
  });

  test('sorting by date: newest first, or oldest first', () => {
    expect(urls('security', { sort: { date: 'desc' } })[0]).toBe(urlOf('how-can'));
    expect(urls('security', { sort: { date: 'asc' } })[0]).toBe(urlOf('renewing'));
  });

  test('pages without a date sort last either way', () => {
    const order = sortOrder({ date: 'asc' })!;
    const dated = index.pages[0]!;
    const undated = { ...dated, sort: {} };
    expect(order(undated, dated)).toBe(1);
    expect(order(dated, undated)).toBe(-1);
    expect(sortOrder(undefined)).toBeUndefined();
  });

  test('allFilters counts the pages carrying each value', () => {
    const filters = allFilters(index);
    expect(filters.kind).toEqual({ Document: 5 });
    expect(filters.type?.['Policy brief']).toBe(1);
    expect(filters.topic?.['Counter-narcotics']).toBe(4);
  });
});
