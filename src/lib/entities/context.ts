import { splitSentences } from '../sentences.ts';
import type { Block } from './blocks.ts';
import type { Mention } from './matcher.ts';

/** A mention shown in its sentence: what an entity page quotes and highlights. */
export interface MentionInContext {
  blockId: string;
  sentence: string;
  /** Where the mention sits in the sentence, end exclusive. */
  start: number;
  end: number;
}

/** The sentences of a text with their offsets in it. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const sentence of splitSentences(text)) {
    const start = text.indexOf(sentence, cursor);
    if (start < 0) continue;
    spans.push({ start, end: start + sentence.length });
    cursor = start + sentence.length;
  }
  return spans;
}

/** The sentence a mention stands in, with the mention's place in it. A mention that somehow
 * spans two sentences gets both, so the quotation never cuts the name. `spans` are the block's
 * sentences, when the caller already has them. */
export function mentionInContext(
  block: Block,
  mention: Mention,
  spans = sentenceSpans(block.text),
): MentionInContext {
  const first = spans.find((s) => s.start <= mention.start && mention.start < s.end);
  const last = spans.find((s) => s.start < mention.end && mention.end <= s.end);
  const start = first?.start ?? 0;
  const end = last?.end ?? block.text.length;
  return {
    blockId: block.id,
    sentence: block.text.slice(start, end),
    start: mention.start - start,
    end: mention.end - start,
  };
}
