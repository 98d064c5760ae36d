import type { DocumentData } from '../content/schema.ts';
import { parseBlocks } from '../lib/entities/blocks.ts';
import { clean } from './clean.ts';
import { decode } from './decode.ts';
import { enrich } from './enrich.ts';
import { carryFormerIds } from './former-ids.ts';
import type { Matcher } from '../lib/entities/matcher.ts';
import { sha256, slugify, unique } from './ids.ts';
import { refuse } from './refusal.ts';
import { structure, type StructuredDocument } from './structure.ts';
import {
  anchor,
  bodyIds,
  keepEditorial,
  orderFields,
  renderBody,
  renderEntry,
  validate,
} from './write.ts';

/** An entry already in the collection, as the ingest needs to see it. */
export interface ExistingEntry {
  slug: string;
  data: DocumentData;
  /** The whole .mdx file as it stands. */
  text: string;
  body: string;
}

export type Outcome =
  | { status: 'unchanged'; slug: string }
  | { status: 'ingested'; slug: string; entry: string }
  | {
      status: 'updated';
      slug: string;
      entry: string;
      /** Ids of the previous text that this one no longer has. */
      removedIds: string[];
      /** Of those (and of earlier former ids), where a link to each now lands, or that it has
       * nowhere to land (carryFormerIds). */
      moved: { id: string; now: string }[];
      lost: string[];
    };

/** A title for a source without a headline, marked as inferred: its first section heading, or
 * else the opening words of its first sentence. An editor is expected to replace it. */
function fallbackTitle(doc: StructuredDocument): { title: string; note: string } {
  const heading = doc.blocks.find((b) => b.kind === 'heading');
  if (heading) {
    return {
      title: heading.text,
      note: 'The source has no headline; this is its first section heading, until an editor sets a title.',
    };
  }
  const words = doc.blocks[0]!.text.split(/\s+/);
  return {
    title: words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' '),
    note: 'The source has no headline; these are its opening words, until an editor sets a title.',
  };
}

/** Turns a raw source into the text of its entry. Pure: the caller reads and writes files.
 * Refuses (throws Refusal) input that is not a document, or that duplicates another entry.
 * `countries` (from countryMatcher) finds the countries the text names; without it none are. */
export function ingestSource(
  bytes: Uint8Array,
  fileName: string,
  existing: ExistingEntry[],
  countries?: Matcher,
): Outcome {
  const decoded = decode(bytes);
  const cleaned = clean(decoded.text);
  const doc = structure(cleaned);
  if (!doc.blocks.some((b) => b.kind === 'paragraph')) {
    refuse(
      doc.title ? 'no text: the file holds only a headline' : 'no text: nothing but page furniture',
    );
  }
  const textSha256 = sha256(doc.blocks.map((b) => b.text).join('\n'));
  const duplicate = existing.find(
    (e) => e.data.source.textSha256 === textSha256 && e.data.source.file !== fileName,
  );
  if (duplicate) {
    refuse(
      `duplicate: same text as entry "${duplicate.slug}" (sources/${duplicate.data.source.file}, text sha256 ${textSha256.slice(0, 12)})`,
    );
  }
  const previous = existing.find((e) => e.data.source.file === fileName);

  const found = enrich(cleaned, doc, countries);
  const fallback = doc.title ? undefined : fallbackTitle(doc);
  const blocks = anchor(doc.blocks);
  const fresh: DocumentData = orderFields({
    title: doc.title?.text ?? fallback!.title,
    titleOrigin: doc.title ? 'source' : 'inferred',
    ...(fallback ? { titleNote: fallback.note } : {}),
    ...(doc.standfirst ? { standfirst: doc.standfirst.text } : {}),
    type: found.type.value,
    typeOrigin: found.type.origin,
    typeEvidence: found.type.evidence,
    ...(found.publisher ? { publisher: found.publisher } : {}),
    authors: found.authors,
    ...(found.published ? { published: found.published } : {}),
    summary: { text: found.summary.text, by: 'machine' },
    keyPoints: { items: found.summary.keyPoints, by: 'machine' },
    topics: [],
    countries: found.countries,
    language: found.language,
    source: {
      file: fileName,
      sha256: sha256(bytes),
      textSha256,
      bytes: bytes.length,
      encoding: decoded.encoding,
      removedCharacters: decoded.removed,
      omitted: cleaned.omitted.map(({ line, text, reason }) => ({ line, text, reason })),
      repairs: cleaned.repairs,
    },
  });
  const carried = previous
    ? carryFormerIds(
        previous.data.formerIds ?? [],
        parseBlocks(previous.body, `entry of ${fileName}`),
        blocks,
      )
    : undefined;
  const merged = keepEditorial(fresh, previous?.data);
  if (carried && carried.formerIds.length > 0) merged.formerIds = carried.formerIds;
  const data = validate(merged, fileName);
  const entry = renderEntry(data, renderBody(blocks, fileName));

  if (previous) {
    if (previous.text === entry) return { status: 'unchanged', slug: previous.slug };
    const now = new Set(blocks.map((b) => b.id));
    const removedIds = bodyIds(previous.body).filter((id) => !now.has(id));
    return { status: 'updated', slug: previous.slug, entry, removedIds, ...carried! };
  }
  const taken = new Set(existing.map((e) => e.slug));
  return { status: 'ingested', slug: unique(slugify(data.title) || 'document', taken), entry };
}
