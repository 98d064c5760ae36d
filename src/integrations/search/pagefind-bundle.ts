import { gunzipSync } from 'node:zlib';

/**
 * Which files of a Pagefind bundle belong to its latest run. The output directory is kept
 * between builds, and Pagefind's indexer writes into the bundle it finds there: a file it
 * would write again is left in place (its name is a hash of its contents), and a file the
 * index no longer needs (the fragment of a page since changed) is left too. Emptying the
 * folder first would make every build create its ~1,200 files anew, which on this machine's
 * file system costs more than a second at 1,000 documents (creating files right after
 * deleting as many is slow in ext4). So the bundle is written in place, and what the run's
 * index does not name is removed afterwards.
 *
 * What the index names is read from its metadata file (`pagefind.<hash>.pf_meta`, named by
 * `pagefind-entry.json`): gzip of "pagefind_dcd" followed by CBOR, holding the hashes of every
 * fragment, index chunk and filter file.
 */

const SIGNATURE = 'pagefind_dcd';

/** What a Pagefind data file (a fragment, the metadata) holds after its signature, once
 * unzipped; undefined if it does not start with the signature. */
export function pagefindPayload(bytes: Uint8Array): Buffer | undefined {
  let data: Buffer;
  try {
    data = gunzipSync(bytes);
  } catch {
    data = Buffer.from(bytes);
  }
  const signed = data.subarray(0, SIGNATURE.length).toString('latin1') === SIGNATURE;
  return signed ? data.subarray(SIGNATURE.length) : undefined;
}

/** The folders of a bundle whose files are named by the metadata, and their extensions. */
const HASHED_FOLDERS: Readonly<Record<string, string>> = {
  fragment: '.pf_fragment',
  index: '.pf_index',
  filter: '.pf_filter',
};

/** `pagefind-entry.json`, as far as it matters here. */
export interface BundleEntry {
  languages: Record<string, { hash: string; page_count: number }>;
}

/** The metadata files the entry names, relative to the bundle. */
export function metaFiles(entry: BundleEntry): string[] {
  return Object.values(entry.languages).map((l) => `pagefind.${l.hash}.pf_meta`);
}

/**
 * Every text string in a metadata file: the hashes it names, among them the file names of the
 * bundle's fragments, chunks and filters. Strings rather than fields by position, so that a
 * rearranged layout still names its files; a changed container fails in decodeCbor().
 */
export function metaStrings(file: string, bytes: Uint8Array): Set<string> {
  const payload = pagefindPayload(bytes);
  if (payload === undefined) {
    throw new Error(
      `${file}: not Pagefind metadata as this build knows it (no "${SIGNATURE}" header); ` +
        'update src/integrations/search/pagefind-bundle.ts',
    );
  }
  const strings = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value instanceof Map) for (const [k, v] of value) (collect(k), collect(v));
  };
  collect(decodeCbor(file, payload));
  return strings;
}

/**
 * The files of the bundle (paths relative to it, "/"-separated) that its latest run does not
 * name: in the hashed folders, a file whose hash is not in the metadata; at the top, a metadata
 * file the entry does not name. Everything else at the top is written by every run.
 */
export function staleBundleFiles(
  files: readonly string[],
  entry: BundleEntry,
  named: ReadonlySet<string>,
): string[] {
  const metas = new Set(metaFiles(entry));
  return files.filter((file) => {
    const slash = file.indexOf('/');
    if (slash === -1) return file.endsWith('.pf_meta') && !metas.has(file);
    const extension = HASHED_FOLDERS[file.slice(0, slash)];
    if (extension === undefined || !file.endsWith(extension)) return false;
    return !named.has(file.slice(slash + 1, -extension.length));
  });
}

/** The number of pages the entry says the index holds, to check the fragments kept against. */
export function pageCount(entry: BundleEntry): number {
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/**
 * A CBOR value (RFC 8949), as far as Pagefind's metadata uses it: integers, strings, byte
 * strings, arrays, maps, tags, simple values and 32- or 64-bit floats, of definite length.
 * Throws, naming the file, at anything else or at a truncated file.
 */
export function decodeCbor(file: string, bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const fail = (problem: string): never => {
    throw new Error(`${file}: ${problem} at byte ${at} of its CBOR; see pagefind-bundle.ts`);
  };
  const need = (n: number) => {
    if (at + n > bytes.length) fail('truncated');
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) return fail(`unsupported length encoding ${info}`);
    need(size);
    const value =
      size === 1
        ? view.getUint8(at)
        : size === 2
          ? view.getUint16(at)
          : size === 4
            ? view.getUint32(at)
            : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): unknown => {
    need(1);
    const initial = view.getUint8(at++);
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22 || info === 23) return null;
      if (info === 26 || info === 27) {
        const size = info === 26 ? 4 : 8;
        need(size);
        const value = size === 4 ? view.getFloat32(at) : view.getFloat64(at);
        at += size;
        return value;
      }
      return fail(`unsupported simple value ${info}`);
    }
    const n = argument(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        need(n);
        const slice = bytes.subarray(at, at + n);
        at += n;
        return major === 2 ? slice : Buffer.from(slice).toString('utf8');
      }
      case 4:
        return Array.from({ length: n }, item);
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) map.set(item(), item());
        return map;
      }
      default:
        return item(); // a tag: its value stands for it
    }
  };
  const value = item();
  if (at !== bytes.length) fail('trailing bytes');
  return value;
}
