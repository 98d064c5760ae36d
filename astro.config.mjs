import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { SITE } from './src/config/site.ts';

// Canonical origin and base come from the one site config (overridable by SITE_ORIGIN and
// SITE_BASE), so links, assets and canonical URLs agree.
export default defineConfig({
  site: SITE.origin,
  base: SITE.base,
  trailingSlash: 'always',
  integrations: [mdx()],
});
