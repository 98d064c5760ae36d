import { describe, expect, test } from 'vitest';
import {
  describeFilters,
  facetValueLabel,
  offlineHref,
  parseState,
  resultHref,
  sortOption,
  stateToSearch,
} from '../../../src/lib/search/state.ts';

describe('search state in the URL', () => {
  test('reads the query, the known filters and the order', () => {
    expect(parseState('?q=narcotics&country=Kazakhstan&sort=newest&junk=1')).toEqual({
      q: 'narcotics',
      filters: { country: 'Kazakhstan' },
      sort: 'newest',
    });
  });

  test('an unknown order is relevance; empty values are no filter', () => {
    expect(parseState('?q=&type=&sort=sideways')).toEqual({
      q: '',
      filters: {},
      sort: 'relevance',
    });
  });

  test('writes a state back, so that it reads the same', () => {
    const state = parseState('?q=border+security&type=Policy+brief&sort=oldest');
    expect(stateToSearch(state)).toBe('?q=border+security&type=Policy+brief&sort=oldest');
    expect(parseState(stateToSearch(state))).toEqual(state);
    expect(stateToSearch({ q: '', filters: {}, sort: 'relevance' })).toBe('');
  });

  test('sort keys are Pagefind sort options', () => {
    expect(sortOption('newest')).toEqual({ date: 'desc' });
    expect(sortOption('oldest')).toEqual({ date: 'asc' });
    expect(sortOption('relevance')).toBeUndefined();
  });
});

describe('links to results', () => {
  test('carry the query for the page to mark, before the fragment', () => {
    expect(resultHref('/documents/x/#p-1', 'border security')).toBe(
      '/documents/x/?highlight=border%20security#p-1',
    );
    expect(resultHref('/documents/x/', '')).toBe('/documents/x/');
  });

  test('from disk, are relative to the search page and name index.html', () => {
    expect(offlineHref('/documents/x/?highlight=a#p-1', '/search/')).toBe(
      '../documents/x/index.html?highlight=a#p-1',
    );
    expect(offlineHref('/briefing/entities/nato/', '/briefing/search/')).toBe(
      '../entities/nato/index.html',
    );
    expect(offlineHref('/', '/search/')).toBe('../index.html');
  });
});

describe('filters in words', () => {
  test('in the order of the page, with their labels', () => {
    expect(describeFilters({ country: 'Kazakhstan', type: 'Policy brief' })).toBe(
      'Type: Policy brief; Country: Kazakhstan',
    );
    expect(describeFilters({ kind: 'Entity' })).toBe('Show: Entities only');
    expect(facetValueLabel('kind', 'Document')).toBe('Documents only');
    expect(describeFilters({})).toBe('');
  });
});
