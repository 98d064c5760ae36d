import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { frontmatterField } from '../lib/documents-loader/entry-file.ts';

/**
 * The URL contract: every URL the site has published is recorded in published.json (written by
 * `npm run urls:record`, committed), and a URL that no longer resolves must be covered by a
 * redirect. A document whose slug changes gets its redirect automatically: the record knows which
 * source each document URL was made from, and the build maps the old slug to the new one.
 */

export interface PublishedRecord {
  /** Document slug → the source file (sources/<file>) the page was made from. */
  documents: Record<string, string>;
  /** Every published URL path, with fragments for the paragraph and heading anchors. */
  urls: string[];
}

/** Document slugs the record knows that now live under another slug (same source file). */
export function renamedDocuments(
  recorded: Record<string, string>,
  current: Record<string, string>,
): Map<string, string> {
  const slugOfSource = new Map(Object.entries(current).map(([slug, file]) => [file, slug]));
  const renamed = new Map<string, string>();
  for (const [oldSlug, file] of Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b))) {
    const now = slugOfSource.get(file);
    if (current[oldSlug] === undefined && now !== undefined && now !== oldSlug) {
      renamed.set(oldSlug, now);
    }
  }
  return renamed;
}

/** Redirects from document slugs the record knows to the slug their source has now. */
export function slugRedirects(
  recorded: Record<string, string>,
  current: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    [...renamedDocuments(recorded, current)].map(([from, to]) => [
      `/documents/${from}/`,
      `/documents/${to}/`,
    ]),
  );
}

/** Editorial data (timeline, briefing) names documents by slug; after a rename, the old slug in
 * its `document:` fields is read as the new one, so renaming an entry needs no other edit. */
export function followRenames(yamlText: string, renamed: ReadonlyMap<string, string>): string {
  return yamlText.replace(
    /^(\s*-?\s*document:\s*)(['"]?)([a-z0-9-]+)\2\s*$/gm,
    (line, key: string, quote: string, slug: string) =>
      renamed.has(slug) ? `${key}${quote}${renamed.get(slug)}${quote}` : line,
  );
}

/** The ingest writes `file:` as the first line under `source:`. */
const SOURCE_FILE_LINE = /^source:\n {2}file: ([^\n]+)$/m;

/** An entry's source file. Read from its one line where the ingest put it: this runs on every
 * build, for every entry, and parsing the whole source block (with its omitted lines) took
 * 0.2-0.7 s at 1,000 documents. A hand-edited entry is parsed in full. */
export function sourceFileOf(text: string): string | undefined {
  const line = SOURCE_FILE_LINE.exec(text)?.[1];
  // A plain name as the ingest writes it; anything YAML could read otherwise is parsed.
  if (line !== undefined && /^[\w.-]+$/.test(line)) return line;
  const source = frontmatterField(text, 'source') as { file?: string } | undefined;
  return source?.file;
}

/** Slug → source file of the entries in src/content/documents, read from their frontmatter. */
export function currentDocuments(documentsDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(documentsDir).sort()) {
    if (!name.endsWith('.mdx')) continue;
    const file = sourceFileOf(readFileSync(path.join(documentsDir, name), 'utf8'));
    if (file) out[name.replace(/\.mdx$/, '')] = file;
  }
  return out;
}

export function readRecord(file: string): PublishedRecord {
  if (!existsSync(file)) return { documents: {}, urls: [] };
  return JSON.parse(readFileSync(file, 'utf8')) as PublishedRecord;
}

/** Every redirect the build makes: the editors' (redirects.json) and those for changed slugs. */
export function siteRedirects(root: string): Record<string, string> {
  const dir = path.join(root, 'src/urls');
  const manual = existsSync(path.join(dir, 'redirects.json'))
    ? (JSON.parse(readFileSync(path.join(dir, 'redirects.json'), 'utf8')) as Record<string, string>)
    : {};
  const record = readRecord(path.join(dir, 'published.json'));
  const pages = Object.fromEntries(Object.entries(manual).filter(([from]) => !from.includes('#')));
  return {
    ...slugRedirects(record.documents, currentDocuments(path.join(root, 'src/content/documents'))),
    ...pages,
  };
}

/** Page numbers the record holds for each paginated list under `prefix` ("/entities/"), by the
 * list's id: `/entities/nato/mentions/3/` is page 3 of nato's. */
export function recordedPageNumbers(
  urls: readonly string[],
  prefix: string,
  list: string,
): Map<string, number[]> {
  const pattern = new RegExp(`^${prefix}([^/]+)/${list}/(\\d+)/$`);
  const pages = new Map<string, number[]>();
  for (const url of urls) {
    const m = pattern.exec(url);
    if (m) pages.set(m[1]!, [...(pages.get(m[1]!) ?? []), Number(m[2])]);
  }
  return pages;
}
