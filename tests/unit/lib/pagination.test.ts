import { describe, expect, it } from 'vitest';
import {
  firstPage,
  formatCount,
  pageLinks,
  pageRange,
  paginate,
  paginateGroups,
  rangeText,
} from '../../../src/lib/pagination';
import { listPage, paths } from '../../../src/lib/urls';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it('splits a list into pages of the size, the last one shorter', () => {
    const pages = paginate(numbers(1000), 50);
    expect(pages).toHaveLength(20);
    expect(pages[0]).toEqual({ items: numbers(50), number: 1, count: 20 });
    expect(pages[1]!.items[0]).toBe(51);
    expect(pages.at(-1)!.items.at(-1)).toBe(1000);
    expect(paginate(numbers(101), 50).map((p) => p.items.length)).toEqual([50, 50, 1]);
  });

  it('puts every item on exactly one page, in order', () => {
    for (const [n, size] of [
      [0, 3],
      [1, 3],
      [3, 3],
      [7, 3],
      [10, 1],
    ] as const) {
      expect(paginate(numbers(n), size).flatMap((p) => p.items)).toEqual(numbers(n));
    }
  });

  it('gives an empty list one empty page, so that the index exists at its URL', () => {
    expect(paginate([], 50)).toEqual([{ items: [], number: 1, count: 1 }]);
  });

  it('refuses a size that is not a whole number of 1 or more', () => {
    expect(() => paginate([1], 0)).toThrow(/page size/);
    expect(() => paginate([1], 2.5)).toThrow(/page size/);
    expect(() => paginateGroups([1], () => [], { items: 5, groups: 0 })).toThrow(/page size/);
    expect(() => firstPage([1], -1)).toThrow(/page size/);
  });

  it('cuts a list to its first page', () => {
    expect(firstPage(numbers(1000), 10)).toEqual(numbers(10));
    expect(firstPage(numbers(3), 10)).toEqual(numbers(3));
  });
});

describe('ranges', () => {
  it('says where a page stands in the list', () => {
    expect(pageRange(2, 50, 1000)).toEqual({ first: 51, last: 100, total: 1000 });
    expect(pageRange(3, 50, 101)).toEqual({ first: 101, last: 101, total: 101 });
    expect(pageRange(1, 50, 5)).toEqual({ first: 1, last: 5, total: 5 });
  });

  it('reads as readers count', () => {
    const nouns = { one: 'document', many: 'Documents' };
    expect(rangeText(pageRange(2, 50, 1000), nouns)).toBe('Documents 51–100 of 1,000');
    expect(rangeText(pageRange(3, 50, 101), nouns)).toBe('Document 101 of 101');
    expect(rangeText(pageRange(1, 50, 5), nouns)).toBe('All 5 documents');
    expect(rangeText(pageRange(1, 50, 1), nouns)).toBe('The one document');
    expect(rangeText(pageRange(1, 50, 0), nouns)).toBe('No documents');
    const types = { one: 'Policy report', many: 'Policy reports' };
    expect(rangeText(pageRange(2, 50, 51), types)).toBe('Policy report 51 of 51');
    expect(formatCount(12345)).toBe('12,345');
  });
});

describe('pageLinks', () => {
  it('shows every page of a short list', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows the first, the last and the neighbours of the current page, with gaps', () => {
    expect(pageLinks(1, 20)).toEqual([1, 2, 3, 'gap', 20]);
    expect(pageLinks(10, 20)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
    expect(pageLinks(20, 20)).toEqual([1, 'gap', 18, 19, 20]);
  });

  it('shows a number rather than a gap that would hide only it', () => {
    expect(pageLinks(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 20]);
  });

  it('stays the same length however many pages there are', () => {
    const longest = Math.max(...numbers(2000).map((n) => pageLinks(n, 2000).length));
    expect(longest).toBe(9);
  });
});

