import type { APIRoute } from 'astro';
import { SITE } from '../../config/site';
import { renderCard } from '../../lib/cards/render';
import { siteCard } from '../../lib/cards/spec';

// The card of every page that has none of its own, at SITE_CARD_PATH.
export const GET: APIRoute = async () => {
  const png = await renderCard(siteCard(SITE.name, SITE.description, SITE.origin));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
