import { parseDocument } from 'htmlparser2';
import { findAll, findOne } from 'domutils';
import type { PublishedRecord } from './redirects.ts';

/** A built file as the record sees it: its path under dist/ and, for pages, its HTML. */
export interface BuiltFile {
  path: string;
  html?: string;
}

/** Files whose names change with every build by design (hashed assets, the search index) are not
 * URLs anyone links to; everything else the site serves is. */
export function isPublishedFile(file: string): boolean {
  return !/^(_astro|pagefind)\//.test(file) && !/\.(tmp|map)$/.test(file);
}

/** "documents/x/index.html" → "/documents/x/"; other files keep their path. */
export function urlOf(file: string, base: string): string {
  return base + (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file);
}

/** True for a page Astro made for a redirect: it only refreshes to another URL. */
export function isRedirectPage(html: string): boolean {
  return /<meta http-equiv="refresh"/i.test(html) && !/<main[\s>]/i.test(html);
}

/** The anchors a reader can share from a document page: its headings and paragraphs. */
export function documentAnchors(html: string): string[] {
  const dom = parseDocument(html);
  const body = findOne(
    (e) => e.attribs.class?.split(/\s+/).includes('text') ?? false,
    dom.children,
  );
  if (!body) return [];
  return findAll((e) => (e.name === 'p' || e.name === 'h2') && !!e.attribs.id, body.children).map(
    (e) => e.attribs.id!,
  );
}

/** Adds what the built site publishes now to the record; nothing is ever taken out, because a
 * URL once published must keep resolving (or be redirected). */
export function recordUrls(
  previous: PublishedRecord,
  built: readonly BuiltFile[],
  documents: Record<string, string>,
  base: string,
): PublishedRecord {
  const urls = new Set(previous.urls);
  for (const file of built) {
    if (!isPublishedFile(file.path)) continue;
    if (file.html !== undefined && isRedirectPage(file.html)) continue;
    const url = urlOf(file.path, base);
    urls.add(url);
    if (file.html !== undefined && /^documents\/[^/]+\/index\.html$/.test(file.path)) {
      for (const id of documentAnchors(file.html)) urls.add(`${url}#${id}`);
    }
  }
  return {
    documents: Object.fromEntries(
      Object.entries({ ...previous.documents, ...documents }).sort(([a], [b]) =>
        a.localeCompare(b),
      ),
    ),
    urls: [...urls].sort(),
  };
}