describe('paginateGroups', () => {
  // Documents with their sentences: [name, number of sentences].
  const groups = (...sizes: number[]) =>
    sizes.map((n, i) => ({ id: `d${i}`, items: numbers(n).map((k) => `d${i}s${k}`) }));
  const pack = (gs: ReturnType<typeof groups>, items: number, most = 100) =>
    paginateGroups(gs, (g) => g.items, { items, groups: most });
  const shape = (pages: ReturnType<typeof pack>) =>
    pages.map((p) => p.items.map((s) => `${s.group.id}:${s.items.length}`));

  it('keeps each group whole on a page when it fits', () => {
    expect(shape(pack(groups(2, 2, 3, 1), 5))).toEqual([
      ['d0:2', 'd1:2'],
      ['d2:3', 'd3:1'],
    ]);
  });

  it('splits only a group longer than a page, filling the page it starts on', () => {
    const pages = pack(groups(3, 11, 1), 5);
    expect(shape(pages)).toEqual([['d0:3', 'd1:2'], ['d1:5'], ['d1:4', 'd2:1']]);
    const parts = pages.flatMap((p) => p.items).filter((s) => s.group.id === 'd1');
    expect(parts.map((s) => [s.from, s.continued, s.continues])).toEqual([
      [0, false, true],
      [2, true, true],
      [7, true, false],
    ]);
    expect(pages.every((p) => p.count === 3)).toBe(true);
  });

  it('puts every item on exactly one page, in order, and no page over the size', () => {
    const gs = groups(1, 45, 7, 1, 1, 14, 2, 40, 3, 27, 1);
    for (const size of [1, 5, 40]) {
      const pages = pack(gs, size);
      expect(pages.flatMap((p) => p.items.flatMap((s) => s.items))).toEqual(
        gs.flatMap((g) => g.items),
      );
      for (const p of pages) {
        expect(p.items.reduce((n, s) => n + s.items.length, 0)).toBeLessThanOrEqual(size);
      }
      expect(pages.map((p) => p.number)).toEqual(numbers(pages.length));
    }
  });

  it('holds no more groups than the size allows, however few items they have', () => {
    const pages = pack(groups(1, 1, 1, 1, 1, 30, 1), 10, 3);
    expect(shape(pages)).toEqual([
      ['d0:1', 'd1:1', 'd2:1'],
      ['d3:1', 'd4:1', 'd5:8'],
      ['d5:10'],
      ['d5:10'],
      ['d5:2', 'd6:1'],
    ]);
  });

  it('counts a group without items as one, so a page never holds more than the size', () => {
    const pages = pack(groups(0, 0, 0, 0, 0), 2);
    expect(shape(pages)).toEqual([['d0:0', 'd1:0'], ['d2:0', 'd3:0'], ['d4:0']]);
  });

  it('numbers the groups across pages, for "documents 11–20 of 200"', () => {
    const pages = pack(groups(3, 3, 3, 3), 6);
    expect(pages.map((p) => p.items.map((s) => s.index))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('gives no groups one empty page', () => {
    expect(pack([], 40)).toEqual([{ items: [], number: 1, count: 1 }]);
  });
});

describe('the URLs of pages', () => {
  it('keeps the first page at the list’s own URL', () => {
    expect(paths.documentsPage(1)).toBe(paths.documents);
    expect(paths.documentsOldestPage(1)).toBe(paths.documentsOldest);
    expect(paths.documentsOfType('commentary')).toBe('documents/by-type/commentary/');
  });

  it('puts later pages under page/<n>/, an entity’s under mentions/<n>/', () => {
    expect(paths.documentsPage(2)).toBe('documents/page/2/');
    expect(paths.documentsOldestPage(20)).toBe('documents/oldest/page/20/');
    expect(paths.documentsOfType('policy-brief', 3)).toBe('documents/by-type/policy-brief/page/3/');
    expect(paths.entityMentions('nato', 1)).toBe('entities/nato/#mentions-heading');
    expect(paths.entityMentions('nato', 2)).toBe('entities/nato/mentions/2/');
  });

  it('refuses a page number below 1', () => {
    expect(() => listPage('documents/', 0)).toThrow(/start at 1/);
  });
});
