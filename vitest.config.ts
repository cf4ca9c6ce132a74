import { defineConfig } from 'vitest/config';

// Two projects: `unit` (fast, Node) and `browser` (real Chromium and Firefox with the built
// extension; scripts/test.js builds first). Browser files run one at a time: two cores, two browsers.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Tests assert behaviour, never time; a busy 2-core machine must not turn a slow one red.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
