import { defineConfig } from 'vitest/config';

// Unit tests: pure functions of the pipeline, on fixtures made from the real documents.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
  },
});
