import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { prime: 'src/prime.ts' },
  format: ['esm'],
  clean: true,
  // Source maps let the spawn-based tests map V8 coverage of dist/prime.js back to src/.
  sourcemap: true,
  target: 'node20',
  platform: 'node',
})
