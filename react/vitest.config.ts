import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

const sdk = join(import.meta.dirname, '../sdk/src')

export default defineConfig({
  resolve: {
    // The hooks are tested against the SDK's sources, so a change to either is tested at once.
    alias: [
      { find: /^@prime-network\/sdk\/query$/, replacement: join(sdk, 'query/index.ts') },
      { find: /^@prime-network\/sdk$/, replacement: join(sdk, 'index.ts') },
      // The README's example imports the package by name.
      { find: /^@prime-network\/react$/, replacement: join(import.meta.dirname, 'src/index.ts') },
    ],
  },
  test: {
    environment: 'happy-dom',
    globalSetup: ['./test/globalSetup.ts'],
    include: ['test/**/*.test.tsx'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    coverage: { provider: 'v8', include: ['src/**'], reporter: ['text-summary'] },
  },
})
