import timelineYaml from '../content/timeline/events.yaml?raw';
import briefingYaml from '../content/briefing/briefing.yaml?raw';
import published from '../urls/published.json';
import { followRenames, renamedDocuments, type PublishedRecord } from '../urls/redirects.ts';
import { entityKinds, type EntityKind } from '../content/entity-schema.ts';
import { getDocuments, type DocumentEntry } from './documents';
import { publishedYears } from './dates';
import { typeLabel } from './labels';
import { parseBlocks, type Block } from './entities/blocks.ts';
import { getEntityIndex, type EntityEntry } from './entities/collection.ts';
import type { MentionIndex } from './entities/graph.ts';
import { buildMatcher } from './entities/matcher.ts';
import { linkFirstMentions, type BodyBlock } from './document-body.ts';
import {
  blockLabels,
  companions,
  kindSlugCollisions,
  sentencesByEntity,
  namesOutsideText,
  type NamedOutsideText,
  type QuotedSentence,
} from './entity-pages.ts';
import { relatedDocuments } from './related.ts';
import { mergeTimeline, parseTimeline, timelineProblems, sortTimeline } from './timeline.ts';
import type { TimelineEntry } from './timeline.ts';
import { briefingProblems, parseBriefing, type BriefingSection } from './briefing.ts';
import type { BlockTexts } from './quotes.ts';

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
  /** The text, with each entity's first mention marked for a link. */
  body: BodyBlock[];
  /** The entities the text names, by kind (in the schema's order), most named first. */
  entities: { kind: EntityKind; items: EntityCount[] }[];
  related: RelatedLink[];
  /** "Paragraph 7" or "Heading", by block id. */
  blockLabels: Map<string, string>;
}

export interface EntityMentions {
  doc: DocumentEntry;
  count: number;
  sentences: QuotedSentence[];
}

export interface EntityLinks {
  entity: EntityEntry;
  /** Mentions across all documents. */
  count: number;
  /** The documents naming it, newest first, each with every sentence that names it. */
  documents: EntityMentions[];
  /** The entities most often named in the same paragraphs. */
  companions: { entity: EntityEntry; blocks: number }[];
  /** Where it is named outside the documents' texts, if anywhere. */
  outside: (NamedOutsideText & { doc: DocumentEntry })[];
  timeline: TimelineEntry[];
  parent?: EntityEntry;
  children: EntityEntry[];
}

export interface Crosslinks {
  entities: EntityEntry[];
  entity: Map<string, EntityEntry>;
  /** Documents, newest first. */
  documents: DocumentEntry[];
  document: Map<string, DocumentEntry>;
  mentions: MentionIndex;
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
}

/** How many companions an entity page lists. */
const COMPANIONS = 8;

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

async function compute(): Promise<Crosslinks> {
  const [{ entities, mentions }, documents] = await Promise.all([
    getEntityIndex(),
    getDocuments('newest'),
  ]);
  fail(kindSlugCollisions(entities.map((e) => e.id)));
  const entity = new Map(entities.map((e) => [e.id, e]));
  const document = new Map(documents.map((d) => [d.id, d]));
  const blocks = new Map<string, Block[]>(
    documents.map((d) => [d.id, parseBlocks(d.body ?? '', d.filePath ?? d.id)]),
  );
  const texts: BlockTexts = new Map(
    [...blocks].map(([id, list]) => [id, new Map(list.map((b) => [b.id, b.text]))]),
  );
  const labels = new Map([...blocks].map(([id, list]) => [id, blockLabels(list)]));

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
  fail(timelineProblems(timeline, texts, new Set(entity.keys()), TIMELINE_FILE));
  const briefing = parseBriefing(followRenames(briefingYaml, renamed), BRIEFING_FILE);
  fail(briefingProblems(briefing, texts, BRIEFING_FILE));

  const related = relatedDocuments(
    documents.map((d) => ({
      id: d.id,
      entities: Object.fromEntries(
        mentions.byDocument[d.id]!.entities.map((e) => [e.entityId, e.count]),
      ),
      topics: d.data.topics.map((t) => t.id),
      // Joined when read, once, and then let go: held for every document at once, the joined
      // texts were a second copy of the whole collection in memory (a gigabyte at 10,000).
      get text() {
        return blocks
          .get(d.id)!
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
      body: linkFirstMentions(blocks.get(doc.id)!, found.mentions),
      entities: entityKinds
        .map((kind) => ({ kind, items: items.filter((i) => i.entity.data.kind === kind) }))
        .filter((group) => group.items.length > 0),
      related: related[doc.id]!.map((r) => ({
        doc: document.get(r.id)!,
        shares: r.shares.map((id) => entity.get(id)!),
      })),
      blockLabels: labels.get(doc.id)!,
    });
  }

  const together = companions(mentions.byDocument);
  const outside = namesOutsideText(
    buildMatcher(entities),
    documents.map((d) => ({ id: d.id, omitted: d.data.source.omitted })),
  );
  const sentences = new Map(
    documents.map((d) => [
      d.id,
      sentencesByEntity(blocks.get(d.id)!, mentions.byDocument[d.id]!.mentions),
    ]),
  );
  const byEntity = new Map<string, EntityLinks>();
  for (const e of entities) {
    const inDocs = new Map(mentions.byEntity[e.id]!.map((d) => [d.documentId, d.count]));
    const docs = documents
      .filter((d) => inDocs.has(d.id))
      .map((doc) => ({
        doc,
        count: inDocs.get(doc.id)!,
        sentences: sentences.get(doc.id)!.get(e.id) ?? [],
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
  };
}

let crosslinks: Promise<Crosslinks> | undefined;

/** The cross-links, computed on the first call of a build and shared by every later one. */
export function getCrosslinks(): Promise<Crosslinks> {
  crosslinks ??= compute();
  return crosslinks;
}
