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
  const json = JSON.stringify([SITE.origin, SITE.base, ...data], (_key, value: unknown) => {
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    if (isEntryWithDigest(value)) return { entry: entryKey(value) };
    return value;
  });
  return createHash('sha256').update(json).digest('base64url');
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
