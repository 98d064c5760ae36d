import { getCollection, type CollectionEntry } from 'astro:content';
import { displayDate } from './dates';
import { sortDocuments } from './collection';
import type { DateOrder } from './dates';

export type DocumentEntry = CollectionEntry<'documents'>;

/**
 * All documents in the given order. Dates are checked here once, so that a malformed date fails
 * the build naming its entry rather than somewhere inside a page.
 */
export async function getDocuments(order: DateOrder = 'newest'): Promise<DocumentEntry[]> {
  const docs = await getCollection('documents');
  for (const doc of docs) {
    try {
      displayDate(doc.data.published);
    } catch (error) {
      throw new Error(`${doc.filePath ?? doc.id}: ${(error as Error).message}`, { cause: error });
    }
  }
  return sortDocuments(docs, order);
}
