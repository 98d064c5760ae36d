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
 * Which documents are scored: only a document sharing something of weight with `a` can score
 * above 0, so `a` is compared with the documents found through its entities, topics and words,
 * rarest first (an inverted index), up to `candidates` of them. Below that many documents this
 * is every document that could score at all, so the lists are exact; above it, scoring every
 * pair would make the build grow with the square of the collection, and the documents sharing
 * the rarest things with `a` are the ones the formula ranks highest.
 *
 * "Shares" lists what the two have in common, rarest first: the shared entities and topics by
 * weight (the larger of the two if a topic is both), then by how often the two texts name it,
 * then by id; anything every document has (weight 0) is left out.
 */

export const WEIGHTS = { entities: 0.5, topics: 0.2, text: 0.3 } as const;

/** How many documents each document is scored against, at most (see above). */
export const CANDIDATES = 100;
const VISITS_PER_CANDIDATE = 8;

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
  /** How many documents each is scored against, at most. */
  candidates?: number;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Per BMP code unit: 1 if a letter, 0 if not, -1 not yet known. */
const letterKinds = new Int8Array(0x10000).fill(-1);
const LETTER = /\p{L}/u;

function isLetter(cp: number): boolean {
  if (cp > 0xffff) return LETTER.test(String.fromCodePoint(cp));
  let kind = letterKinds[cp]!;
  if (kind < 0) letterKinds[cp] = kind = LETTER.test(String.fromCharCode(cp)) ? 1 : 0;
  return kind === 1;
}

/** Calls `word` with each word a text is compared by, in order: the runs of three letters or
 * more of the lowercased text (what /\p{L}{3,}/gu finds there, without making the list). */
