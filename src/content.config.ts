import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema } from './content/schema';

/** Documents: one MDX entry per source, written by `npm run ingest`, edited by editors. */
const documents = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/documents' }),
  schema: documentSchema,
});

export const collections = { documents };
