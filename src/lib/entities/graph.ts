import { parseBlocks, type Block } from './blocks.ts';
import { mentionInContext, sentenceSpans, type MentionInContext } from './context.ts';
import { buildMatcher, findMentions, type Mention } from './matcher.ts';
import type { EntityEntry } from './registry.ts';

/**
 * The link graph's input: which entities each document mentions and which documents mention
 * each entity, computed once for the whole collection from plain data (so it runs the same in a
 * build and in a unit test). Pages read from it; they never search text themselves.
 */

/** A document as this module reads it; a `CollectionEntry<'documents'>` fits. */
export interface DocumentText {
  id: string;
  /** The MDX body the ingest wrote. */
  body?: string;
  /** The source file, for error messages. */
  filePath?: string;
}

export interface EntityInDocument {
  entityId: string;
  /** How many times the document names it. */
  count: number;
  /** The blocks that name it, in document order, each once. */
  blockIds: string[];
  /** Its first mention, in its sentence. */
  first: MentionInContext;
}

export interface DocumentForEntity {
  documentId: string;
  count: number;
  blockIds: string[];
  first: MentionInContext;
}

export interface MentionIndex {
  /** Per document: the entities it names, most named first, and every mention in text order. */
  byDocument: Record<string, { entities: EntityInDocument[]; mentions: Mention[] }>;
  /** Per entity (every entity of the registry, even unmentioned): the documents naming it,
   * those naming it most first. */
  byEntity: Record<string, DocumentForEntity[]>;
}

function summarize(
  mentions: readonly Mention[],
  blocks: ReadonlyMap<string, Block>,
  spansOf: (block: Block) => { start: number; end: number }[],
) {
  const first = mentions[0]!;
  const block = blocks.get(first.blockId)!;
  return {
    count: mentions.length,
    blockIds: [...new Set(mentions.map((m) => m.blockId))],
    first: mentionInContext(block, first, spansOf(block)),
  };
}

export function buildMentionIndex(
  documents: readonly DocumentText[],
  entities: readonly EntityEntry[],
): MentionIndex {
  const matcher = buildMatcher(entities);
  const names = new Map(entities.map((e) => [e.id, e.data.name]));
  const byDocument: MentionIndex['byDocument'] = {};
  const byEntity: MentionIndex['byEntity'] = Object.fromEntries(entities.map((e) => [e.id, []]));

  for (const doc of [...documents].sort((a, b) => a.id.localeCompare(b.id))) {
    const blocks = parseBlocks(doc.body ?? '', doc.filePath ?? doc.id);
    const blockById = new Map(blocks.map((b) => [b.id, b]));
    const mentions = findMentions(matcher, blocks);
    const perEntity = Map.groupBy(mentions, (m) => m.entityId);
    // Many entities are first named in the same block: its sentences are found once.
    const spans = new Map<Block, { start: number; end: number }[]>();
    const spansOf = (block: Block) => {
      let found = spans.get(block);
      if (!found) spans.set(block, (found = sentenceSpans(block.text)));
      return found;
    };
    const inDocument: EntityInDocument[] = [...perEntity].map(([entityId, list]) => ({
      entityId,
      ...summarize(list, blockById, spansOf),
    }));
    inDocument.sort(
      (a, b) =>
        b.count - a.count ||
        (names.get(a.entityId) ?? '').localeCompare(names.get(b.entityId) ?? ''),
    );
    byDocument[doc.id] = { entities: inDocument, mentions };
    for (const { entityId, count, blockIds, first } of inDocument) {
      byEntity[entityId]!.push({ documentId: doc.id, count, blockIds, first });
    }
  }
  for (const list of Object.values(byEntity)) {
    list.sort((a, b) => b.count - a.count || a.documentId.localeCompare(b.documentId));
  }
  return { byDocument, byEntity };
}
