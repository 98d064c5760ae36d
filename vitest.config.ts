import { defineConfig } from 'vitest/config';

// Unit tests: pure functions of the pipeline, on fixtures made from the real documents.
// Tests named *.astro.test.ts render .astro components and run with Astro's Vite config.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.astro.test.ts'],
          // Some tests run the ingest CLI or `astro sync` as a process; CI machines can be slow.
          testTimeout: 30_000,
        },
      },
      'tests/unit/map/vitest.config.ts',
    ],
  },
});
