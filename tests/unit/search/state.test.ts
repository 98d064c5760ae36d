import { describe, expect, test } from 'vitest';
import {
  backspaced,
  describeFilters,
  facetValueLabel,
  offlineHref,
  parseState,
  resultHref,
  searchedWhileTyping,
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

describe('searching while the reader types', () => {
  const state = (search: string) => parseState(search);

  test('two letters or more are searched; one letter only with a filter', () => {
    expect(searchedWhileTyping(state('?q=SC'))).toBe(true);
    expect(searchedWhileTyping(state('?q=S'))).toBe(false);
    expect(searchedWhileTyping(state('?q=S&country=Kazakhstan'))).toBe(true);
    expect(searchedWhileTyping(state('?type=Policy+brief'))).toBe(true);
  });

  test('a backspace asks for the query less its last character, filters and order kept', () => {
    expect(backspaced(state('?q=SCO'))).toEqual(state('?q=SC'));
    expect(backspaced(state('?q=narcotics&country=Kazakhstan&sort=newest'))).toEqual(
      state('?q=narcotic&country=Kazakhstan&sort=newest'),
    );
    // The space a backspace leaves at the end is not searched.
    expect(backspaced(state('?q=drug+t'))).toEqual(state('?q=drug'));
  });

  test('none when the shorter query would not be searched as typed', () => {
    expect(backspaced(state('?q=SC'))).toBeUndefined();
    expect(backspaced(state('?q=S&country=Kazakhstan'))).toBeUndefined();
    expect(backspaced(state('?country=Kazakhstan'))).toBeUndefined();
    // With a filter, one letter is searched.
    expect(backspaced(state('?q=SC&country=Kazakhstan'))).toEqual(state('?q=S&country=Kazakhstan'));
  });

  test('a character is a code point, not half of one', () => {
    expect(backspaced({ q: 'Öskemen 𝔸', filters: {}, sort: 'relevance' })?.q).toBe('Öskemen');
  });
});
