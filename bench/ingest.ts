import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countryMatcher } from '../src/ingest/enrich.ts';
import { ingestSource } from '../src/ingest/ingest.ts';
import { readRegistry } from '../src/lib/entities/files.ts';
import { parseEntryText, rawVariant } from './corpus.ts';

/** Ingest throughput: the pure pipeline (decode, clean, structure, enrich, render) on raw-text
 * variants of the real sources, as `npm run ingest` calls it, without the file writes. */

export interface IngestResult {
  inputs: number;
  ingested: number;
  refused: number;
  seconds: number;
  documentsPerSecond: number;
  /** The first refusal, if any: variants the ingest refuses are not a fair sample. */
  firstRefusal?: string;
}

export function runIngestBenchmark(project: string, count: number): IngestResult {
  const sourcesDir = join(project, 'sources');
  const documentsDir = join(project, 'src', 'content', 'documents');
  const countries = countryMatcher(readRegistry(project));
  // Each source's headline as the ingest found it, so the variant changes that line.
  const titles = new Map<string, string>();
  for (const name of readdirSync(documentsDir).filter((n) => n.endsWith('.mdx'))) {
    const entry = parseEntryText(name, readFileSync(join(documentsDir, name), 'utf8'));
    const data = entry.data as { title: string; titleOrigin: string; source: { file: string } };
    if (data.titleOrigin === 'source') titles.set(data.source.file, data.title);
  }
  const sources = readdirSync(sourcesDir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(sourcesDir, name), 'utf8') }));
  // Inputs are made before the clock starts: only the ingest is timed.
  const encoder = new TextEncoder();
  const inputs = Array.from({ length: count }, (_, i) => {
    const source = sources[i % sources.length]!;
    return {
      name: `variant-${i + 1}-${source.name}`,
      bytes: encoder.encode(rawVariant(source.text, titles.get(source.name), i + 1)),
    };
  });

  let ingested = 0;
  let firstRefusal: string | undefined;
  const start = performance.now();
  for (const input of inputs) {
    try {
      ingestSource(input.bytes, input.name, [], countries);
      ingested++;
    } catch (error) {
      firstRefusal ??= `${input.name}: ${(error as Error).message}`;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    inputs: count,
    ingested,
    refused: count - ingested,
    seconds,
    documentsPerSecond: count / seconds,
    ...(firstRefusal ? { firstRefusal } : {}),
  };
}
