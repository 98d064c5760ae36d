import { slugify } from '../../ingest/ids.ts';
import type { EntityKind } from '../../content/entity-schema.ts';
import type { EntityEntry } from './registry.ts';

/**
 * The entities a document's frontmatter points to (its `topics` and `countries`) and a check that
 * each exists. Astro's `reference()` only logs a missing entry and lets the build finish, so the
 * build runs this check itself and fails on the first broken reference.
 */

/** The fields of a document's frontmatter that name entities. */
export const referenceFields = ['topics', 'countries'] as const;
export type ReferenceField = (typeof referenceFields)[number];

export interface DocumentReferences {
  id: string;
  filePath?: string;
  data: Partial<Record<ReferenceField, readonly unknown[]>>;
}

export interface EntityReference {
  documentId: string;
  field: ReferenceField;
  index: number;
  /** The value as written: a topic slug, a country name, or a `reference()` result. */
  value: unknown;
  /** The entity id it stands for: the slug of a name ("United States" is `united-states`), or the
   * id of a `reference()` result. */
  entityId: string;
}

function idOf(value: unknown): string {
  if (typeof value === 'string') return slugify(value);
  if (value && typeof value === 'object' && 'id' in value) return String(value.id);
  return '';
}

export function documentReferences(doc: DocumentReferences): EntityReference[] {
  return referenceFields.flatMap((field) =>
    (doc.data[field] ?? []).map((value, index) => ({
      documentId: doc.id,
      field,
      index,
      value,
      entityId: idOf(value),
    })),
  );
}

/** The kind of entity each field must point to. */
const fieldKinds: Record<ReferenceField, EntityKind> = { topics: 'topic', countries: 'country' };

/** One message per reference to an entity the registry does not hold, or holds as another kind
 * (a topic slug that is a country), naming file and field. */
export function brokenReferences(
  documents: readonly DocumentReferences[],
  entities: readonly EntityEntry[],
): string[] {
  const kinds = new Map(entities.map((e) => [e.id, e.data.kind]));
  return documents.flatMap((doc) =>
    documentReferences(doc).flatMap((ref) => {
      const where = `${doc.filePath ?? doc.id}: field "${ref.field}[${ref.index}]"`;
      const kind = kinds.get(ref.entityId);
      if (kind === undefined) {
        return [
          `${where}: no entity "${ref.entityId}" in src/content/entities/; add it there or correct the ${ref.field === 'topics' ? 'slug' : 'name'}`,
        ];
      }
      if (kind !== fieldKinds[ref.field]) {
        return [
          `${where}: "${ref.entityId}" is a${kind === 'organization' || kind === 'event' ? 'n' : ''} ${kind}, not a ${fieldKinds[ref.field]}`,
        ];
      }
      return [];
    }),
  );
}
