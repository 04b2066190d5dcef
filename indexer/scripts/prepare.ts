import { buildSdk } from '@prime-network/localnet'

// The indexer's config and tests import @prime-network/sdk from sdk/dist: build it when stale.
await buildSdk({ sink: process.stderr })
