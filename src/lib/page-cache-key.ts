import { createHash } from 'node:crypto';
import { SITE } from '../config/site.ts';

/**
 * The `cacheKey` a route's getStaticPaths() gives each page for Astro's incremental builds
 * (`experimental.incrementalBuild`): a hash of everything the page shows that does not come
 * from code. Astro reuses the page's previous output when this key and the hash of the page's
 * code are both unchanged, so a key must cover every piece of data the page reads — the
 * route passes the same values it renders, and the site's origin and base (read from the
 * environment, not from code) are always included.
 *
 * Maps and Sets are hashed as their entries, in order; a content entry with a digest (a
 * document: the digest is of its whole file) as its collection, id, digest and a hash of its
 * parsed data, worked out once per entry (a page names dozens of documents, a build has
 * thousands of pages); everything else as JSON.
 */
export function pageCacheKey(...data: unknown[]): string {
  const json = JSON.stringify(jsonReady([SITE.origin, SITE.base, ...data]));
  return createHash('sha256').update(json).digest('base64url');
}

/**
 * The value with its Maps, Sets and entries replaced as above, so that JSON.stringify can write
 * it without a replacer: the same text as a replacer would give, but a replacer is called back
 * for every value of a page (every word of every quoted sentence) and cost more than the rest of
 * the link graph. Parts holding none of them are returned as they are, not copied.
 */
function jsonReady(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return jsonReady((value as { toJSON: () => unknown }).toJSON());
  }
  if (value instanceof Map) return { map: jsonReady([...value]) };
  if (value instanceof Set) return { set: jsonReady([...value]) };
  if (isEntryWithDigest(value)) return { entry: entryKey(value) };
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const ready = jsonReady(item);
      if (ready !== item) (copy ??= value.slice())[i] = ready;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const object = value as Record<string, unknown>;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const item = object[key];
    const ready = jsonReady(item);
    if (ready !== item) (copy ??= { ...object })[key] = ready;
  }
  return copy ?? value;
}

function isEntryWithDigest(
  value: unknown,
): value is { collection: string; id: string; digest: string; data: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['collection'] === 'string' &&
    typeof v['id'] === 'string' &&
    typeof v['digest'] === 'string'
  );
}

const entryKeys = new WeakMap<object, string>();

/** An entry's identity for a key. The data is hashed as well as the file's digest because the
 * same file can give other data when the schema changes. */
function entryKey(entry: {
  collection: string;
  id: string;
  digest: string;
  data: unknown;
}): string {
  let key = entryKeys.get(entry);
  if (key === undefined) {
    const data = createHash('sha256').update(JSON.stringify(entry.data)).digest('base64url');
    key = `${entry.collection}/${entry.id}/${entry.digest}/${data}`;
    entryKeys.set(entry, key);
  }
  return key;
}
