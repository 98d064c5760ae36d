import { describe, expect, test } from 'vitest';
import {
  escapeHtml,
  markWord,
  queryTerms,
  resolveTerms,
  matchScore,
  wordMatch,
  wordStems,
} from '../../../src/lib/search/text.ts';

describe('wordStems: a written word as Pagefind indexes it', () => {
  test('a plain word: lowercased and stemmed, punctuation around it dropped', () => {
    expect(wordStems('Narcotics,')).toEqual(['narcot']);
    expect(wordStems('(Andijan),')).toEqual(['andijan']);
  });

  test('a compound: its letters run together, and each part', () => {
    expect(wordStems('NATO-SCO')).toEqual(['natosco', 'nato', 'sco']);
    expect(wordStems('EastWest')).toEqual(['eastwest', 'east', 'west']);
    expect(wordStems('Birlestik-2024')).toEqual(['birlestik2024', 'birlestik', '2024']);
  });

  test('initials are one word; one-letter parts are not indexed', () => {
    expect(wordStems('U.S.')).toEqual(['us']);
  });

  test('accents are removed', () => {
    expect(wordStems('Tokayév')).toEqual(['tokayev']);
  });

  test('punctuation alone is no word', () => {
    expect(wordStems('—')).toEqual([]);
  });
});

describe('queryTerms: a query as Pagefind reads it', () => {
  test('words are stemmed, duplicates dropped', () => {
    expect(queryTerms('Border  security borders')).toEqual(['border', 'secur']);
  });

  test('punctuation inside a word joins it', () => {
    expect(queryTerms('U.S. counter-narcotics')).toEqual(['us', 'counternarcot']);
  });

  test('an empty query has no terms', () => {
    expect(queryTerms('  ')).toEqual([]);
    expect(queryTerms('—')).toEqual([]);
  });
});

describe('matching', () => {
  test('a term matches words whose stem starts with it, the closer the better', () => {
    expect(wordMatch('narcotics', 'narcot')).toBe(1);
    expect(wordMatch('scope', 'sco')).toBeGreaterThan(0);
    expect(wordMatch('scope', 'sco')).toBeLessThan(wordMatch('SCO', 'sco'));
    expect(wordMatch('counternarcotics', 'narcot')).toBe(0);
  });

  test('a term no word starts with falls back to the longest word it starts with', () => {
    const terms = resolveTerms(['armenian', 'sco', 'xyzzy'], ['armenia', 'arm', 'scope', 'sco']);
    expect(terms).toEqual([
      { stem: 'armenia', exact: true },
      { stem: 'sco', exact: false },
      { stem: 'xyzzy', exact: false },
    ]);
    expect(matchScore('armenia', terms[0]!)).toBe(1);
    expect(matchScore('armeniaa', terms[0]!)).toBe(0);
  });
});

describe('markWord', () => {
  test('marks the letters, not the punctuation around them', () => {
    expect(markWord('(SCO),', true, ['sco'])).toBe('(<mark>SCO</mark>),');
  });

  test('marks only the matching part of a compound', () => {
    expect(markWord('NATO-SCO', true, ['sco'])).toBe('NATO-<mark>SCO</mark>');
  });

  test('marks a compound whole when it matched as a whole', () => {
    expect(markWord('counter-narcotics', true, ['counternarcot'])).toBe(
      '<mark>counter-narcotics</mark>',
    );
  });

  test('escapes HTML whether marked or not', () => {
    expect(markWord('<b>', false)).toBe('&lt;b&gt;');
    expect(markWord('A&B', true, ['ab'])).toBe('<mark>A&amp;B</mark>');
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });
});
