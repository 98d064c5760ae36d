// relatedDocuments as it was before it numbered words while reading them and ordered features
// by one global rank; kept only as the oracle the faster one is compared with.

import type { RelatedDocument, RelatedInput, RelatedOptions } from '../../../src/lib/related.ts';

const WEIGHTS = { entities: 0.5, topics: 0.2, text: 0.3 } as const;

/** How many documents each document is scored against, at most (see above). */
const CANDIDATES = 100;
const VISITS_PER_CANDIDATE = 8;

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The words a text is compared by. */
function terms(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) as string[];
}

/**
 * One kind of feature (entities, topics or words) over all documents, with keys numbered in
 * sorted order: walking a document's ids in ascending order walks its keys in sorted order, so
 * every sum below adds in the same order as a sort by key would.
 */
interface FeatureSpace {
  keys: string[];
  /** ln(N / documents having the key), by key number. */
  rarity: Float64Array;
  /** Per document: its key numbers ascending, and the value of each (count or 1). */
  docs: { ids: Int32Array; values: Float64Array }[];
  /** Per key number: the documents having it, by index, ascending. */
  postings: Int32Array[];
}

function featureSpace(perDocument: readonly ReadonlyMap<string, number>[]): FeatureSpace {
  const keySet = new Set<string>();
  for (const m of perDocument) for (const key of m.keys()) keySet.add(key);
  const keys = [...keySet].sort(byKey);
  const number = new Map(keys.map((k, i) => [k, i]));
  const df = new Int32Array(keys.length);
  const docs = perDocument.map((m) => {
    const ids = Int32Array.from([...m.keys()].map((k) => number.get(k)!)).sort();
    for (const id of ids) df[id]!++;
    return { ids, values: Float64Array.from(ids, (id) => m.get(keys[id]!)!) };
  });
  const postings = Array.from(df, (n) => new Int32Array(n));
  const filled = new Int32Array(keys.length);
  docs.forEach((d, i) => {
    for (const id of d.ids) postings[id]![filled[id]!++] = i;
  });
  const n = perDocument.length;
  return { keys, rarity: Float64Array.from(df, (x) => Math.log(n / x)), docs, postings };
}

/** Σ w over the intersection / Σ w over the union, each summed in key order; 0 when the union
 * weighs nothing. The union is walked by merging the two ascending id lists. */
function weightedJaccard(a: Int32Array, b: Int32Array, weight: Float64Array): number {
  let shared = 0;
  let either = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    const w = weight[x <= y ? x : y]!;
    either += w;
    if (x === y) shared += w;
    if (x <= y) i++;
    if (x >= y) j++;
  }
  return either === 0 ? 0 : shared / either;
}

