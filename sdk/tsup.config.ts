import { defineConfig } from 'tsup'

const shared = {
  target: 'es2022',
  sourcemap: true,
  // Keep `node:` specifiers: a bundler for the browser then knows `loadDeployment`'s file read is
  // Node's and leaves it alone.
  removeNodeProtocol: false,
} as const

/**
 * The package's entry points: `.`, `./abis` (the full contract ABIs), `./query` (query options
 * for any query cache; no framework inside) and `./explain` (errors and figures in words people
 * read).
 */
const entries = {
  index: 'src/index.ts',
  contracts: 'src/contracts.ts',
  'query/index': 'src/query/index.ts',
  'explain/index': 'src/explain/index.ts',
}

export default defineConfig([
  {
    // ESM ships unbundled, one file per source module: a dApp's bundler then keeps only the
    // modules it imports. A single bundled file would reach every action through the decorator's
    // namespace object, and no bundler could drop any of them.
    ...shared,
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts'],
    bundle: false,
    format: ['esm'],
    // One declaration file per entry point, beside each format's entry.
    dts: { entry: entries },
  },
  {
    // CommonJS consumers (require) get one file: Node loads it whole either way.
    ...shared,
    entry: entries,
    format: ['cjs'],
    dts: { entry: entries },
    treeshake: true,
  },
])
