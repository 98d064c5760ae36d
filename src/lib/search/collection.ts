import { getDocuments } from '../documents';
import { getEntityIndex } from '../entities/collection.ts';
import { documentMarkers, entityMarkers, type SearchMarkers } from './facets.ts';

export interface SearchMarkerIndex {
  /** By document id. */
  documents: Map<string, SearchMarkers>;
  /** By entity id. */
  entities: Map<string, SearchMarkers>;
}

let index: Promise<SearchMarkerIndex> | undefined;

async function compute(): Promise<SearchMarkerIndex> {
  const [docs, { entities, mentions }] = await Promise.all([getDocuments(), getEntityIndex()]);
  return {
    documents: new Map(
      docs.map((doc) => [
        doc.id,
        documentMarkers(
          doc,
          entities,
          (mentions.byDocument[doc.id]?.entities ?? []).map((e) => e.entityId),
        ),
      ]),
    ),
    entities: new Map(entities.map((e) => [e.id, entityMarkers(e)])),
  };
}

/** Every page's search markers, computed once per build however many pages ask. */
export function getSearchMarkers(): Promise<SearchMarkerIndex> {
  index ??= compute();
  return index;
}
