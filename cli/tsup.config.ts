import { join } from 'node:path'
import { defineConfig } from 'tsup'
import { writeNotices } from './scripts/notices.js'

export default defineConfig({
  entry: { prime: 'src/prime.ts' },
  format: ['esm'],
  clean: true,
  // One file: viem's lazily imported modules (CCIP, secp256k1) come inline rather than as chunks.
  splitting: false,
  // Every dependency is bundled: a `prime` process parses one file holding only the code it uses,
  // instead of resolving viem's and the SDK's hundreds of modules at start. `prime --version`
  // went from 0.44 s to 0.19 s, and installing the package fetches nothing else.
  noExternal: [/.*/],
  // The CommonJS dependencies (commander, cli-table3, picocolors) call `require` for Node's
  // built-ins, which an ES module does not have.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // Source maps let the spawn-based tests map V8 coverage of dist/prime.js back to src/. Without the
  // sources' text: under NODE_V8_COVERAGE, Node copies the whole map into every process's coverage
  // file, and c8 reads the sources from disk anyway.
  sourcemap: true,
  esbuildOptions(options) {
    options.sourcesContent = false
    options.metafile = true
  },
  // The bundled packages' licenses, beside the bundle (scripts/notices.ts).
  esbuildPlugins: [
    {
      name: 'third-party-notices',
      setup(build) {
        build.onEnd(({ metafile }) => {
          if (metafile)
            writeNotices(
              metafile,
              import.meta.dirname,
              join(import.meta.dirname, 'dist/THIRD-PARTY-NOTICES.md'),
            )
        })
      },
    },
  ],
  target: 'node20',
  platform: 'node',
})
