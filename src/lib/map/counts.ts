import type { MentionIndex } from '../entities/graph.ts';
import type { EntityEntry } from '../entities/registry.ts';

/** How often the documents name each country: what the map shades by and what it says. */
export interface CountryCounts {
  /** Mentions in all documents, by country entity id. */
  mentions: Record<string, number>;
  /** Documents that name the country at least once, by country entity id. */
  documents: Record<string, number>;
}

/** The counts of every country in the registry (0 for one never named), from the mention index. */
export function countryCounts(
  index: Pick<MentionIndex, 'byEntity'>,
  entities: readonly EntityEntry[],
): CountryCounts {
  const mentions: Record<string, number> = {};
  const documents: Record<string, number> = {};
  for (const entity of entities) {
    if (entity.data.kind !== 'country') continue;
    const list = index.byEntity[entity.id] ?? [];
    mentions[entity.id] = list.reduce((sum, d) => sum + d.count, 0);
    documents[entity.id] = list.length;
  }
  return { mentions, documents };
}
