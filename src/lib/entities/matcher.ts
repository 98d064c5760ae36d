import type { Block } from './blocks.ts';
import type { EntityEntry } from './registry.ts';

/**
 * Finding the entities a text names. The rules, so that an editor can predict every result:
 *
 * - Whole words only: a name must not be preceded or followed by a letter or digit. Hyphens and
 *   apostrophes are not letters, so "NATO-SCO" names NATO and the SCO, "Moscow-dominated" names
 *   Moscow, and "NATO's", "Central Asia’s" are found without their possessive ending.
 * - Longest name first: at any point of the text the longest name that fits wins, and the words
 *   inside it are not searched again. "Shanghai Cooperation Organization" is the SCO, never
 *   "Organization"; "Islamic Movement of Uzbekistan" is the IMU, not Uzbekistan; "UN Office on
 *   Drugs and Crime" is UNODC, not the UN.
 * - Case: names of organizations, countries, people, places and events are proper names and
 *   match exactly as written, so "UN" never matches "un", "US" never "us", "Alliance" never
 *   "alliance". A name written with a lowercase first letter ("the West", "de Hoop Scheffer")
 *   also matches with a capital, as at the start of a sentence. Topic names are common nouns:
 *   they match in any case, and a final "s" is allowed ("border conflicts").
 * - Spelling: a space and a hyphen between two words are interchangeable ("counter terrorism",
 *   "counter-terrorism"), runs of spaces count as one, and a straight apostrophe matches a
 *   curly one ("Experts' Group", "Experts’ Group").
 * - Demonyms ("Kazakh", "Kazakhstani", "Uzbek", "Chinese", "Central Asian") count as mentions
 *   of their country or region: in these documents they name the state ("the Uzbek
 *   government", "the Kazakh chair-in-office of the OSCE"), and without them a document about
 *   Kazakhstan's OSCE chairmanship would not mention Kazakhstan.
 * - Context aliases ("Alliance" for NATO, "Istanbul Summit", a bare surname) count only in a
 *   document that also names the entity, or one of its parents, by another name. Elsewhere they
 *   are dropped, so "the Alliance" in a document that never says NATO stays unlinked.
 */

export type MentionVia = 'name' | 'alias' | 'demonym' | 'context';

export interface Mention {
  entityId: string;
  /** The id of the heading or paragraph the mention is in. */
  blockId: string;
  /** Offsets in the block's text, end exclusive. */
  start: number;
  end: number;
  /** The words as they stand in the text: "NATO", "Kazakh", "Central Asia". */
  matchedText: string;
  /** Which kind of name was found. */
  via: MentionVia;
}

interface Form {
  entityId: string;
  text: string;
  via: MentionVia;
  anyCase: boolean;
}

export interface Matcher {
  /** One alternation of every name, longest first, one capturing group per name. */
  pattern: RegExp;
  forms: readonly Form[];
  /** Each entity's parent, to decide whether a context alias counts. */
  parents: ReadonlyMap<string, string | undefined>;
}

const SEPARATOR = /[\s\u00a0\-\u2010\u2011]+/;
const APOSTROPHE = /['’ʼ]/;

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

function letterClass(c: string): string {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  return lower === upper ? escapeChar(c) : `[${lower}${upper}]`;
}

/** The regular expression source for one name, following the rules above. */
export function formPattern(text: string, anyCase: boolean): string {
  const words = text.trim().split(SEPARATOR);
  const source = words
    .map((word, w) =>
      [...word]
        .map((c, i) => {
          if (APOSTROPHE.test(c)) return "['’ʼ]";
          if (anyCase || (w === 0 && i === 0 && c !== c.toUpperCase())) return letterClass(c);
          return escapeChar(c);
        })
        .join(''),
    )
    .join('[\\s\\u00a0\\-\\u2010\\u2011]+');
  return anyCase && /[^sS]$/.test(text.trim()) && /\p{L}$/u.test(text.trim())
    ? `${source}s?`
    : source;
}

/** Builds the matcher once from the registry; finding mentions then costs one scan per block. */
export function buildMatcher(entities: readonly EntityEntry[]): Matcher {
  const forms: Form[] = [];
  const parents = new Map<string, string | undefined>();
  for (const { id, data } of entities) {
    parents.set(id, data.parent);
    const anyCase = data.kind === 'topic';
    const add = (text: string, via: MentionVia) => forms.push({ entityId: id, text, via, anyCase });
    add(data.name, 'name');
    if (data.shortName) add(data.shortName, 'name');
    for (const alias of data.aliases) add(alias, 'alias');
    for (const demonym of data.demonyms) add(demonym, 'demonym');
    for (const alias of data.contextAliases) add(alias, 'context');
  }
  // Longest first, so that the alternation tries "Shanghai Cooperation Organization" before any
  // shorter name starting at the same letter; ties broken by id for a stable order.
  forms.sort(
    (a, b) =>
      b.text.length - a.text.length ||
      a.entityId.localeCompare(b.entityId) ||
      a.text.localeCompare(b.text),
  );
  const alternation = forms.map((f) => `(${formPattern(f.text, f.anyCase)})`).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu');
  return { pattern, forms, parents };
}

/** The mentions in one document, in text order. Context aliases are kept only where the
 * document names the entity, or one of its parents, otherwise (see the rules above). */
export function findMentions(matcher: Matcher, blocks: readonly Block[]): Mention[] {
  const found: Mention[] = [];
  for (const block of blocks) {
    for (const match of block.text.matchAll(matcher.pattern)) {
      const group = match.findIndex((g, i) => i > 0 && g !== undefined);
      const form = matcher.forms[group - 1]!;
      found.push({
        entityId: form.entityId,
        blockId: block.id,
        start: match.index,
        end: match.index + match[0].length,
        matchedText: match[0],
        via: form.via,
      });
    }
  }
  const named = new Set(found.filter((m) => m.via !== 'context').map((m) => m.entityId));
  const namedHereOrAbove = (id: string): boolean => {
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at);) {
      if (named.has(at)) return true;
      seen.add(at);
      at = matcher.parents.get(at);
    }
    return false;
  };
  return found.filter((m) => m.via !== 'context' || namedHereOrAbove(m.entityId));
}
