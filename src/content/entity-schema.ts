import { z } from 'astro/zod';
import { splitSentences } from '../lib/sentences.ts';

/**
 * What an entity is: an organization, country, person, place, event or topic the documents
 * name. Editors keep the registry in src/content/entities/, one YAML file per kind, each a map
 * from id (a readable slug: `nato`, `kazakhstan`) to the fields below. The same schema is used by
 * the content collection at build time and by the mention finder in plain Node.
 */

export const entityKinds = [
  'organization',
  'country',
  'person',
  'place',
  'event',
  'topic',
] as const;
export const entityKind = z.enum(entityKinds);
export type EntityKind = z.infer<typeof entityKind>;

/** The id rule: lowercase words joined by hyphens, as `slugify` in src/ingest/ids.ts makes them. */
export const entityIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const entityId = z
  .string()
  .regex(entityIdPattern, 'expected a slug of lowercase words joined by hyphens');

/** A name as it is written in documents. */
const name = z.string().trim().min(1);

export const entitySchema = z
  .object({
    /** What sort of thing it is; decides how its names are matched (topics ignore case). */
    kind: entityKind,
    /** The full, canonical name, shown as the entity's title: "North Atlantic Treaty Organization". */
    name,
    /** The name readers know it by, when shorter: "NATO". Matched like a name. */
    shortName: name.optional(),
    /** Other names and spellings matched in the text: "Shanghai Cooperation Organisation", "U.S.". */
    aliases: z.array(name).default([]),
    /**
     * Names that count only in a document that also names this entity, or its parent, by one of
     * the names above: "Alliance" is NATO only in a document that says "NATO".
     */
    contextAliases: z.array(name).default([]),
    /** Adjectives that count as mentions: "Kazakh", "Kazakhstani" for Kazakhstan. */
    demonyms: z.array(name).default([]),
    /** One or two neutral sentences saying only what the documents say about it. */
    description: z
      .string()
      .trim()
      .min(1)
      .refine((text) => splitSentences(text).length <= 2, {
        message: 'write one or two sentences',
      }),
    /** The id of the entity this one belongs to: the Partnership for Peace belongs to NATO. */
    parent: entityId.optional(),
    /** The Wikidata item, only where it is certain to be this entity: "Q7184". */
    wikidata: z
      .string()
      .regex(/^Q[1-9]\d*$/, 'expected a Wikidata item id such as Q7184')
      .optional(),
  })
  .strict();

export type EntityData = z.infer<typeof entitySchema>;
