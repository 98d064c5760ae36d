/**
 * Related documents: for each document, the others ranked by how much they have in common.
 * A pure function of plain data, so that the same documents always give the same lists.
 *
 * The formula (also explained on every document page, under "Related documents"):
 *
 *   score(a, b) = 0.5 · E(a, b) + 0.2 · T(a, b) + 0.3 · C(a, b)
 *
 * - E, shared entities: a weighted Jaccard index over the entities each text names (from the
 *   mention index): Σ w(x) over the entities both name, divided by Σ w(x) over those either
 *   names. The weight of an entity is its rarity, w(x) = ln(N / n(x)), with N documents of which
 *   n(x) name it: an entity every document names (Central Asia) weighs nothing, one only two name
 *   weighs most.
 * - T, shared topics: the same index over the topics an editor assigned (the `topics` field),
 *   with the same rarity weights counted over those assignments.
 * - C, text: the cosine similarity of TF-IDF vectors of the documents' words (lowercased, three
 *   letters or more; tf is the count in the document, idf = ln(N / documents using the word)).
 *
 * Entities weigh most because they are the most specific thing two texts can share; topics are
 * few and coarse; the text catches what the registry does not name. Documents scoring 0 are not
 * related. Ties are broken by document id. Sums run over sorted keys, so the floating-point
 * result does not depend on the order the documents come in.
 *
 * "Shares" lists what the two have in common, rarest first: the shared entities and topics by
 * weight (the larger of the two if a topic is both), then by how often the two texts name it,
 * then by id; anything every document has (weight 0) is left out.
 */

export const WEIGHTS = { entities: 0.5, topics: 0.2, text: 0.3 } as const;

export interface RelatedInput {
  id: string;
  /** The entities the text names, with how many times. */
  entities: Readonly<Record<string, number>>;
  /** The topics an editor assigned. */
  topics: readonly string[];
  /** The document's text, all blocks joined. */
  text: string;
}

export interface RelatedDocument {
  id: string;
  score: number;
  /** The three parts of the score, before weighting. */
  parts: { entities: number; topics: number; text: number };
  /** The entity ids (entities and topics) the two share, rarest first. */
  shares: string[];
}

export interface RelatedOptions {
  /** How many related documents to keep for each. */
  limit?: number;
  /** How many shared entities to list for each. */
  sharesLimit?: number;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ln(N / n) for every key, n counted over the sets. */
function rarity(sets: readonly ReadonlySet<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const set of sets) for (const key of set) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Map([...counts].map(([key, n]) => [key, Math.log(sets.length / n)]));
}

/** A set with its keys sorted once, so that pairwise comparisons add in one fixed order. */
interface SortedSet {
  has: (key: string) => boolean;
  keys: readonly string[];
}

function sorted(set: ReadonlySet<string>): SortedSet {
  return { has: (key) => set.has(key), keys: [...set].sort(byKey) };
}

/** Σ w over the intersection / Σ w over the union, each summed in key order; 0 when the union
 * weighs nothing. The union is walked by merging the two sorted key lists. */
function weightedJaccard(a: SortedSet, b: SortedSet, weight: ReadonlyMap<string, number>): number {
  let shared = 0;
  let either = 0;
  let i = 0;
  let j = 0;
  while (i < a.keys.length || j < b.keys.length) {
    const x = a.keys[i];
    const y = b.keys[j];
    const order = x === undefined ? 1 : y === undefined ? -1 : byKey(x, y);
    const key = (order <= 0 ? x : y)!;
    const w = weight.get(key) ?? 0;
    either += w;
    if (order === 0) shared += w;
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
  return either === 0 ? 0 : shared / either;
}

/** The words a text is compared by. */
export function terms(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) as string[];
}

function tfidfVectors(docs: readonly RelatedInput[]): Map<string, Map<string, number>> {
  const counts = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const term of terms(d.text)) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  });
  const idf = rarity(counts.map((tf) => new Set(tf.keys())));
  return new Map(
    docs.map((d, i) => [
      d.id,
      new Map([...counts[i]!].map(([term, tf]) => [term, tf * (idf.get(term) ?? 0)])),
    ]),
  );
}

