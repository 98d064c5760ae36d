import { createHash } from 'node:crypto';
import { parse, stringify } from 'yaml';

/**
 * Generated corpora made from the real entries: each variant keeps a real document's metadata and
 * entities, gets its own title and slug, and has its paragraphs in a different order. Pure: the
 * callers read and write the files.
 */

/** One body block as the ingest writes it: `<p id="p-2ed753">{"text"}</p>` or an `<h2>`. */
export interface Block {
  kind: 'p' | 'h2';
  id: string;
  text: string;
}

export interface ParsedEntry {
  slug: string;
  data: Record<string, unknown>;
  /** Lines of the body before the first block (the ingest's "written by" comment). */
  preamble: string[];
  blocks: Block[];
  /** The entry's text as read; empty for a generated variant. */
  text: string;
}

export interface GeneratedEntry {
  slug: string;
  text: string;
}

const BLOCK = /^<(p|h2) id="([^"]+)">\{("(?:[^"\\]|\\.)*")\}<\/\1>$/;

/** Reads an entry as `src/ingest/write.ts` writes it. Throws naming the entry on anything else,
 * so a change to the entry format stops the benchmark instead of skewing it. */
export function parseEntryText(slug: string, text: string): ParsedEntry {
  const match = text.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
  if (!match) throw new Error(`${slug}.mdx: no frontmatter; the corpus generator expects one`);
  const data = parse(match[1]!, { version: '1.1' }) as Record<string, unknown>;
  const preamble: string[] = [];
  const blocks: Block[] = [];
  for (const line of match[2]!.split('\n')) {
    if (line.trim() === '') continue;
    const block = line.match(BLOCK);
    if (block) {
      blocks.push({
        kind: block[1] as Block['kind'],
        id: block[2]!,
        text: JSON.parse(block[3]!) as string,
      });
    } else if (blocks.length === 0) {
      preamble.push(line);
    } else {
      throw new Error(`${slug}.mdx: unexpected body line "${line.slice(0, 60)}"`);
    }
  }
  if (!blocks.some((b) => b.kind === 'p')) throw new Error(`${slug}.mdx: no paragraphs`);
  return { slug, data, preamble, blocks, text };
}

/** mulberry32: a small seeded PRNG, so that a corpus is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Paragraphs move among the paragraph positions; headings stay where they are, so the sections
 * keep their shape. A paragraph keeps its id, which the ingest derives from its text, so ids stay
 * unique in the entry. */
export function shuffleParagraphs(blocks: readonly Block[], random: () => number): Block[] {
  const paragraphs = shuffle(
    blocks.filter((b) => b.kind === 'p'),
    random,
  );
  let next = 0;
  return blocks.map((b) => (b.kind === 'p' ? paragraphs[next++]! : b));
}

/** Variant `k` of a real entry: "<title> (variant k)", slug "<slug>-variant-k", paragraphs
 * shuffled with seed k, and a text hash that matches its text (the raw source is unchanged). */
export function makeVariant(entry: ParsedEntry, k: number): ParsedEntry {
  const blocks = shuffleParagraphs(entry.blocks, prng(k));
  const source = entry.data.source as Record<string, unknown>;
  return {
    slug: `${entry.slug}-variant-${k}`,
    preamble: entry.preamble,
    blocks,
    text: '',
    data: {
      ...entry.data,
      title: `${String(entry.data.title)} (variant ${k})`,
      source: { ...source, textSha256: sha256(blocks.map((b) => b.text).join('\n')) },
    },
  };
}

export function renderEntryText(entry: ParsedEntry): string {
  const frontmatter = stringify(entry.data, { version: '1.1', lineWidth: 0 });
  const body = [
    ...entry.preamble,
    ...entry.blocks.map((b) => `<${b.kind} id="${b.id}">{${JSON.stringify(b.text)}}</${b.kind}>`),
  ];
  return `---\n${frontmatter}---\n\n${body.join('\n\n')}\n`;
}

/** A corpus of `size` entries: the real ones unchanged (so the same pages exist at every size),
 * then variants taking the real entries in turn. */
export function generateCorpus(real: readonly ParsedEntry[], size: number): GeneratedEntry[] {
  const out: GeneratedEntry[] = [];
  for (const entry of real.slice(0, size)) out.push({ slug: entry.slug, text: entry.text });
  for (let k = 1; out.length < size; k++) {
    const variant = makeVariant(real[(k - 1) % real.length]!, k);
    out.push({ slug: variant.slug, text: renderEntryText(variant) });
  }
  return out;
}

/** One document edited as an editor would: a sentence added to its first paragraph. */
export function editOneEntry(text: string): string {
  const edited = text.replace(
    /(<p id="[^"]+">\{"(?:[^"\\]|\\.)*)("\}<\/p>)/,
    '$1 (Edited for the incremental-rebuild benchmark.)$2',
  );
  if (edited === text) throw new Error('editOneEntry: no paragraph to edit');
  return edited;
}

/**
 * Raw-text variants of a source for the ingest benchmark: paragraph-sized lines shuffled among
 * their positions (short lines such as headlines, datelines and breadcrumbs stay put, so the
 * ingest still finds them), and the variant number added to the headline so every title differs.
 * `title` is the headline the ingest found in the original; without one the first line changes.
 */
export function rawVariant(raw: string, title: string | undefined, k: number): string {
  const lines = raw.split('\n');
  const isTitle = (line: string) => title !== undefined && line.trim() === title;
  const long = lines.flatMap((line, i) => (line.length >= 200 && !isTitle(line) ? [i] : []));
  const moved = shuffle(
    long.map((i) => lines[i]!),
    prng(k),
  );
  long.forEach((i, n) => (lines[i] = moved[n]!));
  const titled = lines.some(isTitle);
  const first = lines.findIndex((line) => line.trim() !== '');
  return lines
    .map((line, i) =>
      (titled ? isTitle(line) : i === first) ? `${line.trimEnd()} (variant ${k})` : line,
    )
    .join('\n');
}
