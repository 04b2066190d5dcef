import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts its own anvil; one at a time so two forge runs never share the build cache.
    fileParallelism: false,
    // deploy.sh may compile on a cold cache.
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
})
