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

/**
 * One name compiled for matching: a list of steps, each either a run of one or more separators
 * or one character among a few (a letter in either case, or any apostrophe), then whether a
 * final "s" may follow. Checked by hand rather than by one regular expression of every name,
 * which tried ~300 alternatives at every word start and was most of the link graph's time.
 */
interface CompiledForm {
  form: Form;
  /** Per step: the code points it accepts, or `SEPARATORS` for a run of separators. */
  steps: (readonly number[] | typeof SEPARATORS)[];
  pluralS: boolean;
}

/** The names starting with one character, narrowed by the character after it: most word starts
 * then have one or two names to try instead of twenty. */
interface NamesBySecond {
  /** Per second code point some name has there, the names that can go on with it, longest first. */
  bySecond: ReadonlyMap<number, readonly CompiledForm[]>;
  /** Longest first, the names whose second step is not one character (a separator run, or none):
   * all there is to try when the second code point is no name's. */
  others: readonly CompiledForm[];
}

export interface Matcher {
  forms: readonly Form[];
  /** Per code point a name can start with, the names starting with it, by the code point after. */
  byFirstTwo: ReadonlyMap<number, NamesBySecond>;
  /** 1 for each UTF-16 code unit a name can start with (an astral one by its high surrogate):
   * the scan looks names up only there. */
  startUnits: Uint8Array;
  /** Each entity's parent, to decide whether a context alias counts. */
  parents: ReadonlyMap<string, string | undefined>;
}

const SEPARATOR = /[\s\u00a0\-\u2010\u2011]+/;
const APOSTROPHE = /['’ʼ]/;
const APOSTROPHES = [..."'’ʼ"].map((c) => c.codePointAt(0)!);
const SEPARATORS = Symbol('separators');

const codePoints = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!);

/** Per BMP code unit: 1 if a letter or digit, 2 if a separator, 0 otherwise; -1 not yet known. */
const charKinds = new Int8Array(0x10000).fill(-1);
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SEPARATOR_CHAR = /[\s\u00a0\-\u2010\u2011]/;

function kindOf(code: number): number {
  let kind = charKinds[code]!;
  if (kind < 0) {
    const c = String.fromCharCode(code);
    kind = WORD_CHAR.test(c) ? 1 : SEPARATOR_CHAR.test(c) ? 2 : 0;
    charKinds[code] = kind;
  }
  return kind;
}

function isWordCodePoint(cp: number): boolean {
  return cp <= 0xffff ? kindOf(cp) === 1 : WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Whether a letter or digit stands at `at` (a whole code point, as the `u` flag reads it). */
function wordAt(text: string, at: number): boolean {
  return at < text.length && isWordCodePoint(text.codePointAt(at)!);
}

/** Whether a letter or digit ends just before `at`. */
function wordBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const unit = text.charCodeAt(at - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isWordCodePoint(text.codePointAt(at - 2)!);
  }
  return kindOf(unit) === 1;
}

/** The code points a letter matches when its case does not matter. */
function letterChoices(c: string): number[] {
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  return lower === upper ? codePoints(c) : [...new Set(codePoints(lower + upper))];
}

/** Topic names may take a final "s" ("border conflicts") when they end in another letter. */
function pluralAllowed(text: string, anyCase: boolean): boolean {
  return anyCase && /[^sS]$/.test(text.trim()) && /\p{L}$/u.test(text.trim());
}

/** The steps of one name, following the rules above. */
function compileForm(form: Form): CompiledForm {
  const steps: CompiledForm['steps'] = [];
  for (const [w, word] of form.text.trim().split(SEPARATOR).entries()) {
    if (w > 0) steps.push(SEPARATORS);
    for (const [i, c] of [...word].entries()) {
      if (APOSTROPHE.test(c)) steps.push(APOSTROPHES);
      else if (form.anyCase || (w === 0 && i === 0 && c !== c.toUpperCase()))
        steps.push(letterChoices(c));
      else steps.push(codePoints(c));
    }
  }
  if (steps.length === 0) throw new Error(`Entity ${form.entityId}: a name is blank`);
  return { form, steps, pluralS: pluralAllowed(form.text, form.anyCase) };
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
  // Longest first, so that "Shanghai Cooperation Organization" is tried before any shorter name
  // starting at the same letter; ties broken by id for a stable order.
  forms.sort(
    (a, b) =>
      b.text.length - a.text.length ||
      a.entityId.localeCompare(b.entityId) ||
      a.text.localeCompare(b.text),
  );
  const byFirst = new Map<number, CompiledForm[]>();
  for (const compiled of forms.map(compileForm)) {
    const first = compiled.steps[0]!;
    for (const cp of first === SEPARATORS ? separatorCodes() : first) {
      let list = byFirst.get(cp);
      if (!list) byFirst.set(cp, (list = []));
      list.push(compiled);
    }
  }
  const byFirstTwo = new Map([...byFirst].map(([cp, list]) => [cp, bySecond(list)]));
  const startUnits = new Uint8Array(0x10000);
  for (const cp of byFirst.keys()) startUnits[String.fromCodePoint(cp).charCodeAt(0)] = 1;
  return { forms, byFirstTwo, parents, startUnits };
}

