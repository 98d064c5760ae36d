import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

// Component tests render .astro files with the Container API, which needs Astro's Vite plugins.
// The main vitest.config.ts runs this as its "components" project.
export default getViteConfig({
  test: {
    name: 'components',
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    include: ['tests/unit/**/*.astro.test.ts'],
  },
});
