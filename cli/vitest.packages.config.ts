import { defineConfig } from 'vitest/config'

// `pnpm test:packages`: the packed packages as users install them (see test/packages/).
export default defineConfig({
  test: {
    globalSetup: ['./test/globalSetup.ts'],
    include: ['test/packages/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
})
