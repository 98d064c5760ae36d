import type { APIRoute } from 'astro';
import { canonicalUrl } from '../lib/urls';

// Everything may be crawled; the sitemap (written by @astrojs/sitemap) lists every page.
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${canonicalUrl('sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
