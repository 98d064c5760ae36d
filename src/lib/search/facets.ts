import type { DocumentData } from '../../content/schema.ts';
import type { EntityKind } from '../../content/entity-schema.ts';
import { displayDate, publishedSortKey, publishedYears } from '../dates.ts';
import { kindLabel } from '../entity-pages.ts';
import { typeLabel } from '../labels.ts';
import type { FacetKey } from './state.ts';

/**
 * What a page tells the search index about itself besides its text: the filters it can be found
 * by, the date shown in its result, and the key it sorts by. Computed from the entry's data,
 * rendered as `data-pagefind-*` markers by src/components/search/SearchMarkers.astro.
 */
export interface SearchMarkers {
  filters: Partial<Record<FacetKey, string[]>>;
  /** Shown with the result; searchable like all Pagefind metadata, so only words a reader
   * would accept as a match (the date). */
  meta: Record<string, string>;
  /** `date`: YYYY-MM-DD, for "newest first". */
  sort: Record<string, string>;
}

/** An entity as these functions read it; a `CollectionEntry<'entities'>` fits. */
export interface EntityLike {
  id: string;
  data: { kind: EntityKind; name: string };
}

/** The part of a document entry these functions read. */
export interface DocumentLike {
  id: string;
  data: Pick<DocumentData, 'type' | 'published' | 'publisher'> & {
    topics: readonly (string | { id: string })[];
    countries: readonly (string | { id: string })[];
  };
}

const idOf = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);

/**
 * A document's markers. Countries and topics are the entry's own references; organizations are
 * those the text names (`mentioned`: entity ids from the mention index, most named first).
 */
export function documentMarkers(
  doc: DocumentLike,
  entities: readonly EntityLike[],
  mentioned: readonly string[] = [],
): SearchMarkers {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const names = (ids: readonly string[], kind: EntityKind) =>
    ids
      .map((id) => byId.get(id))
      .filter((e): e is EntityLike => e?.data.kind === kind)
      .map((e) => e.data.name);
  const { data } = doc;
  const filters: SearchMarkers['filters'] = {
    kind: ['Document'],
    type: [typeLabel(data.type)],
    year: publishedYears(data.published).map(String),
    publisher: data.publisher ? [data.publisher.name] : [],
    country: names(data.countries.map(idOf), 'country'),
    organization: names(mentioned, 'organization'),
    topic: names(data.topics.map(idOf), 'topic'),
  };
  const sortKey = publishedSortKey(data.published);
  return {
    filters: Object.fromEntries(
      Object.entries(filters).map(([k, v]) => [k, [...new Set(v)]]),
    ) as SearchMarkers['filters'],
    meta: data.published ? { date: displayDate(data.published).text } : {},
    sort: sortKey ? { date: sortKey } : {},
  };
}

/** An entity page's markers: it is an entity, of its kind. */
export function entityMarkers(entity: EntityLike): SearchMarkers {
  return {
    filters: { kind: ['Entity'], type: [kindLabel(entity.data.kind)] },
    meta: {},
    sort: {},
  };
}
