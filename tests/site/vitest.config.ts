import { defineConfig } from 'vitest/config';

// Tests of the built site in dist/: static checks and Chromium. Run after `astro build`.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/site/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
