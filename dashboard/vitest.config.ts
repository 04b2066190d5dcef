import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One chain, story, indexer and app for the whole suite, started by the same code as `pnpm dashboard`.
    globalSetup: ['test/globalSetup.ts'],
    // One browser, one page at a time: the suite shares a chain whose state the tests move forward.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