/** A TF-IDF vector with its keys sorted and its squared norm summed once. */
interface Vector {
  weights: ReadonlyMap<string, number>;
  keys: readonly string[];
  norm2: number;
}

function vector(weights: ReadonlyMap<string, number>): Vector {
  const keys = [...weights.keys()].sort(byKey);
  return { weights, keys, norm2: keys.reduce((sum, key) => sum + weights.get(key)! ** 2, 0) };
}

function cosine(a: Vector, b: Vector): number {
  // Each sum in key order, so that cosine(a, b) and cosine(b, a) are the same number.
  let dot = 0;
  for (const key of a.keys)
    if (b.weights.has(key)) dot += a.weights.get(key)! * b.weights.get(key)!;
  return a.norm2 === 0 || b.norm2 === 0 ? 0 : dot / Math.sqrt(a.norm2 * b.norm2);
}

/** For every document, the related ones, best first. */
export function relatedDocuments(
  input: readonly RelatedInput[],
  { limit = 3, sharesLimit = 4 }: RelatedOptions = {},
): Record<string, RelatedDocument[]> {
  const docs = [...input].sort((a, b) => byKey(a.id, b.id));
  const entitySets = new Map(docs.map((d) => [d.id, new Set(Object.keys(d.entities))]));
  const topicSets = new Map(docs.map((d) => [d.id, new Set(d.topics)]));
  const entityWeight = rarity([...entitySets.values()]);
  const topicWeight = rarity([...topicSets.values()]);
  const vectors = new Map([...tfidfVectors(docs)].map(([id, w]) => [id, vector(w)]));
  const sortedEntities = new Map([...entitySets].map(([id, set]) => [id, sorted(set)]));
  const sortedTopics = new Map([...topicSets].map(([id, set]) => [id, sorted(set)]));
  const byId = new Map(docs.map((d) => [d.id, d]));

  function shares(a: RelatedInput, b: RelatedInput): string[] {
    const ea = entitySets.get(a.id)!;
    const eb = entitySets.get(b.id)!;
    const ta = topicSets.get(a.id)!;
    const tb = topicSets.get(b.id)!;
    const weight = new Map<string, number>();
    for (const x of ea) if (eb.has(x)) weight.set(x, entityWeight.get(x)!);
    for (const x of ta)
      if (tb.has(x)) weight.set(x, Math.max(weight.get(x) ?? 0, topicWeight.get(x)!));
    const named = (x: string) => (a.entities[x] ?? 0) + (b.entities[x] ?? 0);
    return [...weight]
      .filter(([, w]) => w > 0)
      .sort(([x, wx], [y, wy]) => wy - wx || named(y) - named(x) || byKey(x, y))
      .slice(0, sharesLimit)
      .map(([x]) => x);
  }

  const result: Record<string, RelatedDocument[]> = {};
  for (const a of docs) {
    const ranked: RelatedDocument[] = [];
    for (const b of docs) {
      if (b.id === a.id) continue;
      const parts = {
        entities: weightedJaccard(
          sortedEntities.get(a.id)!,
          sortedEntities.get(b.id)!,
          entityWeight,
        ),
        topics: weightedJaccard(sortedTopics.get(a.id)!, sortedTopics.get(b.id)!, topicWeight),
        text: cosine(vectors.get(a.id)!, vectors.get(b.id)!),
      };
      const score =
        WEIGHTS.entities * parts.entities +
        WEIGHTS.topics * parts.topics +
        WEIGHTS.text * parts.text;
      if (score > 0) ranked.push({ id: b.id, score, parts, shares: [] });
    }
    ranked.sort((x, y) => y.score - x.score || byKey(x.id, y.id));
    // What two documents share is only worked out for the few that are shown.
    result[a.id] = ranked
      .slice(0, limit)
      .map((r) => ({ ...r, shares: shares(a, byId.get(r.id)!) }));
  }
  return result;
}
