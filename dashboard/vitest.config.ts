import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        // Error notes, tables, the member list, routes, runway: in-process, no chain.
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}'] },
      },
      {
        test: {
          name: 'browser',
          include: ['test/**/*.test.ts'],
          // One chain, story, indexer and app for the whole suite, started by the same code as
          // `pnpm dashboard`.
          globalSetup: ['test/globalSetup.ts'],
          // One browser, one page at a time: the suite shares a chain the tests move forward.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
