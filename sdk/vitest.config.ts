import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The README's example imports the package by name; tests run it against the sources.
  resolve: {
    alias: [
      {
        find: /^@prime-network\/sdk\/abis$/,
        replacement: fileURLToPath(new URL('./src/contracts.ts', import.meta.url)),
      },
      {
        find: /^@prime-network\/sdk$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    globalSetup: ['./test/globalSetup.ts'],
    // All files share one anvil; each file snapshots and reverts it, so they run one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The type tests (src/**/*.test-d.ts) are checked by the `tsc --noEmit` that `pnpm test` runs
    // first, over the same tsconfig: a wrong type fails that compile. Vitest's typecheck mode ran
    // the same compile a second time.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/generated/**', 'src/**/*.test.ts', 'src/**/*.test-d.ts'],
      thresholds: { lines: 90 },
      reporter: ['text', 'json-summary'],
    },
  },
})
