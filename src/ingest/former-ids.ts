import type { Block } from '../lib/entities/blocks.ts';
import type { FormerId } from '../content/schema.ts';

/**
 * Links to a paragraph that outlive a change to its words. A block's id is made from its text,
 * so a corrected source gives a rewritten paragraph a new id, and a link someone shared to the
 * old one would land nowhere. When the ingest updates an entry, each id that disappears is
 * matched to the block of the new text that holds the same passage, judged by the words the two
 * share, and recorded in the entry's `formerIds` (by: machine); the page then answers the old
 * id at that block. An id with no such block is reported, for an editor to point by hand.
 */

/** The share of their words (of all the words either has) two blocks must have in common for
 * one to be taken as the other rewritten: a corrected word or two, a sentence added, one of
 * four or more sentences dropped (measured on the five documents: 0.57 or more). Two different
 * paragraphs of those documents share at most 0.27. */
export const SAME_PASSAGE = 0.5;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** |shared words| / |words of either|: 1 for the same words, 0 for none in common. */
export function sharedWords(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const either = wa.size + wb.size - shared;
  return either === 0 ? 0 : shared / either;
}

/** The block of `blocks` (same kind) that holds the passage `old` held, if any: the one sharing
 * the most words, at least SAME_PASSAGE; the first in the text on a tie. */
export function successor(old: Block, blocks: readonly Block[]): Block | undefined {
  let best: Block | undefined;
  let bestScore = SAME_PASSAGE;
  for (const block of blocks) {
    if (block.kind !== old.kind) continue;
    const score = sharedWords(old.text, block.text);
    if (score > bestScore || (score === bestScore && !best)) {
      best = block;
      bestScore = score;
    }
  }
  return best;
}

export interface CarriedIds {
  /** The entry's former ids after the update, by id. */
  formerIds: FormerId[];
  /** Ids that disappeared in this update, each with the block links to it now land on. */
  moved: { id: string; now: string }[];
  /** Ids that disappeared, or former ids whose block disappeared, with no block to land on. */
  lost: string[];
}

/**
 * The former ids of an entry after its text changed from `before` to `after`: every id that
 * disappeared is pointed at its successor; earlier former ids keep pointing where they did, or
 * follow their block to its successor if that block disappeared too; an id the new text has
 * again is no longer former. An editor's pointing is kept as long as its block exists.
 */
export function carryFormerIds(
  previous: readonly FormerId[],
  before: readonly Block[],
  after: readonly Block[],
): CarriedIds {
  const current = new Set(after.map((b) => b.id));
  const moved: { id: string; now: string }[] = [];
  const lost: string[] = [];
  const next = new Map<string, string>();
  for (const block of before) {
    if (current.has(block.id)) continue;
    const found = successor(block, after);
    if (found) {
      moved.push({ id: block.id, now: found.id });
      next.set(block.id, found.id);
    } else {
      lost.push(block.id);
    }
  }
  const formerIds: FormerId[] = [];
  for (const former of previous) {
    if (current.has(former.id) || next.has(former.id)) continue;
    if (current.has(former.now)) formerIds.push(former);
    else if (next.has(former.now)) {
      formerIds.push({ id: former.id, now: next.get(former.now)!, by: 'machine' });
    } else lost.push(former.id);
  }
  for (const { id, now } of moved) formerIds.push({ id, now, by: 'machine' });
  formerIds.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { formerIds, moved, lost };
}
