import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../config/site';
import { renderCard } from '../../../lib/cards/render';
import { documentCard } from '../../../lib/cards/spec';
import { getDocuments, type DocumentEntry } from '../../../lib/documents';
import { pageCacheKey } from '../../../lib/page-cache-key';

// One link-preview card per document, at the path cardPathForDocument() gives.
export const getStaticPaths = (async () => {
  const docs = await getDocuments();
  return docs.map((doc) => ({
    params: { slug: doc.id },
    props: { doc },
    cacheKey: pageCacheKey(documentCard(doc.data, SITE.name)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: DocumentEntry }> = async ({ props }) => {
  const png = await renderCard(documentCard(props.doc.data, SITE.name));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
