import { describe, expect, test } from 'vitest';
import { recall } from '../../../src/lib/search/recent.ts';
import { searchOffline } from '../../../src/lib/search/offline.ts';
import { parseState, stateToSearch } from '../../../src/lib/search/state.ts';
import { index } from './corpus.ts';

// The search page keeps its latest searches by their query string, as here on the real documents.

describe('recall', () => {
  const made: string[] = [];
  const search = (cache: Map<string, unknown>, query: string, size = 3) => {
    const key = stateToSearch(parseState(`?q=${encodeURIComponent(query)}`));
    return recall(
      cache,
      key,
      () => {
        made.push(query);
        return searchOffline(index, query).results.map((r) => r.page.url);
      },
      size,
    );
  };

  test('makes a value once, and gives the same one back', () => {
    made.length = 0;
    const cache = new Map<string, unknown>();
    const first = search(cache, 'narcotics');
    expect(first).toEqual(searchOffline(index, 'narcotics').results.map((r) => r.page.url));
    expect(search(cache, 'narcotics')).toBe(first);
    expect(made).toEqual(['narcotics']);
  });

  test('keeps the most recently used, forgetting the oldest', () => {
    made.length = 0;
    const cache = new Map<string, unknown>();
    for (const q of ['SCO', 'SC', 'border']) search(cache, q);
    search(cache, 'SCO'); // used again: now the latest
    search(cache, 'Kazakhstan'); // one too many: "SC" goes
    expect([...cache.keys()]).toEqual(['?q=border', '?q=SCO', '?q=Kazakhstan']);
    search(cache, 'SC');
    expect(made).toEqual(['SCO', 'SC', 'border', 'Kazakhstan', 'SC']);
    expect(cache.size).toBe(3);
  });
});
