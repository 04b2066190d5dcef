import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['./test/globalSetup.ts'],
    setupFiles: ['./test/setup.ts'],
    include: ['test/**/*.test.ts'],
    // The packed-package checks run on their own (`pnpm test:packages`).
    exclude: ['test/packages/**', '**/node_modules/**'],
    // Each file has its own chain (test/setup.ts), so files run side by side. Most of a file's
    // time is spent in the prime processes it starts and waits for: two at once keep both cores
    // busy (vitest would take one on a 2-core machine).
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
})
