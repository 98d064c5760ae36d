import type { FormerId } from '../content/schema.ts';
import type { Block } from './entities/blocks.ts';

/**
 * A document's former ids (src/ingest/former-ids.ts) as the page answers them: each is an
 * anchor inside the block that holds its passage now, so a link shared before the text changed
 * still lands there. Checked when the site is built, for an editor's hand edits: a former id
 * must point at a block the text has, and must not be an id the text uses itself.
 */

/** Former ids by the id of the block they land on, in the entry's order. */
export function formerIdsByBlock(formerIds: readonly FormerId[] = []): Map<string, string[]> {
  const byBlock = new Map<string, string[]>();
  for (const { id, now } of formerIds) byBlock.set(now, [...(byBlock.get(now) ?? []), id]);
  return byBlock;
}

/** What is wrong with an entry's former ids, one line each naming the file and what to do. */
export function formerIdProblems(
  formerIds: readonly FormerId[] = [],
  blocks: readonly Block[],
  file: string,
): string[] {
  const ids = new Set(blocks.map((b) => b.id));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { id, now } of formerIds) {
    if (ids.has(id)) {
      problems.push(`${file}: formerIds: "${id}" is an id the text has; remove this entry`);
    } else if (seen.has(id)) {
      problems.push(`${file}: formerIds: "${id}" is listed twice; keep one`);
    }
    if (!ids.has(now)) {
      problems.push(
        `${file}: formerIds: "${id}" points at "${now}", which the text does not have; point it at a heading or paragraph id of the text`,
      );
    }
    seen.add(id);
  }
  return problems;
}
