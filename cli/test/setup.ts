import { type Anvil, startAnvil } from '@prime-network/localnet'
import { afterAll, beforeAll, inject } from 'vitest'
import { useChain } from './prime.js'

// Each test file runs on its own copy of the deployed chain (same addresses, blocks and logs),
// started from the state test/globalSetup.ts saved: a second instead of a deployment, and files
// can run side by side without racing for the dev accounts' nonces or changing each other's
// network parameters and time.
let chain: Anvil | undefined

beforeAll(async () => {
  chain = await startAnvil({ state: inject('chainState') })
  useChain(chain.rpcUrl)
})

afterAll(async () => {
  await chain?.stop()
})
