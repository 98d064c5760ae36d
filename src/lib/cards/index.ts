import { SITE } from '../../config/site.ts';
import type { EntityKind } from '../../content/entity-schema.ts';
import { cardPathForDocument, cardPathForKind, SITE_CARD_PATH, type CardImage } from './paths.ts';
import { cardAlt, documentCard, kindCard, siteCard, type CardData } from './spec.ts';

/** The card a page passes to BaseLayout (`card`): where it is and its text as alt. */

export function documentCardImage(id: string, data: CardData): CardImage {
  return { path: cardPathForDocument(id), alt: cardAlt(documentCard(data, SITE.name)) };
}

/** For an entity kind's index page: `<BaseLayout card={kindCardImage(kind)}>`. */
export function kindCardImage(kind: EntityKind): CardImage {
  return { path: cardPathForKind(kind), alt: cardAlt(kindCard(kind, SITE.name)) };
}

/** The card of every page without its own. */
export function siteCardImage(): CardImage {
  return {
    path: SITE_CARD_PATH,
    alt: cardAlt(siteCard(SITE.name, SITE.description, SITE.origin)),
  };
}
