import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['./test/globalSetup.ts'],
    include: ['test/**/*.test.ts'],
    // The packed-package checks run on their own (`pnpm test:packages`).
    exclude: ['test/packages/**', '**/node_modules/**'],
    // One anvil for all files; each file uses its own dev accounts, and they run one at a time
    // so two files never race for a nonce.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
})
