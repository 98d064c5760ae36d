import type { EntityKind } from '../../content/entity-schema.ts';

/**
 * Where the link-preview card images are built, relative to the base (as in `paths` in
 * src/lib/urls.ts): one per document, one per entity kind index, and one for every other page.
 * The endpoints under src/pages/cards/ build exactly these files.
 */

/** Every card is 1200x630, the size Open Graph and Twitter's large card expect. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** A card for a page's head: where it is and what it says, for `og:image:alt`. */
export interface CardImage {
  /** Path relative to the base: `cards/documents/x.png`. */
  path: string;
  alt: string;
}

export function cardPathForDocument(id: string): string {
  return `cards/documents/${id}.png`;
}

export function cardPathForKind(kind: EntityKind): string {
  return `cards/entities/${kind}.png`;
}

export const SITE_CARD_PATH = 'cards/site.png';
