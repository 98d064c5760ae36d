import type { Block } from './blocks.ts';
import { sentenceSpans } from './context.ts';
import { findMentions, type Matcher } from './matcher.ts';

/**
 * Names in the documents that no entity covers, for an editor growing the registry: runs of
 * capitalized words ("Joint Plan of Action of Central Asian States") and acronyms, with how often
 * each occurs and one sentence to judge it by. Words capitalized only because they open a
 * sentence or a heading, month and day names, and titles (President, Secretary General) are not
 * names; a run whose every word is already covered by an entity is not suggested.
 */

export interface Suggestion {
  /** The run of words as it stands in the text. */
  name: string;
  count: number;
  /** The documents it occurs in, by id. */
  documents: string[];
  /** Where it first occurs. */
  sample: { documentId: string; blockId: string; sentence: string };
}

const MONTHS_AND_DAYS = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
    ' ',
  ),
);

/** Words that are capitalized as part of a title, not of a name to register. */
const TITLES = new Set(
  'President Presidents Secretary Secretaries General Lord Ambassador Ambassadors Minister Ministers Prime Head Heads Chairman Government Governments Mr Mrs Ms Dr Prof Ph.D. Ph.D'.split(
    ' ',
  ),
);

/** Small words that may join the capitalized words of one name ("Council of Defense Ministers"). */
const JOINERS = new Set(['of', 'for', 'and', 'on', 'the', 'de', 'du', 'al', 'von', 'van']);

/** A capitalized word or an acronym, possibly hyphenated or with periods ("U.S.", "Euro-Atlantic"). */
const WORD = /\p{Lu}[\p{L}\p{N}]*(?:[.’'-]\p{L}[\p{L}\p{N}]*)*\.?|[\p{Ll}\p{N}]+|\S/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}\.?){2,}$/u.test(word) || /^\p{Lu}{2,}[\p{L}]*$/u.test(word);
}

/** A word without its possessive ending, or the period that ends its sentence ("U.S." keeps it). */
function stripEnding(word: string): string {
  if (/[’']s$/.test(word)) return word.slice(0, -2);
  return /\.$/.test(word) && !/\p{L}\.\p{L}/u.test(word) ? word.slice(0, -1) : word;
}

/** The capitalized runs in one sentence, each a list of tokens. */
function runs(sentence: string, offset: number): Token[][] {
  const tokens: Token[] = [...sentence.matchAll(WORD)].map((match) => ({
    text: match[0],
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));
  const result: Token[][] = [];
  let current: Token[] = [];
  const close = () => {
    while (current.length > 0 && JOINERS.has(current.at(-1)!.text)) current.pop();
    if (current.length > 0) result.push(current);
    current = [];
  };
  tokens.forEach((token, i) => {
    const word = stripEnding(token.text);
    if (isCapitalized(word) && !MONTHS_AND_DAYS.has(word)) {
      current.push({ text: word, start: token.start, end: token.start + word.length });
      // A possessive or a final period ends the name: "NATO's Partners" is two names.
      if (word !== token.text) close();
    } else if (
      current.length > 0 &&
      JOINERS.has(token.text) &&
      isCapitalized(tokens.slice(i + 1).find((t) => !JOINERS.has(t.text))?.text ?? '')
    ) {
      current.push(token);
    } else close();
  });
  close();
  return result;
}

export function suggestNames(
  documents: readonly { id: string; blocks: readonly Block[] }[],
  matcher: Matcher,
): Suggestion[] {
  // A word seen in lowercase somewhere is an ordinary word when capitalized at a sentence start.
  const lowercase = new Set<string>();
  for (const doc of documents) {
    for (const block of doc.blocks) {
      for (const word of block.text.match(/\p{L}+/gu) ?? []) {
        if (!isCapitalized(word)) lowercase.add(word);
      }
    }
  }
  const found = new Map<string, Suggestion>();
  for (const doc of documents) {
    const mentions = findMentions(matcher, doc.blocks);
    for (const block of doc.blocks) {
      const covered = mentions.filter((m) => m.blockId === block.id);
      const isCovered = (t: Token) => covered.some((m) => m.start < t.end && t.start < m.end);
      for (const span of sentenceSpans(block.text)) {
        const sentence = block.text.slice(span.start, span.end);
        for (let run of runs(sentence, span.start)) {
          const before = block.text.slice(span.start, run[0]!.start);
          // A run opens a sentence when only punctuation precedes it, or it opens a quoted one
          // (he said: "We do ...").
          if (block.kind === 'heading' || /^\W*$/u.test(before) || /[:,]\s*["“‘]$/u.test(before)) {
            // An opening word is capitalized by position: it is a name only if it is an acronym,
            // is never written in lowercase, and starts a longer run of uncovered words.
            const [first, second] = run;
            if (
              !isAcronym(first!.text) &&
              !isCovered(first!) &&
              (lowercase.has(first!.text.toLowerCase()) || !second || isCovered(second))
            ) {
              run = run.slice(1);
              while (run.length > 0 && JOINERS.has(run[0]!.text)) run = run.slice(1);
            }
          }
          if (run.length === 0) continue;
          // In a heading every word is capitalized; only words never seen in lowercase count.
          const open = run.filter(
            (t) =>
              isCapitalized(t.text) &&
              !isCovered(t) &&
              !TITLES.has(t.text) &&
              !(block.kind === 'heading' && lowercase.has(t.text.toLowerCase())),
          );
          if (open.length === 0) continue;
          const name = block.text.slice(run[0]!.start, run.at(-1)!.end);
          const entry = found.get(name);
          if (entry) {
            entry.count += 1;
            if (!entry.documents.includes(doc.id)) entry.documents.push(doc.id);
          } else {
            found.set(name, {
              name,
              count: 1,
              documents: [doc.id],
              sample: { documentId: doc.id, blockId: block.id, sentence },
            });
          }
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