function secondChoices({ steps }: CompiledForm): readonly number[] | undefined {
  const [first, second] = steps;
  return first === SEPARATORS || second === undefined || second === SEPARATORS ? undefined : second;
}

/** Splits the names starting with one character by their second, keeping the order. */
function bySecond(names: readonly CompiledForm[]): NamesBySecond {
  const seconds = new Set(names.flatMap((n) => secondChoices(n) ?? []));
  return {
    bySecond: new Map(
      [...seconds].map((cp) => [
        cp,
        names.filter((n) => {
          const choices = secondChoices(n);
          return choices === undefined || choices.includes(cp);
        }),
      ]),
    ),
    others: names.filter((n) => secondChoices(n) === undefined),
  };
}

/** Every code unit that is a separator, for a name that starts with one (a leading hyphen). */
function separatorCodes(): number[] {
  const codes: number[] = [];
  for (let code = 0; code <= 0xffff; code++) if (kindOf(code) === 2) codes.push(code);
  return codes;
}

/** Where a name matching `compiled` and starting at `start` ends, or -1: the steps in turn, then
 * the optional final "s", then no letter or digit after it. */
function matchEnd(compiled: CompiledForm, text: string, start: number): number {
  const { steps } = compiled;
  let at = start;
  let runStart = -1;
  for (const step of steps) {
    if (step === SEPARATORS) {
      if (at >= text.length || kindOf(text.charCodeAt(at)) !== 2) return -1;
      runStart = at;
      at++;
      while (at < text.length && kindOf(text.charCodeAt(at)) === 2) at++;
    } else {
      if (at >= text.length) return -1;
      const cp = text.codePointAt(at)!;
      if (!step.includes(cp)) return -1;
      at += cp > 0xffff ? 2 : 1;
    }
  }
  if (compiled.pluralS && text.charCodeAt(at) === 0x73) return wordAt(text, at + 1) ? -1 : at + 1;
  if (!wordAt(text, at)) return at;
  // A name ending in a separator ("anti-") gives back one separator of its run if a letter
  // follows, as the regular expression would backtrack.
  if (steps[steps.length - 1] === SEPARATORS && at - runStart >= 2) return at - 1;
  return -1;
}

/** The first name (longest first) that fits the text at `start`, whose code point is `cp`, and
 * where it ends. */
function firstFit(
  matcher: Matcher,
  text: string,
  start: number,
  cp: number,
): { form: Form; end: number } | undefined {
  const names = matcher.byFirstTwo.get(cp);
  if (!names) return undefined;
  const next = start + (cp > 0xffff ? 2 : 1);
  const candidates =
    (next < text.length && names.bySecond.get(text.codePointAt(next)!)) || names.others;
  for (const compiled of candidates) {
    const end = matchEnd(compiled, text, start);
    if (end >= 0) return { form: compiled.form, end };
  }
  return undefined;
}

/** Adds the names in one block to `found`, in text order. A function of its own, called once a
 * block, so that the engine optimizes the scan as a whole rather than the loop inside a call that
 * handles a whole document. */
function scanBlock(matcher: Matcher, block: Block, found: Mention[]): void {
  const { text } = block;
  // Each position not after a letter or digit, trying the names that can start with its
  // character, longest first; the first that fits wins and the scan goes on after it.
  let afterWord = false;
  for (let at = 0; at < text.length;) {
    const unit = text.charCodeAt(at);
    const cp = unit >= 0xd800 && unit <= 0xdbff ? text.codePointAt(at)! : unit;
    const hit = !afterWord && matcher.startUnits[unit] === 1 && firstFit(matcher, text, at, cp);
    if (hit) {
      found.push({
        entityId: hit.form.entityId,
        blockId: block.id,
        start: at,
        end: hit.end,
        matchedText: text.slice(at, hit.end),
        via: hit.form.via,
      });
      afterWord = wordBefore(text, hit.end);
      at = hit.end;
    } else {
      afterWord = cp <= 0xffff ? kindOf(cp) === 1 : isWordCodePoint(cp);
      at += cp > 0xffff ? 2 : 1;
    }
  }
}

/** The mentions in one document, in text order. Context aliases are kept only where the
 * document names the entity, or one of its parents, otherwise (see the rules above). */
export function findMentions(matcher: Matcher, blocks: readonly Block[]): Mention[] {
  const found: Mention[] = [];
  for (const block of blocks) scanBlock(matcher, block, found);
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
