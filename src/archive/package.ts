import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';

/** A file of the archive: its path inside the archive and its bytes. */
export interface ArchiveFile {
  path: string;
  bytes: Uint8Array;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** MANIFEST.sha256 in the format `sha256sum -c` reads: "<hash>  <path>", one file a line. */
export function manifest(files: readonly ArchiveFile[]): string {
  return [...files]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((f) => `${sha256(f.bytes)}  ${f.path}`)
    .join('\n')
    .concat('\n');
}

/** The note for whoever opens the archive. */
export function readme(options: {
  name: string;
  origin: string;
  date: string;
  folder: string;
}): string {
  return `${options.name}: offline copy
${'='.repeat(options.name.length + 14)}

Made on ${options.date} from the site published at ${options.origin}/.

Open ${options.folder}/index.html in a web browser. Everything works from disk, with no
server and no network: the documents, the entity pages, the timeline, the map and search
(an offline search index is built in; the online site uses Pagefind instead).

Links to paragraphs (#p-...) and sections work as on the site. Citations and "canonical"
addresses inside the pages name the published site, which is what a citation should keep.

MANIFEST.sha256 lists every file of ${options.folder}/ with its SHA-256 checksum. To check
the copy, from the folder holding this README:
    cd ${options.folder} && sha256sum -c ../MANIFEST.sha256

The same pages are also in a WARC file (the web-archive standard), each under its published
address, for web archives to ingest.
`;
}

/** A zip of the files; timestamps fixed to the archive's date so two runs on one day agree. */
export function zip(files: readonly ArchiveFile[], date: Date): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) tree[f.path] = [f.bytes, { mtime: date }];
  return zipSync(tree, { level: 9 });
}

export { strToU8 };
