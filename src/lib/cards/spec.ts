import type { DocumentData } from '../../content/schema.ts';
import type { EntityKind } from '../../content/entity-schema.ts';
import { displayDate } from '../dates.ts';
import { kindLabel } from '../entity-pages.ts';
import { typeLabel } from '../labels.ts';

/**
 * What a card says, as plain text: the renderer lays it out, the page's `og:image:alt` reads
 * it back. The same facts as the page's header, with the same honesty: an inferred date says
 * "about", an inferred publisher says so, a missing one is named as missing.
 */
export interface CardSpec {
  /** Small capitals above the title: type and date, or the index's name. */
  kicker: string;
  title: string;
  /** One line under the title: the publisher, or what the page is. */
  detail?: string;
  /** The publication's name, at the foot. */
  footer: string;
}

/** The fields of an entry a card shows (a collection entry's data fits too). */
export type CardData = Pick<DocumentData, 'title' | 'type' | 'publisher' | 'published'>;

export function documentCard(data: CardData, siteName: string): CardSpec {
  const publisher = data.publisher
    ? `${data.publisher.name}${data.publisher.origin === 'source' ? '' : ' (inferred)'}`
    : 'Publisher not named in the source';
  return {
    kicker: `${typeLabel(data.type)} · ${displayDate(data.published).text}`,
    title: data.title,
    detail: publisher,
    footer: siteName,
  };
}

export function kindCard(kind: EntityKind, siteName: string): CardSpec {
  return {
    kicker: 'Index',
    title: kindLabel(kind, 2),
    detail: `The ${kindLabel(kind, 2).toLowerCase()} the documents name`,
    footer: siteName,
  };
}

/** The card of every page without its own: the name, what it is, and where it lives. */
export function siteCard(siteName: string, description: string, origin: string): CardSpec {
  return { kicker: 'Briefing', title: siteName, detail: description, footer: new URL(origin).host };
}

/** The card's text in reading order, for `og:image:alt`. */
export function cardAlt(spec: CardSpec): string {
  const parts = [spec.kicker, spec.title, spec.detail, spec.footer].filter(Boolean) as string[];
  return parts.map((p) => (/[.?!]$/.test(p.trim()) ? p.trim() : `${p.trim()}.`)).join(' ');
}
