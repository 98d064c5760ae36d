import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { manifest, readme, strToU8, zip, type ArchiveFile } from './package.ts';
import { relativizeCss, relativizeHtml } from './relative-links.ts';
import { contentTypeOf, publishedUrl, warc } from './warc.ts';

export interface ArchiveOptions {
  /** The built site (dist/). */
  distDir: string;
  /** The publication's name, canonical origin (no trailing slash) and base ("/" or "/x/"). */
  name: string;
  origin: string;
  base: string;
  /** The day the archive is made; names the files and dates the records. */
  date: Date;
}

export interface Archive {
  /** File names for the outputs: "<slug>-<YYYY-MM-DD>.zip" and ".warc.gz". */
  zipName: string;
  warcName: string;
  zip: Uint8Array;
  warc: Uint8Array;
  /** The site's files as they are in the zip (links made relative), under `folder`. */
  files: ArchiveFile[];
  folder: string;
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Makes the offline copy (a zip that works from disk) and the WARC of a built site. */
export async function makeArchive(options: ArchiveOptions): Promise<Archive> {
  const { distDir, base } = options;
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir}: no index.html; build the site first (npm run build)`);
  }
  const day = options.date.toISOString().slice(0, 10);
  const stem = `${slug(options.name)}-${day}`;
  const folder = stem;
  const paths = listFiles(distDir);
  const present = new Set(paths);
  const exists = (p: string) => present.has(p);

  const original: ArchiveFile[] = paths.map((p) => ({
    path: p,
    bytes: new Uint8Array(readFileSync(path.join(distDir, p))),
  }));
  const decoder = new TextDecoder();
  const site: ArchiveFile[] = original.map((f) => {
    if (f.path.endsWith('.html')) {
      return {
        path: f.path,
        bytes: strToU8(relativizeHtml(decoder.decode(f.bytes), f.path, base, exists)),
      };
    }
    if (f.path.endsWith('.css')) {
      return {
        path: f.path,
        bytes: strToU8(relativizeCss(decoder.decode(f.bytes), f.path, base, exists)),
      };
    }
    return f;
  });

  const zipped = zip(
    [
      ...site.map((f) => ({ path: `${folder}/${f.path}`, bytes: f.bytes })),
      {
        path: 'README.txt',
        bytes: strToU8(
          readme({
            name: options.name,
            origin: options.origin + base.replace(/\/$/, ''),
            date: day,
            folder,
          }),
        ),
      },
      { path: 'MANIFEST.sha256', bytes: strToU8(manifest(site)) },
    ],
    options.date,
  );
  const warcBytes = await warc(
    original.map((f) => ({
      url: publishedUrl(f.path, options.origin, base),
      contentType: contentTypeOf(f.path),
      bytes: f.bytes,
    })),
    { filename: `${stem}.warc.gz`, date: options.date, software: `${options.name} archive` },
  );
  return {
    zipName: `${stem}.zip`,
    warcName: `${stem}.warc.gz`,
    zip: zipped,
    warc: warcBytes,
    files: site,
    folder,
  };
}
