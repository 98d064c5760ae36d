import { stem } from './stem.ts';

/**
 * Words as search sees them, the way Pagefind reads them (its fossick/splitting.rs and the query
 * normalization in pagefind.js), shared by the offline index, the results and the landing
 * highlight. A written word counts as its letters and digits run together, lowercased, without
 * accents, stemmed ("U.S." is "us", "NATO-SCO" is "natosco"); a compound also counts as each of
 * its parts ("nato", "sco"; "EastWest" gives "east" and "west"). A query term matches a word when
 * the word's stem starts with the term's stem, so "narcotic" finds "narcotics", and "SCO" finds
 * "SCO" and "scope".
 */

/** Lowercase, without accents. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
const HAS_NOT_ALNUM = /[^\p{L}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~\u00ad]/g;

/** Splits a run of characters where the case or the kind changes: "WKWebView" → WK Web View,
 * "1990s" → 1990 s (as the convert_case crate that Pagefind uses does). */
function caseParts(chunk: string): string[] {
  return chunk
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .split(/\s+/)
    .filter(Boolean);
}

/** The stems one written word (a run of non-space characters) is indexed under. */
export function wordStems(word: string): string[] {
  const whole = fold(word.replace(NOT_ALNUM, ''));
  const stems = whole ? [stem(whole)] : [];
  const compound = HAS_NOT_ALNUM.test(word) || /\p{Lu}/u.test([...word].slice(1).join(''));
  if (!compound || !whole) return stems;
  const parts = word.replace(ASCII_PUNCTUATION, ' ').split(/\s+/).flatMap(caseParts).map(fold);
  if (parts.length > 1 || !whole.startsWith(parts.join(' '))) {
    for (const part of parts) if ([...part].length > 1) stems.push(stem(part));
  }
  return stems;
}

/**
 * The terms of a query, each stemmed, duplicates removed, in the order typed. Punctuation is
 * dropped, so a word with punctuation inside is one term: "U.S." is "us", "counter-narcotics"
 * is "counternarcotics".
 */
export function queryTerms(query: string): string[] {
  const terms = query.split(/\s+/).flatMap((word) => {
    const joined = fold(word.replace(NOT_ALNUM, ''));
    return joined ? [stem(joined)] : [];
  });
  return [...new Set(terms)];
}

/** How well a word's stem answers a term: 1 for the same stem, less as the word runs longer. */
export function termMatch(wordStem: string, term: string): number {
  if (!wordStem.startsWith(term)) return 0;
  return term.length / wordStem.length;
}

/**
 * A query term as it is matched: by prefix, or, when no indexed word starts with it, exactly as
 * the longest indexed word it starts with (Pagefind's fallback: "armenian" finds "armenia").
 */
export interface MatchTerm {
  stem: string;
  exact: boolean;
}

/** Resolves query terms against the stems of an index (`vocabulary`, any order). */
export function resolveTerms(terms: readonly string[], vocabulary: Iterable<string>): MatchTerm[] {
  const words = [...vocabulary];
  return terms.map((term) => {
    if (words.some((w) => w.startsWith(term))) return { stem: term, exact: false };
    let longest = '';
    for (const w of words) if (term.startsWith(w) && w.length > longest.length) longest = w;
    return longest ? { stem: longest, exact: true } : { stem: term, exact: false };
  });
}

/** How well a word's stem answers a resolved term. */
export function matchScore(wordStem: string, term: MatchTerm): number {
  if (term.exact) return wordStem === term.stem ? 1 : 0;
  return termMatch(wordStem, term.stem);
}

/** The best match of any of a written word's stems with `term`, 0 when none starts with it. */
export function wordMatch(word: string, term: string): number {
  let best = 0;
  for (const s of wordStems(word)) best = Math.max(best, termMatch(s, term));
  return best;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * One written word as HTML, with `<mark>` around its parts that match a term ("NATO-<mark>SCO
 * </mark>),"); punctuation stays outside. A word that matched only as a whole (its parts joined)
 * is marked whole. Without terms, a hit word is marked whole.
 */
export function markWord(word: string, hit: boolean, terms: readonly string[] = []): string {
  if (!hit) return escapeHtml(word);
  const pieces = word.split(/([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*)/u);
  const matches = (part: string) => terms.some((t) => wordMatch(part, t) > 0);
  const anyPart = terms.length > 0 && pieces.some((p, i) => i % 2 === 1 && matches(p));
  const first = pieces.findIndex((_, i) => i % 2 === 1);
  if (first < 0) return escapeHtml(word);
  if (!anyPart) {
    // Mark from the first letter to the last.
    const last = pieces.length - 2;
    return (
      escapeHtml(pieces.slice(0, first).join('')) +
      `<mark>${escapeHtml(pieces.slice(first, last + 1).join(''))}</mark>` +
      escapeHtml(pieces.slice(last + 1).join(''))
    );
  }
  return pieces
    .map((p, i) => (i % 2 === 1 && matches(p) ? `<mark>${escapeHtml(p)}</mark>` : escapeHtml(p)))
    .join('');
}
