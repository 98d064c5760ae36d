import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { documentSchema } from './content/schema';
import { entitySchema } from './content/entity-schema.ts';
import { entitiesLoader } from './lib/entities/loader.ts';
import { documentsLoader } from './lib/documents-loader/loader.ts';

/** Documents: one MDX entry per source, written by `npm run ingest`, edited by editors, read as
 * data (src/lib/documents-loader/: the pages lay out the body themselves). Their
 * topics and countries are references to entities. Astro 7 only logs a reference to a missing
 * entity, so getEntityIndex() (src/lib/entities/collection.ts) fails the build on one. */
const documents = defineCollection({
  loader: documentsLoader({ base: './src/content/documents' }),
  schema: documentSchema.extend({
    topics: z.array(reference('entities')),
    countries: z.array(reference('entities')),
  }),
});

/** Entities: the organizations, countries, people, places, events and topics the documents name,
 * kept by editors in src/content/entities/, one YAML file per kind. */
const entities = defineCollection({
  loader: entitiesLoader({ base: './src/content/entities' }),
  schema: entitySchema,
});

export const collections = { documents, entities };
