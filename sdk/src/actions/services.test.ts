import { createWalletClient, http, nonceManager, parseEther, publicActions } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { federator, primeClient, rpcUrl, snapshot, testClient } from '../../test/utils.js'
import { primeNetworkActions } from '../decorators/primeNetwork.js'
import type { WriteProgress } from '../internal/utils.js'

// A service's hot key: viem's nonce manager hands out nonces locally, so concurrent writes from
// one account do not all read the same pending nonce.
const service = privateKeyToAccount(generatePrivateKey(), { nonceManager })
const client = createWalletClient({
  account: service,
  chain: anvil,
  pollingInterval: 50,
  transport: http(rpcUrl),
})
  .extend(publicActions)
  .extend(primeNetworkActions())
const manager = privateKeyToAccount(generatePrivateKey()).address

let domainId: bigint
let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
  await testClient.setBalance({ address: service.address, value: parseEther('10') })
  ;({ domainId } = await primeClient(federator).createDomain({
    name: 'd',
    domainParametersURI: '',
  }))
})
afterAll(async () => {
  await testClient.setAutomine(true)
  await restore()
})

describe('services under load', () => {
  test('20 writes fired at once from one account all land', async () => {
    const before = await client.getNetworkSnapshot()
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.createPool({ domainId, computeManagerKey: manager, name: `p${i}`, poolDataURI: '' }),
      ),
    )
    const ids = created.map(({ poolId }) => poolId).sort((a, b) => (a < b ? -1 : 1))
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => before.poolCount + 1n + BigInt(i)))
    expect(created.every(({ receipt }) => receipt.status === 'success')).toBe(true)
    const nonces = await Promise.all(
      created.map(async ({ hash }) => (await client.getTransaction({ hash })).nonce),
    )
    expect(new Set(nonces).size).toBe(20)
    expect((await client.getNetworkSnapshot()).poolCount).toBe(before.poolCount + 20n)
  })

  test('progress is reported, and confirmations wait for blocks on top', async () => {
    const progress: WriteProgress['status'][] = []
    await testClient.setAutomine(false)
    const pending = client.createPool({
      domainId,
      computeManagerKey: manager,
      name: 'confirmed',
      poolDataURI: '',
      confirmations: 3,
      onProgress: ({ status }) => progress.push(status),
    })
    while (!progress.includes('sent')) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(progress).toEqual(['simulated', 'sent'])
    await testClient.mine({ blocks: 1 })
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Included, but with fewer than 3 blocks it is not reported confirmed yet.
    expect(progress).toEqual(['simulated', 'sent'])
    await testClient.mine({ blocks: 2 })
    const { receipt } = await pending
    expect(progress).toEqual(['simulated', 'sent', 'confirmed'])
    expect((await client.getBlockNumber()) - receipt.blockNumber).toBe(2n)
    await testClient.setAutomine(true)
  })
})
