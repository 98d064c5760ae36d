import { getCollection, type CollectionEntry } from 'astro:content';
import { buildMentionIndex, type MentionIndex } from './graph.ts';
import { brokenReferences } from './references.ts';

export type EntityEntry = CollectionEntry<'entities'>;

let index: Promise<{ entities: EntityEntry[]; mentions: MentionIndex }> | undefined;

async function compute() {
  const [documents, entities] = await Promise.all([
    getCollection('documents'),
    getCollection('entities'),
  ]);
  // Astro only logs a broken `reference()`; here it fails the build, naming file and field.
  const broken = brokenReferences(documents, entities);
  if (broken.length > 0) throw new Error(`Broken entity references:\n${broken.join('\n')}`);
  return { entities, mentions: buildMentionIndex(documents, entities) };
}

/**
 * The entities and the mention index, computed once per build however many pages ask: every
 * page shares the one promise.
 */
export function getEntityIndex(): Promise<{ entities: EntityEntry[]; mentions: MentionIndex }> {
  index ??= compute();
  return index;
}
