/**
 * How lists that grow with the documents are split into pages, as pure functions, so that no
 * page grows with the number of documents: the routes only choose a list and a size.
 */

/** How many of each list one page shows. */
export const PER_PAGE = {
  /** Documents on a page of /documents/, /documents/oldest/ and a type's list. */
  documents: 20,
  /** The newest documents the front page lists. */
  front: 10,
  /** The newest documents of each type on /documents/by-type/. */
  typePreview: 5,
  /** Items in the RSS and JSON feeds. */
  feed: 50,
  /** Documents, and quoted sentences, on a page of where the documents name an entity. */
  mentionDocuments: 20,
  mentionSentences: 40,
} as const;

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be 1 or more: ${size}`);
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** From 1. */
  number: number;
  /** How many pages the list has (at least one). */
  count: number;
}

/** The list in pages of `size`, in order. An empty list is one empty page, so that the first
 * page of an index always exists at its URL. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  checkSize(size);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    count,
  }));
}

/** The first `size` items: a list cut to its first page, where the rest are on pages of their
 * own (the front page's newest documents, a feed). */
export function firstPage<T>(items: readonly T[], size: number): T[] {
  checkSize(size);
  return items.slice(0, size);
}

/** Where a page's items stand in the whole list, from 1: items 51 to 100 of 1000. */
export interface PageRange {
  first: number;
  last: number;
  total: number;
}

/** The range of page `number` (from 1) of a list of `total` in pages of `size`. */
export function pageRange(number: number, size: number, total: number): PageRange {
  return {
    first: Math.min(total, (number - 1) * size + 1),
    last: Math.min(total, number * size),
    total,
  };
}

/** "1,000": the counts readers see. */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/** "Documents 51–100 of 1,000", "Document 101 of 101", "All 5 documents", "The one document",
 * "No documents". */
export function rangeText(range: PageRange, nouns: { one: string; many: string }): string {
  const { first, last, total } = range;
  if (total === 0) return `No ${nouns.many.toLowerCase()}`;
  if (total === 1) return `The one ${nouns.one.toLowerCase()}`;
  if (first === 1 && last === total) return `All ${formatCount(total)} ${nouns.many.toLowerCase()}`;
  if (first === last) {
    const one = nouns.one.charAt(0).toUpperCase() + nouns.one.slice(1);
    return `${one} ${formatCount(first)} of ${formatCount(total)}`;
  }
  return `${nouns.many} ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`;
}

/** A page number to link, or a gap in the run of numbers. */
export type PageLink = number | 'gap';

/**
 * The page numbers a pagination bar shows: the first and the last, and `radius` either side of
 * the current one, with a gap where numbers are left out. A gap of one number shows the number
 * instead, since "…" would take as much room. Bounded by 2 * radius + 5 entries, however many
 * pages there are.
 */
export function pageLinks(current: number, count: number, radius = 2): PageLink[] {
  const shown = new Set([1, count]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  for (const n of sorted) {
    const previous = links.at(-1);
    if (typeof previous === 'number' && n - previous === 2) links.push(n - 1);
    else if (typeof previous === 'number' && n - previous > 2) links.push('gap');
    links.push(n);
  }
  return links;
}

/** Part of a group (the sentences of one document) that falls on one page. */
export interface GroupSlice<G, T> {
  group: G;
  /** The group's place in the whole list, from 0. */
  index: number;
  items: T[];
  /** The first item's place in the group, from 0. */
  from: number;
  /** The group began on an earlier page. */
  continued: boolean;
  /** The group goes on to the next page. */
  continues: boolean;
}

/**
 * Groups of items (documents, each with the sentences that name an entity) in pages of at most
 * `size.items` items and `size.groups` groups, in order, every item on exactly one page. A group
 * goes whole onto the page if it fits in the room left, or starts the next page if it fits there;
 * only a group longer than a page is split, filling the page it starts on and going on to the next
 * ones. A group without items takes the room of one.
 */
export function paginateGroups<G, T>(
  groups: readonly G[],
  itemsOf: (group: G) => readonly T[],
  size: { items: number; groups: number },
): Page<GroupSlice<G, T>>[] {
  checkSize(size.items);
  checkSize(size.groups);
  const pages: GroupSlice<G, T>[][] = [[]];
  let room = size.items;
  const full = () => room === 0 || pages.at(-1)!.length === size.groups;
  const newPage = () => {
    pages.push([]);
    room = size.items;
  };
  groups.forEach((group, index) => {
    const items = itemsOf(group);
    const need = Math.max(1, items.length);
    if (full() || (need > room && room < size.items && need <= size.items)) newPage();
    let from = 0;
    do {
      if (full()) newPage();
      const take = Math.min(room, need - from);
      pages.at(-1)!.push({
        group,
        index,
        items: items.slice(from, from + take),
        from,
        continued: from > 0,
        continues: from + take < need,
      });
      from += take;
      room -= take;
    } while (from < need);
  });
  return pages.map((items, i) => ({ items, number: i + 1, count: pages.length }));
}
