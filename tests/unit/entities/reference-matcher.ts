import type { Block } from '../../../src/lib/entities/blocks.ts';
import type { Mention, MentionVia } from '../../../src/lib/entities/matcher.ts';
import type { EntityEntry } from '../../../src/lib/entities/registry.ts';

/**
 * The matcher as it was before it scanned by first character: one regular expression of every
 * name, longest first. Kept only as the oracle the faster matcher is compared with.
 */

interface Form {
  entityId: string;
  text: string;
  via: MentionVia;
  anyCase: boolean;
}

export interface ReferenceMatcher {
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
function formPattern(text: string, anyCase: boolean): string {
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
export function buildReferenceMatcher(entities: readonly EntityEntry[]): ReferenceMatcher {
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
export function findReferenceMentions(
  matcher: ReferenceMatcher,
  blocks: readonly Block[],
): Mention[] {
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
