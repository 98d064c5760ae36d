import { parse } from 'yaml';
import {
  entityIdPattern,
  entitySchema,
  type EntityData,
  type EntityKind,
} from '../../content/entity-schema.ts';

/**
 * The entity registry as plain data: one YAML file per kind under src/content/entities/, each a
 * map from id to entity. These functions are pure; reading the files happens in the loader (at
 * build time) and in files.ts (for scripts and tests).
 */

/** An entity as the functions in this folder read it; a `CollectionEntry<'entities'>` fits. */
export interface EntityEntry {
  id: string;
  data: EntityData;
}

export interface RegistryEntry extends EntityEntry {
  /** The file the entity is defined in, for error messages. */
  file: string;
}

/** The kind every entity in a file must have, by file name: `organizations.yaml` holds organizations. */
export const fileKinds: Record<string, EntityKind> = {
  organizations: 'organization',
  countries: 'country',
  people: 'person',
  places: 'place',
  events: 'event',
  topics: 'topic',
};

/** The raw entries of one registry file, before schema validation: id, unvalidated data. */
export function parseRegistryFile(text: string, file: string): { id: string; raw: unknown }[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(
      `${file}: expected a map from entity id to entity, as in "nato: { kind: …, name: … }"`,
    );
  }
  return Object.entries(data).map(([id, raw]) => {
    if (!entityIdPattern.test(id)) {
      throw new Error(
        `${file}: entity id "${id}" is not a slug; use lowercase words joined by hyphens, such as "shanghai-cooperation-organization"`,
      );
    }
    return { id, raw };
  });
}

/** Validates one raw entry with the entity schema, naming the file, the id and the field. */
export function validateEntity(id: string, raw: unknown, file: string): EntityData {
  const result = entitySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(
      `${file}: entity "${id}", field "${issue.path.join('.') || '(root)'}": ${issue.message}`,
    );
  }
  return result.data;
}

/** The base name of a file without folder or extension: `organizations`. */
function baseName(file: string): string {
  return (
    file
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.ya?ml$/, '') ?? file
  );
}

/**
 * What is wrong with the registry as a whole, one message per problem: an id defined twice, an
 * entity in the file of another kind, a parent that does not exist or loops, a name given to two
 * entities (a name must lead to one entity, or mentions would be guesses).
 */
export function registryProblems(entries: readonly RegistryEntry[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, RegistryEntry>();
  for (const entry of entries) {
    const earlier = byId.get(entry.id);
    if (earlier) {
      problems.push(
        `${entry.file}: entity "${entry.id}" is already defined in ${earlier.file}; ids must be unique across the registry`,
      );
    } else byId.set(entry.id, entry);
    const kind = fileKinds[baseName(entry.file)];
    if (kind && entry.data.kind !== kind) {
      problems.push(
        `${entry.file}: entity "${entry.id}" has kind "${entry.data.kind}"; move it to the file for that kind or set kind: ${kind}`,
      );
    }
  }
  for (const entry of entries) {
    const seen = new Set([entry.id]);
    for (let parent = entry.data.parent; parent !== undefined;) {
      const found = byId.get(parent);
      if (!found) {
        problems.push(
          `${entry.file}: entity "${entry.id}", field "parent": no entity has the id "${parent}"; add it or correct the id`,
        );
        break;
      }
      if (seen.has(parent)) {
        problems.push(
          `${entry.file}: entity "${entry.id}", field "parent": the parents form a loop`,
        );
        break;
      }
      seen.add(parent);
      parent = found.data.parent;
    }
  }
  const owners = new Map<string, string>();
  for (const entry of entries) {
    for (const form of entityForms(entry.data)) {
      const key = entry.data.kind === 'topic' ? form.toLowerCase() : form;
      const owner = owners.get(key);
      if (owner && owner !== entry.id) {
        problems.push(
          `${entry.file}: entity "${entry.id}" gives the name "${form}", which entity "${owner}" already has; keep it on one of them`,
        );
      } else owners.set(key, entry.id);
    }
  }
  return problems;
}

/** Every name an entity can be found by in a text. */
export function entityForms(data: EntityData): string[] {
  return [
    data.name,
    ...(data.shortName ? [data.shortName] : []),
    ...data.aliases,
    ...data.contextAliases,
    ...data.demonyms,
  ];
}
