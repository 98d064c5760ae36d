// splitSentences as it was before it found the word before a period by scanning back; kept only
// as the oracle the faster one is compared with.

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
  'ph.d',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'gen',
  'col',
  'lt',
  'sen',
  'rep',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
]);

/** Splits a paragraph into sentences. A period ends a sentence unless it closes a known
 * abbreviation ("U.S.", "Ph.D.") or a single initial, and the next word starts a new one. */
export function referenceSplitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  const sentences: string[] = [];
  let start = 0;
  const boundary = /([.!?…]+)(["”’)\]]*)(\s+)(?=["“‘(]?[\p{Lu}\d])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const before = text.slice(start, match.index);
    const lastWord =
      before
        .split(/\s+/)
        .pop()
        ?.toLowerCase()
        .replace(/^["“‘(]+/, '') ?? '';
    if (match[1] === '.' && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    sentences.push(text.slice(start, end).trim());
    start = end + match[3]!.length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
