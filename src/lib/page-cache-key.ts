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
 * Maps and Sets are hashed as their entries, in order; everything else as JSON.
 */
export function pageCacheKey(...data: unknown[]): string {
  const json = JSON.stringify([SITE.origin, SITE.base, ...data], (_key, value: unknown) =>
    value instanceof Map ? { map: [...value] } : value instanceof Set ? { set: [...value] } : value,
  );
  return createHash('sha256').update(json).digest('base64url');
}
