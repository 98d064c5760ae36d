import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../../src/config/site.ts';
import { pageCacheKey } from '../../../src/lib/page-cache-key.ts';

/** The key as it was computed before, with a JSON.stringify replacer: the oracle. */
function referenceKey(...data: unknown[]): string {
  const entryKey = (e: { collection: string; id: string; digest: string; data: unknown }) =>
    `${e.collection}/${e.id}/${e.digest}/${createHash('sha256').update(JSON.stringify(e.data)).digest('base64url')}`;
  const json = JSON.stringify([SITE.origin, SITE.base, ...data], (_key, value: unknown) => {
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    const v = value as Record<string, unknown> | null;
    if (
      typeof v === 'object' &&
      v !== null &&
      typeof v['collection'] === 'string' &&
      typeof v['id'] === 'string' &&
      typeof v['digest'] === 'string'
    ) {
      return { entry: entryKey(v as Parameters<typeof entryKey>[0]) };
    }
    return value;
  });
  return createHash('sha256').update(json).digest('base64url');
}

const entry = (id: string, data: unknown = { date: new Date(5), tags: ['a'] }) => ({
  collection: 'documents',
  id,
  digest: `digest-${id}`,
  data,
  body: 'not hashed: the digest stands for it',
});

describe('pageCacheKey', () => {
  it('gives the same keys as the JSON replacer it replaced', () => {
    const cases: unknown[][] = [
      [1, 'x', null, undefined, [undefined, () => 1, Symbol('s')], { a: undefined, b: () => 2 }],
      [
        new Map<unknown, unknown>([
          ['a', entry('x')],
          [entry('y'), new Set([1, new Date(7)])],
        ]),
      ],
      [{ deep: { deeper: [entry('z'), { toJSON: () => new Map([[1, { s: new Set([2]) }]]) }] } }],
      [{ n: NaN, zero: -0, big: 1e21, lone: '\ud800', text: 'é “quoted”' }],
      [Object.assign(Object.create({ inherited: 1 }) as object, { own: 2 }), [[[]]], {}],
      [{ 2: 'b', 1: 'a', z: entry('q'), y: new Set(), runs: [{ text: 'NATO', mark: true }] }],
    ];
    for (const data of cases) expect(pageCacheKey(...data)).toBe(referenceKey(...data));
  });

  it('changes with anything the page shows, however deep', () => {
    const page = () => ({
      doc: entry('a'),
      sentences: [{ blockId: 'p-1', runs: [{ text: 'NATO', mark: true }], count: 1 }],
      counts: new Map([['kz', new Set(['a'])]]),
    });
    const base = pageCacheKey(page());
    expect(pageCacheKey(page())).toBe(base);
    const changes: ((p: ReturnType<typeof page>) => void)[] = [
      (p) => (p.sentences[0]!.runs[0]!.mark = false),
      (p) => (p.sentences[0]!.runs[0]!.text = 'NATO.'),
      (p) => p.counts.get('kz')!.add('b'),
      (p) => (p.doc = entry('a', { date: new Date(6), tags: ['a'] })),
      (p) => (p.doc = { ...entry('a'), digest: 'other' }),
    ];
    for (const change of changes) {
      const changed = page();
      change(changed);
      expect(pageCacheKey(changed)).not.toBe(base);
    }
  });

  it('leaves the values it is given as they were', () => {
    const data = { list: [new Map([['a', 1]])], entry: entry('a') };
    pageCacheKey(data);
    expect(data.list[0]).toBeInstanceOf(Map);
    expect(data.entry.body).toBe('not hashed: the digest stands for it');
  });
});
