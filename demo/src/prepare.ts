import { buildSdk } from '@prime-network/localnet'

// Builds sdk/dist before the demo's type check and tests (they import the built SDK).
await buildSdk({ sink: process.stdout, force: process.argv.includes('--rebuild') })
