import { documentTypes, type DocumentData, type DocumentType } from '../content/schema';
import { comparePublished, publishedYears, type DateOrder } from './dates';
import { countWord, listText, typeLabel, typeWithArticle } from './labels';

/**
 * Orderings and groupings of the documents, as pure functions of their data, so that the pages
 * only choose one.
 */

/** The part of an entry these functions read; a `CollectionEntry<'documents'>` fits. */
export interface DocumentLike {
  id: string;
  data: Pick<DocumentData, 'title' | 'type' | 'published'>;
}

/** A new array, by published date (undated last), then by title so the order never flickers. */
export function sortDocuments<T extends DocumentLike>(docs: readonly T[], order: DateOrder): T[] {
  return [...docs].sort(
    (a, b) =>
      comparePublished(a.data.published, b.data.published, order) ||
      a.data.title.localeCompare(b.data.title, 'en'),
  );
}

export interface TypeGroup<T> {
  type: DocumentType;
  label: string;
  docs: T[];
}

/** Groups in the schema's order of types, each newest first; empty types are left out. */
export function groupByType<T extends DocumentLike>(docs: readonly T[]): TypeGroup<T>[] {
  return documentTypes
    .map((type) => {
      const ofType = sortDocuments(
        docs.filter((d) => d.data.type === type),
        'newest',
      );
      return { type, label: typeLabel(type, ofType.length), docs: ofType };
    })
    .filter((g) => g.docs.length > 0);
}

/**
 * The front page's first sentence, computed so it stays true as documents are added:
 * "Five documents on security in Central Asia, published between 2006 and 2024: a policy
 * report, ... and a commentary."
 */
export function describeCollection(docs: readonly DocumentLike[]): string {
  const years = docs.flatMap((d) => publishedYears(d.data.published));
  const undated = docs.filter((d) => !d.data.published).length;
  const first = Math.min(...years);
  const last = Math.max(...years);
  const noun = docs.length === 1 ? 'document' : 'documents';
  const span =
    years.length === 0
      ? ''
      : first === last
        ? `, published in ${first}`
        : `, published between ${first} and ${last}`;
  const undatedNote =
    years.length > 0 && undated > 0 ? ` (${countWord(undated).toLowerCase()} undated)` : '';

  const counts = new Map<DocumentType, number>();
  for (const type of documentTypes) {
    const n = docs.filter((d) => d.data.type === type).length;
    if (n > 0) counts.set(type, n);
  }
  const kinds = [...counts].map(([type, n]) =>
    n === 1
      ? typeWithArticle(type)
      : `${countWord(n).toLowerCase()} ${typeLabel(type, n).toLowerCase()}`,
  );
  const list = kinds.length > 0 ? `: ${listText(kinds)}` : '';
  return `${countWord(docs.length)} ${noun} on security in Central Asia${span}${undatedNote}${list}.`;
}
