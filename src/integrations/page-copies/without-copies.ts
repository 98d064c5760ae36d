/**
 * Astro's incremental build (experimental.incrementalBuild in astro.config.mjs) writes every page
 * it renders twice: into the output directory, and as a copy in its cache directory
 * (node_modules/.astro/dist/), which it copies back at the next build if the page is then
 * missing from the output directory. This build keeps its output directory between builds, so
 * the copies are only ever read after someone deletes dist/ by hand; and making them was the
 * costliest part of page generation: a directory and a file created for each page (3,779 at
 * 1,000 documents), about 0.3 ms of system time each on the benchmark's machine, competing
 * for its two cores with the rendering. Clean builds of 1,000 documents took 2-3 s less
 * without them.
 *
 * Without copies, a page missing from the output directory is rendered again, as in a clean
 * build. No copy is ever restored, not even one an earlier build left: it may be older than
 * the page it stands for.
 */

/** What of Astro's IncrementalBuildCache this changes (its prototype). */
export interface PageCopies {
  writeOutputFile(...args: unknown[]): Promise<void>;
  restoreOutputFile(...args: unknown[]): Promise<boolean>;
}

/** Makes the build cache keep no copy of a page, and restore none. */
export function withoutPageCopies(cache: PageCopies): void {
  cache.writeOutputFile = async () => {};
  cache.restoreOutputFile = async () => false;
}
