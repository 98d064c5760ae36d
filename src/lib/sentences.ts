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

/** Whether a UTF-16 code unit is white space as `\s` reads it (Unicode's Zs, tab, line ends, BOM). */
function isSpace(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff;
}

const BOUNDARY = /([.!?…]+)(["”’)\]]*)(\s+)(?=["“‘(]?[\p{Lu}\d])/gu;

/** Splits a paragraph into sentences. A period ends a sentence unless it closes a known
 * abbreviation ("U.S.", "Ph.D.") or a single initial, and the next word starts a new one. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    if (match[1] === '.') {
      // The word before the period: back from it to the last space since the sentence began.
      let wordStart = match.index;
      while (wordStart > start && !isSpace(text.charCodeAt(wordStart - 1))) wordStart--;
      const lastWord = text
        .slice(wordStart, match.index)
        .toLowerCase()
        .replace(/^["“‘(]+/, '');
      if (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord)) continue;
    }
    sentences.push(text.slice(start, end).trim());
    start = end + match[3]!.length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
