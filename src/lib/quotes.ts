import { z } from 'astro/zod';
import { entityIdPattern } from '../content/entity-schema.ts';

/**
 * A claim's evidence: the exact words of one paragraph of one document. The timeline and the
 * front-page briefing are editorial data; each of their claims carries such quotations, and the
 * build checks every one against the text, so a claim cannot outlive the words it rests on.
 */

export const paragraphQuote = z
  .object({
    /** The document's id (its file name under src/content/documents/, without `.mdx`). */
    document: z.string().regex(entityIdPattern, 'expected a document id such as "renewing-…"'),
    /** The id of the paragraph or heading the words stand in: `p-3fa2c1`. */
    paragraph: z.string().regex(/^[a-z0-9-]+$/, 'expected a paragraph id such as "p-3fa2c1"'),
    /** Words copied from that paragraph, exactly (runs of spaces count as one). */
    quote: z.string().trim().min(1),
  })
  .strict();
export type ParagraphQuote = z.infer<typeof paragraphQuote>;

/** The texts of each document's blocks, by document id and block id. */
export type BlockTexts = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Runs of whitespace count as one space: the sources have double spaces an editor won't copy. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether `words` stand in `text`, spacing aside. */
export function quoteIn(words: string, text: string): boolean {
  return normalizeSpace(text).includes(normalizeSpace(words));
}

/** The words an editor's sentence puts in quotation marks: `“special focus”` gives `special
 * focus`. Only curly double quotes count, so an apostrophe or a straight quote is never one. */
export function quotedPhrases(text: string): string[] {
  return [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
}

/** Straight and curly apostrophes are the same letter to a reader; sources use both. */
const sameApostrophes = (text: string) => text.replace(/[’‘ʼ]/g, "'");

/** What an editor's sentence quotes that none of its sources' paragraphs say. */
export function unsupportedQuotations(
  text: string,
  refs: readonly ParagraphQuote[],
  texts: BlockTexts,
  where: string,
): string[] {
  const paragraphs = refs.flatMap((r) => texts.get(r.document)?.get(r.paragraph) ?? []);
  return quotedPhrases(text)
    .filter((words) => !paragraphs.some((p) => quoteIn(sameApostrophes(words), sameApostrophes(p))))
    .map(
      (words) =>
        `${where}: quotes “${words}”, which none of its source paragraphs says; quote the text exactly or drop the quotation marks`,
    );
}

/** What is wrong with one quotation, as messages naming `where` (file and field), or none. */
export function quoteProblems(ref: ParagraphQuote, texts: BlockTexts, where: string): string[] {
  const blocks = texts.get(ref.document);
  if (!blocks) {
    return [`${where}: no document "${ref.document}" in src/content/documents/`];
  }
  const text = blocks.get(ref.paragraph);
  if (text === undefined) {
    return [`${where}: document "${ref.document}" has no paragraph "${ref.paragraph}"`];
  }
  if (!quoteIn(ref.quote, text)) {
    return [
      `${where}: paragraph ${ref.document}#${ref.paragraph} does not contain the quoted words "${ref.quote}"; copy them exactly from the text`,
    ];
  }
  return [];
}
