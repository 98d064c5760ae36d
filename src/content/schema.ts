import { z } from 'astro/zod';
import { entityId } from './entity-schema.ts';

/**
 * What a document entry is. One schema, shared by the content collection (which validates every
 * entry at build time) and by the ingest tool (which validates what it writes before writing).
 */

/** Where a metadata value came from: stated in the source, inferred by the ingest, or set by an editor. */
export const origin = z.enum(['source', 'inferred', 'editorial']);
export type Origin = z.infer<typeof origin>;

/** Who wrote a summary or key points: an editor, or the ingest tool (extractive, unreviewed). */
export const authorship = z.enum(['editorial', 'machine']);

export const documentTypes = [
  'policy-report',
  'policy-brief',
  'journal-article',
  'news-analysis',
  'commentary',
  'article',
] as const;
export const documentType = z.enum(documentTypes);
export type DocumentType = z.infer<typeof documentType>;

export const datePrecisions = ['day', 'month', 'season', 'year', 'range'] as const;

/** A quotation from the source (or a note on it) that justifies a derived field. */
const evidence = z.string().min(1);

export const publishedDate = z
  .object({
    /** ISO 8601 date at the stated precision: 2010-04-26, 2006-09 (season start), 2014. */
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'),
    /** Last possible day, for a date known only to lie in a range. */
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    /** How exactly the date is known. */
    precision: z.enum(datePrecisions),
    /** The season, when precision is "season". */
    season: z.enum(['spring', 'summer', 'autumn', 'winter']).optional(),
    origin,
    /** The words the date was read or inferred from. */
    evidence,
  })
  .refine((d) => d.precision !== 'season' || d.season !== undefined, {
    message: 'a season date needs "season"',
    path: ['season'],
  })
  .refine((d) => d.precision !== 'range' || d.until !== undefined, {
    message: 'a range date needs "until"',
    path: ['until'],
  });
export type PublishedDate = z.infer<typeof publishedDate>;

export const author = z
  .object({
    /** The person's or group's name, when the text gives it. */
    name: z.string().min(1).optional(),
    /** The author's role or position as the text states it. */
    role: z.string().min(1).optional(),
    /** The institution the text links the author to. */
    affiliation: z.string().min(1).optional(),
    origin,
    evidence,
  })
  .refine((a) => a.name || a.role, { message: 'an author needs a name or a role' });
export type Author = z.infer<typeof author>;

export const omittedLine = z.object({
  /** 1-based line number in the decoded source. */
  line: z.number().int().positive(),
  /** The line exactly as it stood. */
  text: z.string(),
  /** Why it is not part of the document's text (breadcrumb, view counter, photo credit, ...). */
  reason: z.string().min(1),
});
export type OmittedLine = z.infer<typeof omittedLine>;

export const repair = z.object({
  line: z.number().int().positive(),
  /** The characters as they stood in the source. */
  from: z.string(),
  /** What the text now shows. */
  to: z.string(),
  reason: z.string().min(1),
});
export type Repair = z.infer<typeof repair>;

export const formerId = z.object({
  /** The id an earlier version published. */
  id: z.string().min(1),
  /** The id of the heading or paragraph that holds that passage now. */
  now: z.string().min(1),
  by: authorship,
});
export type FormerId = z.infer<typeof formerId>;

export const documentSchema = z.object({
  /** The headline; an editorial title when the source has none (see titleOrigin). */
  title: z.string().min(1),
  /** "source" when the headline is the source's own, otherwise who made it up and why. */
  titleOrigin: origin,
  /** Why the title is not the source's own headline; required unless titleOrigin is "source". */
  titleNote: z.string().optional(),
  /** A one-sentence deck the source prints under its headline. */
  standfirst: z.string().optional(),
  /** What kind of document this is. */
  type: documentType,
  typeOrigin: origin,
  typeEvidence: evidence,
  /** The outlet or institution that published the document, when the text names it. */
  publisher: z.object({ name: z.string().min(1), origin, evidence }).optional(),
  /** The authors the text names or describes; empty means authorship is unknown. */
  authors: z.array(author),
  /** When the document was published; absent means the text gives no clue. */
  published: publishedDate.optional(),
  /** Two to four sentences saying what the document argues. */
  summary: z.object({ text: z.string().min(1), by: authorship }),
  /** Three to five points a reader should take away. */
  keyPoints: z.object({ items: z.array(z.string().min(1)).min(1).max(7), by: authorship }),
  /** Ids of the topic entities the document argues about, set by an editor. */
  topics: z.array(entityId),
  /** Ids of the country entities the text names, most mentioned first (found by the ingest). */
  countries: z.array(entityId),
  /** BCP 47 language tag of the text. */
  language: z.string().min(2),
  source: z.object({
    /** File name under sources/. */
    file: z.string().min(1),
    /** sha256 of the raw bytes, as received. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** sha256 of the decoded, normalized text; detects the same document under another name. */
    textSha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().positive(),
    /** The encoding the raw bytes were read as. */
    encoding: z.string(),
    /** Invisible or control characters removed while decoding, with counts. */
    removedCharacters: z.array(
      z.object({ codePoint: z.string(), name: z.string(), count: z.number().int() }),
    ),
    /** Lines of the web page around the document, kept here instead of in the text. */
    omitted: z.array(omittedLine),
    /** Characters corrected in the text, each disclosed. */
    repairs: z.array(repair),
  }),
  /** Paragraph and heading ids an earlier version of this entry published and its text no
   * longer has, each with the block (`now`) a link to it lands on: found by the ingest from the
   * words the old and the new passage share (by: machine), or set by an editor. */
  formerIds: z.array(formerId).optional(),
});
export type DocumentData = z.infer<typeof documentSchema>;
