import { parse } from 'yaml';
import { z } from 'astro/zod';
import { slugify } from '../ingest/ids.ts';
import { paragraphQuote, quoteProblems, unsupportedQuotations, type BlockTexts } from './quotes.ts';

/**
 * The front page's briefing: an editor's overview of the themes the documents share, kept in
 * src/content/briefing/briefing.yaml. It is written as claims, each resting on paragraphs of the
 * documents and quoting the words it rests on, so that the page links every claim to its source
 * and the build can check that the source still says it.
 */

export const briefingClaim = z
  .object({
    /** One or two sentences, saying only what the sources say; words in “curly quotes” must
     * stand in one of the source paragraphs. */
    text: z.string().trim().min(1),
    /** The paragraphs the claim rests on, each with the words that support it. */
    sources: z.array(paragraphQuote).min(1),
  })
  .strict();
export type BriefingClaim = z.infer<typeof briefingClaim>;

export const briefingSection = z
  .object({
    /** A short heading naming the theme. */
    heading: z.string().trim().min(1),
    /** The section's claims, read as one paragraph. */
    claims: z.array(briefingClaim).min(1),
  })
  .strict();

export const briefingSchema = z
  .object({
    /** The sections, in reading order. */
    sections: z.array(briefingSection).min(1),
  })
  .strict();
export type Briefing = z.infer<typeof briefingSchema>;

/** A section with the anchor its heading gets on the page. */
export interface BriefingSection extends z.infer<typeof briefingSection> {
  id: string;
}

/** The briefing, validated; errors name the file and the field. */
export function parseBriefing(text: string, file: string): BriefingSection[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const result = briefingSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  return result.data.sections.map((section) => ({
    ...section,
    id: `briefing-${slugify(section.heading, 50)}`,
  }));
}

/** Every claim whose source is missing or no longer says what the claim quotes, naming the
 * file, the section and the claim. */
export function briefingProblems(
  sections: readonly BriefingSection[],
  texts: BlockTexts,
  file: string,
): string[] {
  const ids = new Map<string, string>();
  const problems: string[] = [];
  for (const section of sections) {
    const earlier = ids.get(section.id);
    if (earlier !== undefined) {
      problems.push(`${file}: sections "${earlier}" and "${section.heading}" have the same anchor`);
    }
    ids.set(section.id, section.heading);
    section.claims.forEach((claim, c) => {
      const where = `${file}: section "${section.heading}", claim ${c + 1}`;
      problems.push(
        ...claim.sources.flatMap((s, i) => quoteProblems(s, texts, `${where}, sources[${i}]`)),
        ...unsupportedQuotations(claim.text, claim.sources, texts, where),
      );
    });
  }
  return problems;
}
