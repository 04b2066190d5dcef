import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the built files work from any folder a web server puts them in.
  base: './',
  resolve: {
    alias: {
      // The hooks from source, so `pnpm dashboard` on a fresh clone needs one package build (the
      // SDK's, from its dist as users get it), not two. The hooks' own package build, with its
      // declarations, runs in their tests.
      '@prime-network/react': fileURLToPath(new URL('../react/src/index.ts', import.meta.url)),
    },
    // One copy of each context-holding library, whether imported here or by the hooks' source.
    dedupe: ['react', 'react-dom', 'wagmi', '@tanstack/react-query', 'viem'],
  },
  optimizeDeps: {
    // Known up front, so the dev server never reloads a page to add a dependency it discovered.
    include: [
      'react',
      'react-dom/client',
      'react/jsx-runtime',
      'wagmi',
      'wagmi/actions',
      'viem',
      'viem/actions',
      '@tanstack/react-query',
      '@tanstack/react-virtual',
      '@prime-network/sdk',
      '@prime-network/sdk/query',
      '@prime-network/sdk/explain',
      '@ponder/client',
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 1000 },
})
