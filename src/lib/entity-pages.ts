import { entityKinds, type EntityData, type EntityKind } from '../content/entity-schema.ts';
import type { Block } from './entities/blocks.ts';
import { sentenceSpans } from './entities/context.ts';
import { findMentions, type Matcher, type Mention } from './entities/matcher.ts';
import { fileKinds } from './entities/registry.ts';
import { paginate, paginateGroups, type GroupSlice, type Page } from './pagination.ts';

/**
 * What the entity pages show, as pure functions of the mention index and the texts: each
 * mention in its sentence, the entities named alongside, and where an entity the text never
 * names is named instead (a photo caption kept in "About this source").
 */

/** The URL segment of each kind's index: `/entities/organizations/`. The registry's file names. */
export const kindSlugs = Object.fromEntries(
  Object.entries(fileKinds).map(([slug, kind]) => [kind, slug]),
) as Record<EntityKind, string>;

const KIND_LABELS: Record<EntityKind, { one: string; many: string }> = {
  organization: { one: 'Organization', many: 'Organizations' },
  country: { one: 'Country', many: 'Countries' },
  person: { one: 'Person', many: 'People' },
  place: { one: 'Place', many: 'Places' },
  event: { one: 'Event', many: 'Events' },
  topic: { one: 'Topic', many: 'Topics' },
};

/** "Organization"; `count` other than 1 gives the plural. */
export function kindLabel(kind: EntityKind, count = 1): string {
  return count === 1 ? KIND_LABELS[kind].one : KIND_LABELS[kind].many;
}

/** An entity id that is also a kind index's slug would give two pages one URL. */
export function kindSlugCollisions(ids: Iterable<string>): string[] {
  const slugs = new Set(entityKinds.map((k) => kindSlugs[k]));
  return [...ids]
    .filter((id) => slugs.has(id))
    .map(
      (id) =>
        `src/content/entities/: entity "${id}" has the URL of the ${id} index (/entities/${id}/); give it another id`,
    );
}

/** The name to show in lists: "NATO", "Kazakhstan"; topics, being common nouns, in lower case
 * inside a sentence ("shares: SCO, counter-narcotics"). */
