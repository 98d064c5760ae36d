import timelineYaml from '../content/timeline/events.yaml?raw';
import briefingYaml from '../content/briefing/briefing.yaml?raw';
import published from '../urls/published.json';
import { followRenames, renamedDocuments, type PublishedRecord } from '../urls/redirects.ts';
import { entityKinds, type EntityKind } from '../content/entity-schema.ts';
import { getDocuments, type DocumentEntry } from './documents';
import { publishedYears } from './dates';
import { typeLabel } from './labels';
import { parseBlocks, type Block } from './entities/blocks.ts';
import { formerIdProblems } from './former-ids.ts';
import { getEntityIndex, type EntityEntry } from './entities/collection.ts';
import type { MentionIndex } from './entities/graph.ts';
import { buildMatcher } from './entities/matcher.ts';
import { linkFirstMentions, type BodyBlock } from './document-body.ts';
import {
  blockLabels,
  companions,
  kindSlugCollisions,
  mentionPages,
  sentencesByEntity,
  namesOutsideText,
  type MentionPage,
  type NamedOutsideText,
} from './entity-pages.ts';
import { PER_PAGE } from './pagination.ts';
import { pageCacheKey } from './page-cache-key.ts';
import { relatedDocuments } from './related.ts';
import { mergeTimeline, parseTimeline, timelineProblems, sortTimeline } from './timeline.ts';
import type { TimelineEntry } from './timeline.ts';
import { briefingProblems, parseBriefing, type BriefingSection } from './briefing.ts';
import type { BlockTexts, ParagraphQuote } from './quotes.ts';

/**
 * Everything that links documents, entities, the timeline and the briefing, computed once per
 * build from the mention index (getEntityIndex) and the documents, and shared by every page
 * through one promise. The editorial data (timeline, briefing) is checked against the texts
 * here: a quotation that is not in its paragraph, or an entity id that would take a kind
 * index's URL, fails the build naming the file and what to fix.
 */

const TIMELINE_FILE = 'src/content/timeline/events.yaml';
const BRIEFING_FILE = 'src/content/briefing/briefing.yaml';

export interface EntityCount {
  entity: EntityEntry;
  /** How many times the document names it. */
  count: number;
}

export interface RelatedLink {
  doc: DocumentEntry;
  /** The entities and topics the two share, rarest first. */
  shares: EntityEntry[];
}

export interface DocumentLinks {
  /** The entities the text names, by kind (in the schema's order), most named first. */
  entities: { kind: EntityKind; items: EntityCount[] }[];
  related: RelatedLink[];
}

export interface EntityMentions {
  doc: DocumentEntry;
  count: number;
  /** How many sentences of the document name it; `mentionPage()` quotes them. */
  sentences: number;
}

export interface EntityLinks {
  entity: EntityEntry;
  /** Mentions across all documents. */
  count: number;
  /** The documents naming it, newest first. */
  documents: EntityMentions[];
  /** The entities most often named in the same paragraphs. */
  companions: { entity: EntityEntry; blocks: number }[];
  /** Where it is named outside the documents' texts, if anywhere. */
  outside: (NamedOutsideText & { doc: DocumentEntry })[];
  timeline: TimelineEntry[];
  parent?: EntityEntry;
  children: EntityEntry[];
}

type Outside = EntityLinks['outside'][number];

/** A page of where an entity is named, each sentence given by its place among those of its
 * document that name the entity, as the routes list them. */
export type MentionPageShape = MentionPage<EntityMentions, Outside, number>;

/** A page of where an entity is named, its sentences quoted, as the page shows it. */
export type QuotedMentionPage = MentionPage<EntityMentions, Outside>;

export interface Crosslinks {
  entities: EntityEntry[];
  entity: Map<string, EntityEntry>;
  /** Documents, newest first. */
  documents: DocumentEntry[];
  document: Map<string, DocumentEntry>;
  mentions: MentionIndex;
  /**
   * What a document's mentions depend on besides its own text: the entity registry, whose
   * names and aliases decide what is found. A page's cacheKey names this (and the documents,
   * by their digests) instead of the mentions it shows: there are hundreds a document, and
   * hashing them again for every page cost a tenth of a second at 1,000 documents.
   */
  registryKey: string;
  byDocument: Map<string, DocumentLinks>;
  byEntity: Map<string, EntityLinks>;
  /** Entities of each kind, by name. */
  byKind: Map<EntityKind, EntityEntry[]>;
  timeline: TimelineEntry[];
  briefing: BriefingSection[];
  /** A short name for a document in a citation: "NATO Review, 2006". */
  citeLabel: Map<string, string>;
  /** Mentions and documents by country id, for the map. */
  countries: { mentions: Record<string, number>; documents: Record<string, number> };
  // What follows is worked out from the index and the document's text when a page asks, for
  // that page only: held for every document and entity at once, the linked texts and the
  // quoted sentences took about half a gigabyte at 10,000 documents.
  /** A document's text, with each entity's first mention marked for a link. */
  body(documentId: string): BodyBlock[];
  /** "Paragraph 7" or "Heading", by block id, for a document's blocks. */
  blockLabels(documentId: string): Map<string, string>;
  /** Where an entity is named, in pages (always at least one), as `mentionPages` splits them. */
  mentionPages(entityId: string): MentionPageShape[];
  /** Page `number` (from 1) of those, with its sentences quoted. */
  mentionPage(entityId: string, number: number): QuotedMentionPage;
}

