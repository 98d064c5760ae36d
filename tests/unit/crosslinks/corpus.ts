import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBlocks } from '../../../src/lib/entities/blocks.ts';
import { readDocuments, readRegistry } from '../../../src/lib/entities/files.ts';
import { buildMentionIndex } from '../../../src/lib/entities/graph.ts';
import type { BlockTexts } from '../../../src/lib/quotes.ts';
import type { RelatedInput } from '../../../src/lib/related.ts';

// The real registry, documents and editorial files, read once per test file, as the build reads
// them (the build goes through the content collections; these are the same files).

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const registry = readRegistry(root);
export const documents = readDocuments(root).map((doc) => ({
  ...doc,
  blocks: parseBlocks(doc.body, doc.filePath),
}));
export const index = buildMentionIndex(documents, registry);

/** Block texts by document and block id, as the checks take them. */
export const texts: BlockTexts = new Map(
  documents.map((d) => [d.id, new Map(d.blocks.map((b) => [b.id, b.text]))]),
);

export function readSource(path: string): string {
  return readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
}

/** What src/lib/crosslinks.ts hands relatedDocuments(), from the same files. */
export const relatedInput: RelatedInput[] = documents.map((d) => ({
  id: d.id,
  entities: Object.fromEntries(index.byDocument[d.id]!.entities.map((e) => [e.entityId, e.count])),
  topics: d.data.topics as string[],
  text: d.blocks.map((b) => b.text).join('\n'),
}));

/** A document by the start of its id. */
export function doc(idStart: string) {
  const found = documents.find((d) => d.id.startsWith(idStart));
  if (!found) throw new Error(`no document id starts with "${idStart}"`);
  return found;
}
