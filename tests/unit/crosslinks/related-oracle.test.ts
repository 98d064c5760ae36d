import { describe, expect, it } from 'vitest';
import { forEachTerm, relatedDocuments, type RelatedInput } from '../../../src/lib/related.ts';
import { relatedInput } from './corpus.ts';
import { referenceRelatedDocuments } from './reference-related.ts';

// relatedDocuments numbers words as it reads them and orders features by one global rank; these
// tests hold it to exactly the lists the version before it gave.

const regexTerms = (text: string) => text.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
const termsOf = (text: string) => {
  const found: string[] = [];
  forEachTerm(text, (t) => found.push(t));
  return found;
};

describe('the words a text is compared by', () => {
  it('are what the regular expression finds, in the real documents', () => {
    for (const d of relatedInput) expect(termsOf(d.text)).toEqual(regexTerms(d.text));
  });

  it('are what the regular expression finds around odd letters', () => {
    const pieces = [
      'ab',
      'abc',
      'İst',
      'ß',
      'ǅe',
      '𝐀𝐁',
      '𝐀b',
      '😀',
      '1',
      '-',
      ' ',
      '’',
      'é',
      '\ud800',
    ];
    let state = 9;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 8 }, () => pieces[Math.floor(next() * pieces.length)]).join(
        '',
      );
      expect(termsOf(text)).toEqual(regexTerms(text));
    }
  });
});

describe('related documents against the version they replaced', () => {
  const collection: RelatedInput[] = [
    ...relatedInput,
    ...relatedInput.flatMap((d, i) =>
      Array.from({ length: 30 }, (_, k) => {
        const paragraphs = d.text.split('\n');
        return {
          id: `${d.id}-${k}`,
          entities: Object.fromEntries(Object.entries(d.entities).filter((_, e) => (e + k) % 4)),
          topics: k % 3 ? d.topics : [...d.topics, d.topics[0]!].slice(1),
          text: [...paragraphs.slice(k % paragraphs.length), `word${i}${'x'.repeat(k)}`].join('\n'),
        };
      }),
    ),
  ];

  for (const options of [{}, { candidates: 20 }, { candidates: Infinity, limit: 10 }]) {
    it(`gives the same lists with ${JSON.stringify(options)}`, () => {
      expect(relatedDocuments(collection, options)).toEqual(
        referenceRelatedDocuments(collection, options),
      );
    });
  }
});
