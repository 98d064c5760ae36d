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

/** Paths of the routes other modules link to, relative to the base. */
export const paths = {
  home: '',
  documents: 'documents/',
  documentsOldest: 'documents/oldest/',
  documentsByType: 'documents/by-type/',
  document: (id: string) => `documents/${id}/`,
  /** A paragraph or heading of a document, by its id: `documents/x/#p-3fa2c1`. */
  block: (documentId: string, blockId: string) => `documents/${documentId}/#${blockId}`,
  entities: 'entities/',
  /** A kind's index, by the slug of its plural: `entities/organizations/`. */
  entityKind: (slug: string) => `entities/${slug}/`,
  entity: (id: string) => `entities/${id}/`,
  timeline: 'timeline/',
  timelineEvent: (id: string) => `timeline/#${id}`,
  search: 'search/',
} as const;
