import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../config/site';
import { entityKinds, type EntityKind } from '../../../content/entity-schema';
import { renderCard } from '../../../lib/cards/render';
import { kindCard } from '../../../lib/cards/spec';

// One link-preview card per entity kind index, at the path cardPathForKind() gives.
export const getStaticPaths = (() =>
  entityKinds.map((kind) => ({ params: { kind } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const png = await renderCard(kindCard(params.kind as EntityKind, SITE.name));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
