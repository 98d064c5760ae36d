import { describe, expect, test } from 'vitest';
import { alternatives, mergeRuns, synonymGroups } from '../../../src/lib/search/synonyms.ts';
import { registry } from '../entities/corpus.ts';

const groups = synonymGroups(registry);

describe('synonyms from the entity registry', () => {
  test('a query that is one of a topic’s names also searches the others', () => {
    expect(alternatives('narcotics', groups)).toEqual([
      'Counter-narcotics',
      'drug trafficking',
      'drug smuggling',
    ]);
  });

  test('names that search the same are one: "Counter-narcotics" is "counternarcotics"', () => {
    const group = groups.find((g) => g.includes('Counter-narcotics'))!;
    expect(group).not.toContain('counternarcotics');
  });

  test('short names and adjectives count: "SCO", "Kazakh"', () => {
    expect(alternatives('SCO', groups)).toContain('Shanghai Cooperation Organization');
    expect(alternatives('kazakh', groups)).toContain('Kazakhstan');
  });

  test('a query that is not a whole name is not expanded', () => {
    expect(alternatives('narcotics trade', groups)).toEqual([]);
    expect(alternatives('', groups)).toEqual([]);
  });

  test('context aliases ("Alliance" for NATO) are not names of their own', () => {
    expect(alternatives('Alliance', groups)).toEqual([]);
  });

  test('names are keyed once per list of groups; asking again, or another list, answers alike', () => {
    const first = alternatives('SCO', groups);
    expect(alternatives('SCO', groups)).toEqual(first);
    expect(alternatives('sco', groups)).toEqual(first);
    // A list of its own (the page parses its copy from JSON) has its own keys.
    const copy = JSON.parse(JSON.stringify(groups)) as string[][];
    expect(alternatives('SCO', copy)).toEqual(first);
    expect(alternatives('SCO', [['SCO', 'Shanghai Five']])).toEqual(['Shanghai Five']);
    expect(alternatives('narcotics', [['SCO', 'Shanghai Five']])).toEqual([]);
  });
});

describe('mergeRuns', () => {
  test('a page found by several searches adds up its scores and ranks higher', () => {
    const merged = mergeRuns(
      [
        [
          { id: 'a', s: 1 },
          { id: 'b', s: 2 },
        ],
        [{ id: 'a', s: 1.5 }],
      ],
      (r) => r.id,
      (r) => r.s,
    );
    expect(merged.map((m) => [m.id, m.score, m.found.length])).toEqual([
      ['a', 2.5, 2],
      ['b', 2, 1],
    ]);
  });
});
