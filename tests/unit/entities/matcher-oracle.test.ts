import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/entities/blocks.ts';
import { buildMatcher, findMentions } from '../../../src/lib/entities/matcher.ts';
import type { EntityEntry } from '../../../src/lib/entities/registry.ts';
import { documents, registry } from './corpus.ts';
import { buildReferenceMatcher, findReferenceMentions } from './reference-matcher.ts';

// The matcher scans by first characters instead of running one regular expression of every
// name; these tests hold it to exactly what that expression found, on the real documents and on
// generated texts full of the spellings the rules are about.

function expectSameAsReference(entities: readonly EntityEntry[], blocks: readonly Block[]) {
  const got = findMentions(buildMatcher(entities), blocks);
  expect(got).toEqual(findReferenceMentions(buildReferenceMatcher(entities), blocks));
  return got;
}

describe('the matcher against the regular expression it replaced', () => {
  it('finds the same mentions in every real document', () => {
    for (const doc of documents) {
      const mentions = expectSameAsReference(registry, doc.blocks);
      expect(mentions.length).toBeGreaterThan(0);
    }
  });

  it('finds the same mentions in each block of the real documents alone', () => {
    for (const doc of documents) {
      for (const block of doc.blocks) expectSameAsReference(registry, [block]);
    }
  });

  it('finds the same mentions in generated texts with every kind of spelling', () => {
    const random = seeded(20261123);
    const names = registry.flatMap(({ data }) => [
      data.name,
      ...(data.shortName ? [data.shortName] : []),
      ...data.aliases,
      ...data.demonyms,
      ...data.contextAliases,
    ]);
    const blocks = Array.from({ length: 400 }, (_, i) => ({
      id: `p-${i}`,
      kind: 'paragraph' as const,
      text: Array.from({ length: 12 }, () => mangle(random.pick(names), random)).join(''),
    }));
    const mentions = expectSameAsReference(registry, blocks);
    expect(mentions.length).toBeGreaterThan(500);
    for (const block of blocks.slice(0, 100)) expectSameAsReference(registry, [block]);
  });

  it('agrees on names with odd characters: hyphens at the ends, astral letters, case folds', () => {
    const entity = (
      id: string,
      kind: EntityEntry['data']['kind'],
      name: string,
      aliases: string[],
    ) =>
      ({
        id,
        data: { kind, name, aliases, demonyms: [], contextAliases: [], description: 'x' },
      }) as unknown as EntityEntry;
    const odd = [
      entity('anti', 'topic', 'anti-', []),
      entity('post', 'organization', '-post', ['x']),
      entity('math', 'place', '𝐀lpha', ['β𝐁']),
      entity('strasse', 'topic', 'straße', ['İstanbul']),
      entity('dz', 'person', 'ǅemal', ['de Hoop']),
      entity('dots', 'organization', 'U.S.', ['U.S', "Experts' Group"]),
      entity('nato', 'organization', 'NATO', ['N', 'NAT']),
    ];
    const random = seeded(7);
    const names = odd.flatMap((e) => [e.data.name, ...e.data.aliases]);
    const blocks = Array.from({ length: 300 }, (_, i) => ({
      id: `p-${i}`,
      kind: 'paragraph' as const,
      text: Array.from({ length: 10 }, () => mangle(random.pick(names), random)).join(''),
    }));
    expect(expectSameAsReference(odd, blocks).length).toBeGreaterThan(100);
  });
});

function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}

const SEPARATORS = [' ', '  ', '\u00a0', '-', '\u2010', '\u2011', ' - ', '\n'];
const APOSTROPHES = ["'", '’', 'ʼ'];
const AROUND = [
  ' ',
  ' ',
  ', ',
  '. ',
  'x',
  '9',
  '-',
  "'",
  '’s ',
  's ',
  'S ',
  'é',
  '😀',
  '𝐀',
  '(',
  '',
];

/** A name as a text might spell it: other separators, apostrophes and case, a plural, glued to
 * whatever comes before and after. */
function mangle(name: string, random: ReturnType<typeof seeded>): string {
  let text = [...name]
    .map((c) => {
      if (/[\s\-]/.test(c) && random.next() < 0.5) return random.pick(SEPARATORS);
      if (/['’ʼ]/.test(c)) return random.pick(APOSTROPHES);
      const r = random.next();
      return r < 0.1 ? c.toLowerCase() : r < 0.2 ? c.toUpperCase() : c;
    })
    .join('');
  if (random.next() < 0.3) text = text.slice(0, Math.ceil(random.next() * text.length));
  if (random.next() < 0.2) text += 's';
  return random.pick(AROUND) + text + random.pick(AROUND);
}
