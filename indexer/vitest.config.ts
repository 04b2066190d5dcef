import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    // Each file runs its own indexer on its own copy of the chain deployed once by the global
    // setup, so files run side by side: two at once (vitest would take one on a 2-core machine),
    // as much of an indexer's time goes to waiting for blocks and polls.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
})
