import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // Hooks live beside their peers: nothing of React, wagmi, TanStack or the SDK is bundled.
  external: ['react', 'wagmi', '@tanstack/react-query', 'viem', /^@prime-network\/sdk/],
})