export function forEachTerm(text: string, word: (term: string) => void): void {
  const lower = text.toLowerCase();
  let start = -1;
  let letters = 0;
  for (let at = 0; at < lower.length;) {
    const cp = lower.codePointAt(at)!;
    if (isLetter(cp)) {
      if (start < 0) {
        start = at;
        letters = 0;
      }
      letters++;
    } else {
      if (letters >= 3) word(lower.slice(start, at));
      start = -1;
      letters = 0;
    }
    at += cp > 0xffff ? 2 : 1;
  }
  if (letters >= 3) word(lower.slice(start));
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

/** Numbers keys in the order they are first seen, and each document's features by those
 * numbers: the numbering sortedSpace turns into key order. */
class FeatureCounter {
  readonly keys: string[] = [];
  readonly docs: { ids: Int32Array; values: Float64Array }[] = [];
  private readonly number = new Map<string, number>();
  private readonly count: number[] = [];
  private readonly stamp: number[] = [];

  /** Adds one document, given as a function calling `add` for each of its keys (with a value
   * to add to the key's, 1 if none). */
  document(each: (add: (key: string, value?: number) => void) => void): void {
    const doc = this.docs.length;
    const touched: number[] = [];
    each((key, value = 1) => {
      let id = this.number.get(key);
      if (id === undefined) {
        id = this.keys.length;
        this.number.set(key, id);
        this.keys.push(key);
        this.count.push(0);
        this.stamp.push(-1);
      }
      if (this.stamp[id] !== doc) {
        this.stamp[id] = doc;
        this.count[id] = 0;
        touched.push(id);
      }
      this.count[id]! += value;
    });
    const values = new Float64Array(touched.length);
    for (let k = 0; k < touched.length; k++) values[k] = this.count[touched[k]!]!;
    this.docs.push({ ids: Int32Array.from(touched), values });
  }
}

/** The feature space of what a FeatureCounter saw, with keys renumbered in sorted order. */
function sortedSpace({ keys: seen, docs: counted }: FeatureCounter): FeatureSpace {
  const order = seen.map((_, i) => i).sort((a, b) => byKey(seen[a]!, seen[b]!));
  const keys = order.map((i) => seen[i]!);
  const rank = new Int32Array(seen.length);
  order.forEach((i, r) => (rank[i] = r));
  const df = new Int32Array(keys.length);
  const valueOf = new Float64Array(keys.length);
  const docs = counted.map(({ ids: firstSeen, values: counts }) => {
    const ids = new Int32Array(firstSeen.length);
    for (let k = 0; k < firstSeen.length; k++) {
      ids[k] = rank[firstSeen[k]!]!;
      valueOf[ids[k]!] = counts[k]!;
    }
    ids.sort();
    const values = new Float64Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      df[ids[k]!]!++;
      values[k] = valueOf[ids[k]!]!;
    }
    return { ids, values };
  });
  const postings = Array.from(df, (n) => new Int32Array(n));
  const filled = new Int32Array(keys.length);
  docs.forEach((d, i) => {
    for (const id of d.ids) postings[id]![filled[id]!++] = i;
  });
  const n = counted.length;
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
export function relatedDocuments(
  input: readonly RelatedInput[],
  { limit = 3, sharesLimit = 4, candidates = CANDIDATES }: RelatedOptions = {},
): Record<string, RelatedDocument[]> {
  const docs = [...input].sort((a, b) => byKey(a.id, b.id));
  const entityCounter = new FeatureCounter();
  const topicCounter = new FeatureCounter();
  // Words are numbered as they are read, so no document's text is held as a list of words or a
  // map of counts.
  const wordCounter = new FeatureCounter();
  for (const d of docs) {
    entityCounter.document((add) => {
      for (const key of Object.keys(d.entities)) add(key);
    });
    topicCounter.document((add) => {
      for (const topic of new Set(d.topics)) add(topic);
    });
    wordCounter.document((add) => forEachTerm(d.text, add));
  }
  const entities = sortedSpace(entityCounter);
  const topics = sortedSpace(topicCounter);
  const words = sortedSpace(wordCounter);
  // TF-IDF weights and squared norms, each norm summed in key order.
  const tfidf = words.docs.map(({ ids, values }) => {
    const weights = new Float64Array(ids.length);
    for (let k = 0; k < ids.length; k++) weights[k] = values[k]! * words.rarity[ids[k]!]!;
    return weights;
  });
  const norm2 = tfidf.map((w) => {
    let sum = 0;
    for (let k = 0; k < w.length; k++) sum += w[k]! * w[k]!;
    return sum;
  });

  // Each document's features rarest first (by weight, then kind, then key): the order
  // candidates are gathered in. Every feature of weight is ranked in that order once, so a
  // document's are put in order by sorting their ranks.
  const spaces = [entities, topics, words];
  let ranked: { space: Int32Array; id: Int32Array; rankOf: Int32Array[] } | undefined;
  const rankFeatures = () => {
    const all = spaces.flatMap((space, s) =>
      [...space.rarity.keys()].filter((id) => space.rarity[id]! > 0).map((id) => ({ s, id })),
    );
    all.sort(
      (x, y) => spaces[y.s]!.rarity[y.id]! - spaces[x.s]!.rarity[x.id]! || x.s - y.s || x.id - y.id,
    );
    const rankOf = spaces.map((space) => new Int32Array(space.keys.length).fill(-1));
    all.forEach(({ s, id }, r) => (rankOf[s]![id] = r));
    return {
      space: Int32Array.from(all, (f) => f.s),
      id: Int32Array.from(all, (f) => f.id),
      rankOf,
    };
  };
  const rarestFirst = (i: number): Int32Array => {
    ranked ??= rankFeatures();
    const ranks: number[] = [];
    spaces.forEach((space, s) => {
      for (const id of space.docs[i]!.ids) {
        const rank = ranked!.rankOf[s]![id]!;
        if (rank >= 0) ranks.push(rank);
      }
    });
    return Int32Array.from(ranks).sort();
  };

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
    for (const rank of rarestFirst(a)) {
      for (const b of spaces[ranked!.space[rank]!]!.postings[ranked!.id[rank]!]!) {
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
