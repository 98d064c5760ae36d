import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../../src/lib/entities/matcher.ts';
import { suggestNames } from '../../../src/lib/entities/suggest.ts';
import { documents, registry } from './corpus.ts';

const suggestions = suggestNames(documents, buildMatcher(registry));
const names = suggestions.map((s) => s.name);

describe('suggestNames', () => {
  it('lists names no entity covers, with a count and a sample sentence', () => {
    expect(names).toContain('Joint Plan of Action of Central Asian States');
    expect(names).toContain('Astana Summit');
    const strategy = suggestions.find((s) => s.name === 'Strategy')!;
    expect(strategy.count).toBe(4);
    expect(strategy.sample.sentence).toContain('UN Global Counter-Terrorism Strategy (Strategy)');
  });

  it('sorts by count, most frequent first', () => {
    const counts = suggestions.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('leaves out covered names, sentence openers, months, titles and headings', () => {
    for (const name of [
      'NATO',
      'Kazakhstan',
      'The',
      'First',
      'Analysts',
      'May',
      'July',
      'President',
      'Recommendations',
      'We',
    ]) {
      expect(names, name).not.toContain(name);
    }
    expect(names.some((n) => /Tokayev|Robertson|Scheffer/.test(n))).toBe(false);
  });

  it('suggests a new name until the registry covers it', () => {
    const fewer = buildMatcher(registry.filter((e) => e.id !== 'waziristan'));
    expect(suggestNames(documents, fewer).map((s) => s.name)).toContain('Waziristan');
    expect(names).not.toContain('Waziristan');
  });
});
