import { buildSdk } from '@prime-network/localnet'

// The dashboard, its start script and its tests import @prime-network/sdk from sdk/dist.
await buildSdk({ sink: process.stderr })
