import { SITE } from '../config/site';

/**
 * Every internal link goes through here, so that changing `SITE.base` moves the whole site.
 * Paths are written relative to the base, without a leading slash: `documents/`, `documents/x/`.
 */

/** Joins a base ("/" or "/briefing/") and a path relative to it. */
export function joinBase(base: string, path: string): string {
  return base + path.replace(/^\/+/, '');
}

/** The site-relative href of a page: `href('documents/')` is `/documents/` under base `/`. */
export function href(path: string): string {
  return joinBase(SITE.base, path);
}

/** The absolute canonical URL of a page. */
export function canonicalUrl(path: string): string {
  return SITE.origin + href(path);
}

/**
 * Page `n` of a list in pages: the list's own path for the first, so that the URL of an index
 * stays the same as it grows into pages; `<first>page/<n>/` after it.
 */
export function listPage(first: string, n: number, segment = 'page'): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`page numbers start at 1: ${n}`);
  return n === 1 ? first : `${first}${segment}/${n}/`;
}

/** Paths of the routes other modules link to, relative to the base. */
export const paths = {
  home: '',
  documents: 'documents/',
  documentsOldest: 'documents/oldest/',
  documentsByType: 'documents/by-type/',
  /** Page `n` of all documents, newest first: `documents/`, `documents/page/2/`. */
  documentsPage: (n: number) => listPage('documents/', n),
  /** Page `n` of all documents, oldest first: `documents/oldest/page/2/`. */
  documentsOldestPage: (n: number) => listPage('documents/oldest/', n),
  /** Page `n` of the documents of one type, newest first: `documents/by-type/commentary/`. */
  documentsOfType: (type: string, n = 1) => listPage(`documents/by-type/${type}/`, n),
  document: (id: string) => `documents/${id}/`,
  /** A paragraph or heading of a document, by its id: `documents/x/#p-3fa2c1`. */
  block: (documentId: string, blockId: string) => `documents/${documentId}/#${blockId}`,
  entities: 'entities/',
  /** A kind's index, by the slug of its plural: `entities/organizations/`. */
  entityKind: (slug: string) => `entities/${slug}/`,
  entity: (id: string) => `entities/${id}/`,
  /** Page `n` of the sentences naming an entity: the first is on the entity's page, at its
   * heading; later ones at `entities/nato/mentions/2/`. */
  entityMentions: (id: string, n: number) =>
    n === 1 ? `entities/${id}/#mentions-heading` : listPage(`entities/${id}/`, n, 'mentions'),
  timeline: 'timeline/',
  timelineEvent: (id: string) => `timeline/#${id}`,
  search: 'search/',
} as const;
