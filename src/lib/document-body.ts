import type { Block } from './entities/blocks.ts';
import type { Mention } from './entities/matcher.ts';

/**
 * A document's text as the page renders it: its blocks, each split into runs of plain text and
 * the words that link to an entity. Only the first mention of each entity in the paragraphs
 * links (headings stay plain: they are the page's outline, not its prose), so a reader meets
 * each link once, where the entity first appears. The text itself is never changed: joining a
 * block's runs gives back its text exactly.
 */

export interface TextRun {
  text: string;
  /** The entity the words name, when they link to its page. */
  entityId?: string;
}

export interface BodyBlock extends Block {
  runs: TextRun[];
}

/** The blocks with the first paragraph mention of each entity marked for a link. `mentions` are
 * the document's, in text order and not overlapping, as the mention finder returns them. */
export function linkFirstMentions(
  blocks: readonly Block[],
  mentions: readonly Mention[],
): BodyBlock[] {
  const kinds = new Map(blocks.map((b) => [b.id, b.kind]));
  const linked = new Set<string>();
  const firsts = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (kinds.get(m.blockId) !== 'paragraph' || linked.has(m.entityId)) continue;
    linked.add(m.entityId);
    firsts.set(m.blockId, [...(firsts.get(m.blockId) ?? []), m]);
  }
  return blocks.map((block) => {
    const runs: TextRun[] = [];
    let at = 0;
    for (const m of [...(firsts.get(block.id) ?? [])].sort((a, b) => a.start - b.start)) {
      if (m.start > at) runs.push({ text: block.text.slice(at, m.start) });
      runs.push({ text: block.text.slice(m.start, m.end), entityId: m.entityId });
      at = m.end;
    }
    if (at < block.text.length || runs.length === 0) runs.push({ text: block.text.slice(at) });
    return { ...block, runs };
  });
}
