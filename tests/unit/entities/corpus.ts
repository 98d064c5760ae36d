import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBlocks, type Block } from '../../../src/lib/entities/blocks.ts';
import { sentenceSpans } from '../../../src/lib/entities/context.ts';
import { readDocuments, readRegistry } from '../../../src/lib/entities/files.ts';

// The real registry and documents, read once per test file, and the hand-checked fixture.

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const registry = readRegistry(root);
export const documents = readDocuments(root).map((doc) => ({
  ...doc,
  blocks: parseBlocks(doc.body, doc.filePath),
}));

export interface Expected {
  documents: Record<string, { entities: string[]; notes?: Record<string, string> }>;
}
export const expected = JSON.parse(
  readFileSync(new URL('../../fixtures/mentions/expected.json', import.meta.url), 'utf8'),
) as Expected;

/** The blocks of one document, by the start of its id. */
export function blocksOf(idStart: string): Block[] {
  const doc = documents.find((d) => d.id.startsWith(idStart));
  if (!doc) throw new Error(`no document id starts with "${idStart}"`);
  return doc.blocks;
}

/** The sentence of the documents that contains `words`, as a block of its own. */
export function sentenceBlock(words: string): Block {
  for (const doc of documents) {
    for (const block of doc.blocks) {
      const at = block.text.indexOf(words);
      if (at < 0) continue;
      const span = sentenceSpans(block.text).find((s) => s.start <= at && at < s.end)!;
      return { id: block.id, kind: block.kind, text: block.text.slice(span.start, span.end) };
    }
  }
  throw new Error(`no document says "${words}"`);
}
