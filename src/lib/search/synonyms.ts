import { queryTerms } from './text.ts';

/**
 * The entity registry's names as search synonyms. Editors list every name a thing goes by
 * ("narcotics", "counternarcotics", "drug trafficking" for counter-narcotics); a query that is
 * one of those names also searches the others, so that "narcotics" finds the brief that speaks
 * of "counternarcotics". Only a query that is a whole name is expanded, and the page says so.
 */

/** The names of one entity: name, short name, aliases and adjectives (not context aliases,
 * which name it only beside its other names). */
export interface NamedEntity {
  data: { name: string; shortName?: string; aliases: string[]; demonyms: string[] };
}

/** A name as search compares it: its terms. "Counter-narcotics" and "counternarcotics" are one. */
function key(name: string): string {
  return queryTerms(name).join(' ');
}

/** Each entity's distinct names, for entities that have more than one. */
export function synonymGroups(entities: readonly NamedEntity[]): string[][] {
  const groups: string[][] = [];
  for (const { data } of entities) {
    const names = [data.name, data.shortName, ...data.aliases, ...data.demonyms].filter(
      (n): n is string => Boolean(n),
    );
    const seen = new Set<string>();
    const distinct = names.filter((n) => {
      const k = key(n);
      if (!k || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (distinct.length > 1) groups.push(distinct);
  }
  return groups;
}

/** Each group's names with their keys, worked out once per list of groups: the search page
 * asks for a query's alternatives at every key the reader types, and stemming the registry's
 * 150 names each time cost a millisecond or more a key. */
const keyed = new WeakMap<readonly string[][], { name: string; key: string }[][]>();

function keyedGroups(groups: readonly string[][]): { name: string; key: string }[][] {
  let out = keyed.get(groups);
  if (!out) {
    out = groups.map((group) => group.map((name) => ({ name, key: key(name) })));
    keyed.set(groups, out);
  }
  return out;
}

/** The other names to search for a query that is itself a name, in registry order. */
export function alternatives(query: string, groups: readonly string[][]): string[] {
  const asked = key(query);
  if (!asked) return [];
  const seen = new Set([asked]);
  const out: string[] = [];
  for (const group of keyedGroups(groups)) {
    if (!group.some((n) => n.key === asked)) continue;
    for (const { name, key: k } of group) {
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(name);
    }
  }
  return out;
}

/** One page found by one or more of the searches for a query and its alternatives. */
export interface Merged<T> {
  id: string;
  /** The sum of the page's scores in the searches that found it. */
  score: number;
  /** What each search returned for it, in search order. */
  found: T[];
}

/** Merges the results of several searches: a page found by more of them ranks higher. */
export function mergeRuns<T>(
  runs: readonly (readonly T[])[],
  id: (item: T) => string,
  score: (item: T) => number,
): Merged<T>[] {
  const byId = new Map<string, Merged<T>>();
  for (const run of runs) {
    for (const item of run) {
      const k = id(item);
      const known = byId.get(k);
      if (known) {
        known.score += score(item);
        known.found.push(item);
      } else {
        byId.set(k, { id: k, score: score(item), found: [item] });
      }
    }
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
