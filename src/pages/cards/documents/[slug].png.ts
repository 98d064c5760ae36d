import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../config/site';
import { cardBytes, renderCardsAhead } from '../../../lib/cards/render-ahead';
import { isCardCached } from '../../../lib/cards/render';
import { documentCard } from '../../../lib/cards/spec';
import { getDocuments, type DocumentEntry } from '../../../lib/documents';
import { pageCacheKey } from '../../../lib/page-cache-key';

// One link-preview card per document, at the path cardPathForDocument() gives.
export const getStaticPaths = (async () => {
  const docs = await getDocuments();
  const cards = docs.map((doc) => documentCard(doc.data, SITE.name));
  // Drawn on other threads from now on, while the build works out the rest. Cached cards are
  // not handed over: on a rebuild that is nearly all of them, and starting the workers to read
  // them back would take the second core from the build for nothing.
  const cached = await Promise.all(cards.map(isCardCached));
  renderCardsAhead(cards.filter((_, i) => !cached[i]));
  return docs.map((doc, i) => ({
    params: { slug: doc.id },
    props: { doc },
    cacheKey: pageCacheKey(cards[i]),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: DocumentEntry }> = async ({ props }) => {
  const png = await cardBytes(documentCard(props.doc.data, SITE.name));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
