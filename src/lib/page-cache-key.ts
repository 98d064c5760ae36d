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
 * document: the digest is of its whole file) as its collection, id, digest and parsed data but
 * not its body, which the digest covers and which would be most of the text to hash; everything
 * else as JSON.
 */
export function pageCacheKey(...data: unknown[]): string {
  const json = JSON.stringify([SITE.origin, SITE.base, ...data], (_key, value: unknown) => {
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    if (isEntryWithDigest(value)) {
      return { entry: [value.collection, value.id, value.digest], data: value.data };
    }
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
