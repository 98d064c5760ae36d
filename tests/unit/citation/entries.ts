import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentSchema, type DocumentData } from '../../../src/content/schema.ts';
import { parseEntry } from '../../../src/ingest/write.ts';
import { citationRecord, type CitationRecord } from '../../../src/lib/citation/record.ts';

// The five real entries, read as the build reads them, keyed by their source file's number
// ('000' ... '004'), each with the citation record the document page builds from it.

const dir = fileURLToPath(new URL('../../../src/content/documents/', import.meta.url));

export const SITE_NAME = 'Central Asia Security Briefing';
export const pageUrl = (id: string) => `https://briefing.example.org/documents/${id}/`;

export interface RealEntry {
  id: string;
  data: DocumentData;
  record: CitationRecord;
}

export const entries: Record<string, RealEntry> = Object.fromEntries(
  readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const id = name.replace(/\.mdx$/, '');
      const data = documentSchema.parse(parseEntry(readFileSync(dir + name, 'utf8')).data);
      const record = citationRecord(data, { id, url: pageUrl(id), siteName: SITE_NAME });
      return [data.source.file.slice(0, 3), { id, data, record }];
    }),
);

export function entry(number: string): RealEntry {
  const found = entries[number];
  if (!found) throw new Error(`no entry from sources/${number}_*.txt`);
  return found;
}