export function entityLabel(data: EntityData, inSentence = false): string {
  const label = data.shortName ?? data.name;
  return inSentence && data.kind === 'topic' ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** How a block is referred to in a link: "Paragraph 7", or "Heading" for a heading. */
export function blockLabels(blocks: readonly Block[]): Map<string, string> {
  let n = 0;
  return new Map(
    blocks.map((b) => [b.id, b.kind === 'paragraph' ? `Paragraph ${++n}` : 'Heading']),
  );
}

export interface MarkedRun {
  text: string;
  /** True for the words that name the entity. */
  mark: boolean;
}

export interface QuotedSentence {
  blockId: string;
  /** The sentence, split into the entity's names and the words around them. */
  runs: MarkedRun[];
  /** How many mentions the sentence holds. */
  count: number;
}

/** For every entity a document names, one entry per sentence naming it, in text order, with
 * every mention in it marked; a mention running across a sentence boundary takes both
 * sentences, so no name is cut. One pass over the document's mentions: each block's sentences
 * are found once, however many entities it names. */
export function sentencesByEntity(
  blocks: readonly Block[],
  mentions: readonly Mention[],
): Map<string, QuotedSentence[]> {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const spansOf = new Map<string, { start: number; end: number }[]>();
  const groups = new Map<
    string,
    Map<string, { block: Block; start: number; end: number; marks: Mention[] }>
  >();
  for (const m of mentions) {
    const block = byId.get(m.blockId);
    if (!block) continue;
    let spans = spansOf.get(block.id);
    if (!spans) spansOf.set(block.id, (spans = sentenceSpans(block.text)));
    const start = spans.find((s) => s.start <= m.start && m.start < s.end)?.start ?? 0;
    const end = spans.find((s) => s.start < m.end && m.end <= s.end)?.end ?? block.text.length;
    const key = `${block.id}:${start}`;
    let ofEntity = groups.get(m.entityId);
    if (!ofEntity) groups.set(m.entityId, (ofEntity = new Map()));
    const group = ofEntity.get(key) ?? { block, start, end, marks: [] };
    group.end = Math.max(group.end, end);
    group.marks.push(m);
    ofEntity.set(key, group);
  }
  const result = new Map<string, QuotedSentence[]>();
  for (const [entityId, ofEntity] of groups) {
    result.set(
      entityId,
      [...ofEntity.values()].map(({ block, start, end, marks }) => {
        const runs: MarkedRun[] = [];
        let at = start;
        for (const m of marks) {
          if (m.start > at) runs.push({ text: block.text.slice(at, m.start), mark: false });
          runs.push({ text: block.text.slice(m.start, m.end), mark: true });
          at = m.end;
        }
        if (end > at) runs.push({ text: block.text.slice(at, end), mark: false });
        return { blockId: block.id, runs, count: marks.length };
      }),
    );
  }
  return result;
}

export interface Companion {
  entityId: string;
  /** In how many paragraphs (and headings) both are named. */
  blocks: number;
}

/**
 * For every entity, the entities named in the same paragraphs, most often first (ties by id):
 * counted by blocks that name both, across all documents, so one long paragraph counts once.
 */
export function companions(
  mentionsByDocument: Readonly<Record<string, { mentions: readonly Mention[] }>>,
): Map<string, Companion[]> {
  const pairs = new Map<string, Map<string, number>>();
  for (const docId of Object.keys(mentionsByDocument).sort()) {
    const perBlock = Map.groupBy(mentionsByDocument[docId]!.mentions, (m) => m.blockId);
    for (const list of perBlock.values()) {
      const ids = [...new Set(list.map((m) => m.entityId))];
      for (const a of ids) {
        const row = pairs.get(a) ?? new Map<string, number>();
        for (const b of ids) if (b !== a) row.set(b, (row.get(b) ?? 0) + 1);
        pairs.set(a, row);
      }
    }
  }
  return new Map(
    [...pairs].map(([id, row]) => [
      id,
      [...row]
        .map(([entityId, blocks]) => ({ entityId, blocks }))
        .sort((x, y) => y.blocks - x.blocks || (x.entityId < y.entityId ? -1 : 1)),
    ]),
  );
}

export interface NamedOutsideText {
  documentId: string;
  /** The line as it stands in the source, and why the ingest left it out of the text. */
  text: string;
  reason: string;
}

/**
 * Where each entity is named in lines the ingest kept out of a document's text (breadcrumbs,
 * bylines, photo captions, shown in "About this source"), found by the same matcher.
 */
export function namesOutsideText(
  matcher: Matcher,
  documents: readonly {
    id: string;
    omitted: readonly { line: number; text: string; reason: string }[];
  }[],
): Map<string, NamedOutsideText[]> {
  const found = new Map<string, NamedOutsideText[]>();
  for (const doc of [...documents].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const lines = new Map(doc.omitted.map((o) => [`line-${o.line}`, o]));
    const blocks: Block[] = doc.omitted.map((o) => ({
      id: `line-${o.line}`,
      kind: 'paragraph',
      text: o.text,
    }));
    const seen = new Set<string>();
    for (const m of findMentions(matcher, blocks)) {
      const key = `${m.entityId}|${m.blockId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const line = lines.get(m.blockId)!;
      const list = found.get(m.entityId) ?? [];
      list.push({ documentId: doc.id, text: line.text, reason: line.reason });
      found.set(m.entityId, list);
    }
  }
  return found;
}

/** One page of where an entity is named: documents with their sentences (each a `QuotedSentence`,
 * or its place among the document's), or, for an entity no text names, the lines outside the
 * texts that do. */
export type MentionPage<D, O, S = QuotedSentence> =
  { kind: 'sentences'; page: Page<GroupSlice<D, S>> } | { kind: 'outside'; page: Page<O> };

/**
 * Where an entity is named, in pages of at most `size.documents` documents and `size.sentences`
 * quotations, so that an entity's pages stay the same size however many documents name it: the
 * documents naming it (newest first, as given) with every sentence, split as `paginateGroups`
 * splits, each sentence given by its place among the document's (from 0), so that the pages can
 * be laid out before any sentence is quoted; or, when no text names it, the lines outside the
 * texts, `size.documents` a page. Always at least one page, the entity's own.
 */
export function mentionPages<D extends { sentences: number }, O>(
  documents: readonly D[],
  outside: readonly O[],
  size: { documents: number; sentences: number },
): MentionPage<D, O, number>[] {
  if (documents.length === 0) {
    return paginate(outside, size.documents).map((page) => ({ kind: 'outside', page }));
  }
  return paginateGroups(documents, (d) => Array.from({ length: d.sentences }, (_, i) => i), {
    items: size.sentences,
    groups: size.documents,
  }).map((page) => ({ kind: 'sentences', page }));
}