/** For every document, the related ones, best first. */
export function referenceRelatedDocuments(
  input: readonly RelatedInput[],
  { limit = 3, sharesLimit = 4, candidates = CANDIDATES }: RelatedOptions = {},
): Record<string, RelatedDocument[]> {
  const docs = [...input].sort((a, b) => byKey(a.id, b.id));
  const entities = featureSpace(
    docs.map((d) => new Map(Object.keys(d.entities).map((k) => [k, 1]))),
  );
  const topics = featureSpace(docs.map((d) => new Map(d.topics.map((t) => [t, 1]))));
  const words = featureSpace(
    docs.map((d) => {
      const tf = new Map<string, number>();
      for (const term of terms(d.text)) tf.set(term, (tf.get(term) ?? 0) + 1);
      return tf;
    }),
  );
  // TF-IDF weights and squared norms, each norm summed in key order.
  const tfidf = words.docs.map((d) =>
    Float64Array.from(d.ids, (id, k) => d.values[k]! * words.rarity[id]!),
  );
  const norm2 = tfidf.map((w) => w.reduce((sum, x) => sum + x * x, 0));

  // Each document's features rarest first: the order candidates are gathered in.
  const spaces = [entities, topics, words];
  const rarestFirst = (i: number) =>
    spaces
      .flatMap((space, s) => [...space.docs[i]!.ids].map((id) => ({ s, id, w: space.rarity[id]! })))
      .filter((f) => f.w > 0)
      .sort((x, y) => y.w - x.w || x.s - y.s || x.id - y.id);

  // Scratch arrays reused for every document: a's TF-IDF weights by word, and stamps saying
  // which words and candidates belong to the document being scored.
  const wordWeight = new Float64Array(words.keys.length);
  const wordStamp = new Int32Array(words.keys.length).fill(-1);
  const seen = new Int32Array(docs.length).fill(-1);

  function cosine(a: number, b: number): number {
    // Over b's words in key order, the ones a has: the intersection in key order, so that
    // cosine(a, b) and cosine(b, a) are the same number.
    let dot = 0;
    const ids = words.docs[b]!.ids;
    const wb = tfidf[b]!;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (wordStamp[id] === a) dot += wordWeight[id]! * wb[k]!;
    }
    return norm2[a] === 0 || norm2[b] === 0 ? 0 : dot / Math.sqrt(norm2[a]! * norm2[b]!);
  }

  function shares(a: number, b: number): string[] {
    const weight = new Map<string, number>();
    const { ids: ea } = entities.docs[a]!;
    const eb = new Set(entities.docs[b]!.ids);
    for (const id of ea) if (eb.has(id)) weight.set(entities.keys[id]!, entities.rarity[id]!);
    const tb = new Set(topics.docs[b]!.ids);
    for (const id of topics.docs[a]!.ids) {
      if (!tb.has(id)) continue;
      const key = topics.keys[id]!;
      weight.set(key, Math.max(weight.get(key) ?? 0, topics.rarity[id]!));
    }
    const A = docs[a]!.entities;
    const B = docs[b]!.entities;
    const named = (x: string) => (A[x] ?? 0) + (B[x] ?? 0);
    return [...weight]
      .filter(([, w]) => w > 0)
      .sort(([x, wx], [y, wy]) => wy - wx || named(y) - named(x) || byKey(x, y))
      .slice(0, sharesLimit)
      .map(([x]) => x);
  }

  /** Up to `candidates` documents sharing the rarest features with a, looking at no more than
   * VISITS_PER_CANDIDATE postings each, so that the work per document stays the same however
   * many documents share its common words. */
  function gather(a: number): number[] {
    const found: number[] = [];
    let budget = candidates * VISITS_PER_CANDIDATE;
    seen[a] = a;
    for (const { s, id } of rarestFirst(a)) {
      for (const b of spaces[s]!.postings[id]!) {
        if (--budget < 0 || found.length >= candidates) return found;
        if (seen[b] === a) continue;
        seen[b] = a;
        found.push(b);
      }
    }
    return found;
  }
  const everyOther = (a: number) => docs.flatMap((_, b) => (b === a ? [] : [b]));

  const index = new Map(docs.map((d, i) => [d.id, i]));
  const result: Record<string, RelatedDocument[]> = {};
  docs.forEach((doc, a) => {
    const own = words.docs[a]!.ids;
    for (let k = 0; k < own.length; k++) {
      wordStamp[own[k]!] = a;
      wordWeight[own[k]!] = tfidf[a]![k]!;
    }
    const found = docs.length - 1 <= candidates ? everyOther(a) : gather(a);
    const ranked: RelatedDocument[] = [];
    for (const b of found) {
      const parts = {
        entities: weightedJaccard(entities.docs[a]!.ids, entities.docs[b]!.ids, entities.rarity),
        topics: weightedJaccard(topics.docs[a]!.ids, topics.docs[b]!.ids, topics.rarity),
        text: cosine(a, b),
      };
      const score =
        WEIGHTS.entities * parts.entities +
        WEIGHTS.topics * parts.topics +
        WEIGHTS.text * parts.text;
      if (score > 0) ranked.push({ id: docs[b]!.id, score, parts, shares: [] });
    }
    ranked.sort((x, y) => y.score - x.score || byKey(x.id, y.id));
    // What two documents share is only worked out for the few that are shown.
    result[doc.id] = ranked
      .slice(0, limit)
      .map((r) => ({ ...r, shares: shares(a, index.get(r.id)!) }));
  });
  return result;
}