/** How many companions an entity page lists. */
const COMPANIONS = 8;

/** How many documents' parsed blocks are kept for the pages being rendered. Each entity's
 * mention pages walk its documents newest first, and the next entity walks them again: up to
 * 2,000 documents (some 50 MB of text) every document is parsed once; a larger collection
 * parses a document again when its turn comes round, which costs time, not memory. */
const PARSED_KEPT = 2000;

const byName = (a: EntityEntry, b: EntityEntry) =>
  a.data.name.localeCompare(b.data.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1);

function fail(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

function citeLabelOf(doc: DocumentEntry): string {
  const who = doc.data.publisher?.name ?? typeLabel(doc.data.type);
  const year = publishedYears(doc.data.published)[0];
  return year === undefined ? who : `${who}, ${year}`;
}

const blocksOfEntry = (d: DocumentEntry): Block[] => parseBlocks(d.body ?? '', d.filePath ?? d.id);

/** What the pages ask of one document or entity at a time, from the index and the texts (apart
 * from compute(), so that these functions keep only what they read, not all compute() made). */
function perPage(
  document: Map<string, DocumentEntry>,
  mentions: MentionIndex,
  byEntity: Map<string, EntityLinks>,
): Pick<Crosslinks, 'body' | 'blockLabels' | 'mentionPages' | 'mentionPage'> {
  // The blocks of the documents the pages being rendered show, parsed once for all they ask.
  const parsed = new Map<string, Block[]>();
  const blocksOf = (documentId: string): Block[] => {
    let list = parsed.get(documentId);
    if (!list) {
      list = blocksOfEntry(document.get(documentId)!);
      if (parsed.size === PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
      parsed.set(documentId, list);
    }
    return list;
  };
  const mentionsIn = (entityId: string, documentId: string) =>
    mentions.byDocument[documentId]!.mentions.filter((m) => m.entityId === entityId);
  const mentionPagesOf = (entityId: string): MentionPageShape[] => {
    const links = byEntity.get(entityId)!;
    return mentionPages(links.documents, links.outside, {
      documents: PER_PAGE.mentionDocuments,
      sentences: PER_PAGE.mentionSentences,
    });
  };
  // An entity's pages are rendered one after another: its pages are worked out once for them.
  let last: { entityId: string; pages: MentionPageShape[] } | undefined;

  return {
    body: (documentId) =>
      linkFirstMentions(blocksOf(documentId), mentions.byDocument[documentId]!.mentions),
    blockLabels: (documentId) => blockLabels(blocksOf(documentId)),
    mentionPages: mentionPagesOf,
    mentionPage(entityId, number) {
      if (last?.entityId !== entityId) last = { entityId, pages: mentionPagesOf(entityId) };
      const shape = last.pages[number - 1]!;
      if (shape.kind === 'outside') return shape;
      const items = shape.page.items.map((slice) => {
        const quoted =
          sentencesByEntity(
            blocksOf(slice.group.doc.id),
            mentionsIn(entityId, slice.group.doc.id),
          ).get(entityId) ?? [];
        return { ...slice, items: slice.items.map((i) => quoted[i]!) };
      });
      return { kind: 'sentences', page: { ...shape.page, items } };
    },
  };
}

async function compute(): Promise<Crosslinks> {
  const [{ entities, mentions }, documents] = await Promise.all([
    getEntityIndex(),
    getDocuments('newest'),
  ]);
  fail(kindSlugCollisions(entities.map((e) => e.id)));
  const entity = new Map(entities.map((e) => [e.id, e]));
  const document = new Map(documents.map((d) => [d.id, d]));
  const renamed = renamedDocuments(
    (published as PublishedRecord).documents,
    Object.fromEntries(documents.map((d) => [d.id, d.data.source.file])),
  );
  const timeline = sortTimeline(
    mergeTimeline(
      parseTimeline(followRenames(timelineYaml, renamed), TIMELINE_FILE),
      TIMELINE_FILE,
    ),
  );
  // The editorial data is checked against the texts of the documents it quotes.
  const textsOf = (sources: readonly ParagraphQuote[]): BlockTexts =>
    new Map(
      [...new Set(sources.map((source) => source.document))]
        .map((id) => document.get(id))
        .filter((d) => d !== undefined)
        .map((d) => [d.id, new Map(blocksOfEntry(d).map((b) => [b.id, b.text]))]),
    );
  fail(
    timelineProblems(
      timeline,
      textsOf(timeline.flatMap((t) => t.sources)),
      new Set(entity.keys()),
      TIMELINE_FILE,
    ),
  );
  const briefing = parseBriefing(followRenames(briefingYaml, renamed), BRIEFING_FILE);
  const claims = briefing.flatMap((section) => section.claims);
  fail(briefingProblems(briefing, textsOf(claims.flatMap((c) => c.sources)), BRIEFING_FILE));
  // Former ids (an old paragraph link answered at its new block) are checked against the text.
  fail(
    documents
      .filter((d) => d.data.formerIds?.length)
      .flatMap((d) =>
        formerIdProblems(d.data.formerIds, blocksOfEntry(d), d.filePath ?? `document ${d.id}`),
      ),
  );

  const related = relatedDocuments(
    documents.map((d) => ({
      id: d.id,
      entities: Object.fromEntries(
        mentions.byDocument[d.id]!.entities.map((e) => [e.entityId, e.count]),
      ),
      topics: d.data.topics.map((t) => t.id),
      // Parsed and joined when read, once, and then let go: held for every document at once,
      // the texts were more copies of the whole collection in memory (a gigabyte at 10,000).
      get text() {
        return blocksOfEntry(d)
          .map((b) => b.text)
          .join('\n');
      },
    })),
  );

  const byDocument = new Map<string, DocumentLinks>();
  for (const doc of documents) {
    const found = mentions.byDocument[doc.id]!;
    const items = found.entities.map((e) => ({ entity: entity.get(e.entityId)!, count: e.count }));
    byDocument.set(doc.id, {
      entities: entityKinds
        .map((kind) => ({ kind, items: items.filter((i) => i.entity.data.kind === kind) }))
        .filter((group) => group.items.length > 0),
      related: related[doc.id]!.map((r) => ({
        doc: document.get(r.id)!,
        shares: r.shares.map((id) => entity.get(id)!),
      })),
    });
  }

  const together = companions(mentions.byDocument);
  const outside = namesOutsideText(
    buildMatcher(entities),
    documents.map((d) => ({ id: d.id, omitted: d.data.source.omitted })),
  );
  // Only how many sentences name each entity is kept, for the pages' count; a page quotes its
  // own when it is rendered.
  const sentenceCounts = new Map(
    documents.map((d) => {
      const quoted = sentencesByEntity(blocksOfEntry(d), mentions.byDocument[d.id]!.mentions);
      return [d.id, new Map([...quoted].map(([id, list]) => [id, list.length]))];
    }),
  );
  const byEntity = new Map<string, EntityLinks>();
  for (const e of entities) {
    const inDocs = new Map(mentions.byEntity[e.id]!.map((d) => [d.documentId, d.count]));
    const docs = documents
      .filter((d) => inDocs.has(d.id))
      .map((doc) => ({
        doc,
        count: inDocs.get(doc.id)!,
        sentences: sentenceCounts.get(doc.id)!.get(e.id) ?? 0,
      }));
    byEntity.set(e.id, {
      entity: e,
      count: docs.reduce((sum, d) => sum + d.count, 0),
      documents: docs,
      companions: (together.get(e.id) ?? [])
        .slice(0, COMPANIONS)
        .map((c) => ({ entity: entity.get(c.entityId)!, blocks: c.blocks })),
      outside: (outside.get(e.id) ?? []).map((o) => ({ ...o, doc: document.get(o.documentId)! })),
      timeline: timeline.filter((t) => t.entities.includes(e.id)),
      parent: e.data.parent ? entity.get(e.data.parent) : undefined,
      children: entities.filter((c) => c.data.parent === e.id).sort(byName),
    });
  }

  const countries = entities.filter((e) => e.data.kind === 'country');
  return {
    entities,
    entity,
    documents,
    document,
    mentions,
    registryKey: pageCacheKey(entities),
    byDocument,
    byEntity,
    byKind: new Map(
      entityKinds.map((kind) => [kind, entities.filter((e) => e.data.kind === kind).sort(byName)]),
    ),
    timeline,
    briefing,
    citeLabel: new Map(documents.map((d) => [d.id, citeLabelOf(d)])),
    countries: {
      mentions: Object.fromEntries(countries.map((e) => [e.id, byEntity.get(e.id)!.count])),
      documents: Object.fromEntries(
        countries.map((e) => [e.id, byEntity.get(e.id)!.documents.length]),
      ),
    },
    ...perPage(document, mentions, byEntity),
  };
}

let crosslinks: Promise<Crosslinks> | undefined;

/** The cross-links, computed on the first call of a build and shared by every later one. */
export function getCrosslinks(): Promise<Crosslinks> {
  crosslinks ??= compute();
  return crosslinks;
}
