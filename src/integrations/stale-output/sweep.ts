/**
 * Which files of the output directory a build left over from an earlier one. The output
 * directory is kept between builds (astro.config.mjs), so that the pages an incremental build
 * reuses stay where they are instead of being deleted and copied back; what the earlier build
 * published and this one did not (a removed document's page, a list page that no longer
 * exists) must then go.
 *
 * A file belongs to this build if this build wrote it (it is newer than the build's start) or
 * reused it (Astro lists every reused page among the build's output files). Anything else is
 * stale. Modification times are compared with a second's margin, because some file systems
 * keep them to the second: a file this build wrote in its first second must not look older
 * than the build.
 */

export interface OutputFile {
  /** Path relative to the output directory, with "/" separators. */
  path: string;
  mtimeMs: number;
}

/** Names at the top of the output directory that are never the build's: a deployment's own
 * repository (as Astro's own emptying of the directory spares it). */
const SPARED = new Set(['.git']);

export const MTIME_MARGIN_MS = 1000;

/**
 * `writtenLater` names what a step after the sweep writes again on every build (the search
 * index: a folder, ending in "/", or a file): it is not stale, only not written yet.
 */
export function staleFiles(
  files: readonly OutputFile[],
  buildStartedMs: number,
  reused: ReadonlySet<string>,
  writtenLater: readonly string[] = [],
): string[] {
  const before = buildStartedMs - MTIME_MARGIN_MS;
  const later = (file: string) =>
    writtenLater.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
  return files
    .filter((f) => f.mtimeMs < before && !reused.has(f.path))
    .filter((f) => !SPARED.has(f.path.split('/')[0]!) && !later(f.path))
    .map((f) => f.path);
}
