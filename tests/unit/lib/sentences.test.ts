import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/lib/sentences.ts';
import { documents } from '../entities/corpus.ts';
import { referenceSplitSentences } from './reference-sentences.ts';

describe('splitSentences against the version it replaced', () => {
  it('splits every block of the real documents the same way', () => {
    let count = 0;
    for (const doc of documents) {
      for (const block of doc.blocks) {
        const sentences = splitSentences(block.text);
        expect(sentences).toEqual(referenceSplitSentences(block.text));
        count += sentences.length;
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('splits generated texts of abbreviations, initials, quotes and odd spaces the same way', () => {
    let state = 42;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const words = ['U.S', 'Ph.D', 'Dr', 'no', 'J', 'é', 'word', 'NATO', '“Quote', '(Paren', 'x'];
    const ends = ['.', '. ', '.” ', '!) ', '? ', '… ', '...', ''];
    const spaces = [' ', '  ', '\u00a0', '\u2009', '\u3000', '\n', '\t', '\ufeff', '\u200b'];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from(
        { length: 12 },
        () => pick(words) + pick(ends) + pick(spaces) + (next() < 0.3 ? '1' : ''),
      ).join('');
      expect(splitSentences(text)).toEqual(referenceSplitSentences(text));
    }
  });
});
