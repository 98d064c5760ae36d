import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { documentSchema } from '../../../src/content/schema.ts';
import { clean, type CleanedDocument } from '../../../src/ingest/clean.ts';
import { decode } from '../../../src/ingest/decode.ts';
import {
  ingestSource as ingestWith,
  type ExistingEntry,
  type Outcome,
} from '../../../src/ingest/ingest.ts';
import { countryMatcher } from '../../../src/ingest/enrich.ts';
import { readRegistry } from '../../../src/lib/entities/files.ts';
import { structure, type StructuredDocument } from '../../../src/ingest/structure.ts';
import { parseEntry } from '../../../src/ingest/write.ts';

// Fixtures for the ingest tests, all made from the five real sources in sources/.

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const fixturesDir = join(root, 'tests/fixtures/ingest');

export const SOURCES = {
  eastWest: '000_e080c7277ca51127.txt',
  natoReview: '001_e192a8cb92983cd9.txt',
  diplomat: '002_830fe851af452db6.txt',
  sipri: '003_53fcffbbc4a5ccb5.txt',
  commentary: '004_b1400a6ba0dc8cbb.txt',
} as const;
export type SourceKey = keyof typeof SOURCES;
export const SOURCE_KEYS = Object.keys(SOURCES) as SourceKey[];

/** The entry each source was ingested into, as committed in src/content/documents. */
export const ENTRY_SLUGS: Record<SourceKey, string> = {
  eastWest: 'central-asian-security-two-recommendations-for-international-action',
  natoReview: 'renewing-central-asian-partnerships',
  diplomat: 'how-can-central-asia-move-toward-security-integration',
  sipri: 'foreign-military-assistance-to-central-asia-conclusions-and-recommendations',
  commentary: 'counter-terrorism-in-central-asia-requires-international-cooperation',
};

export function sourceBytes(key: SourceKey): Uint8Array {
  return new Uint8Array(readFileSync(join(root, 'sources', SOURCES[key])));
}

/** The source as text: every real source is UTF-8 without a byte order mark. */
export function sourceText(key: SourceKey): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(sourceBytes(key));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixturesDir, name)));
}

/** decode -> clean -> structure, as ingestSource runs them. */
export function pipeline(text: string): { cleaned: CleanedDocument; doc: StructuredDocument } {
  const cleaned = clean(decode(utf8(text)).text);
  return { cleaned, doc: structure(cleaned) };
}

export function sourcePipeline(key: SourceKey) {
  return pipeline(sourceText(key));
}

/** A committed entry, read the way the CLI reads it. */
export function committedEntry(key: SourceKey): ExistingEntry {
  const slug = ENTRY_SLUGS[key];
  const text = readFileSync(join(root, 'src/content/documents', `${slug}.mdx`), 'utf8');
  const { data, body } = parseEntry(text);
  return { slug, data: documentSchema.parse(data), text, body };
}

export function allCommittedEntries(): ExistingEntry[] {
  return SOURCE_KEYS.map(committedEntry);
}

/** Greedy word wrap at `width` columns, breaking only at plain spaces that are not next to a
 * no-break space (a wrapper keeps "in\u00a0 the" together). */
export function wrap(text: string, width = 72): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/(?<!\u00a0) (?!\u00a0)/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Encodes text as Windows-1252, the way a legacy editor saves it. Throws on a character the code
 * page lacks, so a fixture cannot silently lose text. */
export function toWindows1252(text: string): Uint8Array {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('windows-1252');
  for (let byte = 0x80; byte <= 0xff; byte++) {
    table.set(decoder.decode(new Uint8Array([byte])), byte);
  }
  return new Uint8Array(
    Array.from(text, (ch) => {
      if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
      const byte = table.get(ch);
      if (byte === undefined) throw new Error(`no Windows-1252 byte for ${ch}`);
      return byte;
    }),
  );
}

/** Encodes text as UTF-16 with its byte order mark. */
export function toUtf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    bytes.set(endian === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return bytes;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** The project's entity registry's countries, as the CLI gives them to the ingest. */
export const COUNTRIES = countryMatcher(readRegistry(root));

/** ingestSource as the CLI runs it: with the registry's countries. */
export function ingestSource(
  bytes: Uint8Array,
  fileName: string,
  existing: ExistingEntry[],
): Outcome {
  return ingestWith(bytes, fileName, existing, COUNTRIES);
}
