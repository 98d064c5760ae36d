import type { AstroIntegration } from 'astro';
import { withoutPageCopies, type PageCopies } from './without-copies.ts';

/**
 * Turns off the second copy of every page that Astro's incremental build keeps in its cache
 * directory (see without-copies.ts for why). Astro has no option for it: the copies are made by
 * its build cache's class, which is not among the package's exports, so it is imported by its
 * file in the installed package. If a later Astro moves or changes it, the build goes on with
 * the copies (a warning says so) and tests/unit/page-copies/ fails until this is looked at.
 */
export function pageCopiesOff(): AstroIntegration {
  return {
    name: 'briefing-page-copies-off',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const cache = await loadBuildCache();
        if (typeof cache === 'string') logger.warn(`page copies stay on: ${cache}`);
        else withoutPageCopies(cache);
      },
    },
  };
}

/** The file of Astro's build cache class, relative to the package's main entry (dist/index.js). */
export const BUILD_CACHE_MODULE = './core/build/incremental.js';

/** Astro's incremental build cache's prototype, or why it was not found. */
export async function loadBuildCache(): Promise<PageCopies | string> {
  const file = new URL(BUILD_CACHE_MODULE, import.meta.resolve('astro'));
  let module: { IncrementalBuildCache?: { prototype: Partial<PageCopies> } };
  try {
    module = await import(file.href);
  } catch {
    return `Astro has no ${BUILD_CACHE_MODULE} any more`;
  }
  const proto = module.IncrementalBuildCache?.prototype;
  if (
    typeof proto?.writeOutputFile !== 'function' ||
    typeof proto.restoreOutputFile !== 'function'
  ) {
    return `Astro's IncrementalBuildCache no longer has writeOutputFile() and restoreOutputFile()`;
  }
  return proto as PageCopies;
}
