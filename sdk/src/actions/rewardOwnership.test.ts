import { parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  devAccount,
  latestTimestamp,
  primeClient,
  setNextTimestamp,
  snapshot,
  startedPool,
  testClient,
  validator,
} from '../../test/utils.js'
import { InvalidInputError } from '../errors/base.js'

// A node key that earned for bob in a pool, was removed by bob and re-added by carol: the
// provider-wide defaults must follow whose reward record it is in that pool, not who owns the
// key in the registry now.
const e18 = 10n ** 18n
const rate = 10n ** 15n // per compute unit per second

const bob = primeClient(devAccount(5))
const carol = primeClient(devAccount(6))
const creator = primeClient(devAccount(7))
const validatorClient = primeClient(validator)
const manager = primeClient(privateKeyToAccount(generatePrivateKey()))
const shared = privateKeyToAccount(generatePrivateKey())
const bobsOther = privateKeyToAccount(generatePrivateKey())

let poolId: bigint
let restore: () => Promise<void>

async function join(client: typeof bob, nodeKey: `0x${string}`, at: bigint) {
  const invite = await manager.signPoolInvite({ poolId, nodeKey, expiry: at + 3600n })
  await setNextTimestamp(at)
  await client.joinPool({ poolId, invites: [invite] })
}

beforeAll(async () => {
  restore = await snapshot()
  await testClient.setBalance({ address: manager.account.address, value: parseEther('1') })
  for (const provider of [bob, carol]) {
    await provider.registerProvider({ amount: 1000n * e18 })
    await validatorClient.whitelistProvider({ provider: provider.account.address })
  }
  for (const node of [shared, bobsOther]) {
    await bob.addNode({ node, computeUnits: 2n, specsURI: '' })
    await validatorClient.validateNode({ nodeKey: node.address })
  }
  poolId = await startedPool(creator, manager.account.address, { rate, budget: 1000n * e18 })
})
afterAll(async () => restore())

describe('provider-wide reward defaults follow the reward records', () => {
  test('a key bob removed and carol re-added still pays bob, not carol', async () => {
    const t0 = (await latestTimestamp()) + 10n
    await join(bob, shared.address, t0)
    await join(bob, bobsOther.address, t0 + 1n)
    // shared earns 100 s x 2 units; bobsOther stays in.
    await setNextTimestamp(t0 + 100n)
    await bob.leavePool({ poolId, nodeKeys: [shared.address] })
    await bob.removeNode({ nodeKey: shared.address })
    await carol.addNode({ node: shared, computeUnits: 2n, specsURI: '' })
    await validatorClient.validateNode({ nodeKey: shared.address })
    await setNextTimestamp(t0 + 200n)
    await testClient.mine({ blocks: 1 })

    const forCarol = await carol.getPendingRewards({ poolId, provider: carol.account.address })
    expect(forCarol).toEqual({ total: 0n, totalLocked: 0n, nodes: [] })
    const forBob = await bob.getPendingRewards({ poolId, provider: bob.account.address })
    expect(forBob.nodes.map(({ nodeKey, amount }) => ({ nodeKey, amount }))).toEqual([
      { nodeKey: shared.address, amount: 100n * 2n * rate },
      { nodeKey: bobsOther.address, amount: 199n * 2n * rate },
    ])
    expect(forBob.total).toBe(299n * 2n * rate)

    const nothing = await carol.claimRewards({ poolId }).catch((e) => e)
    expect(nothing).toBeInstanceOf(InvalidInputError)
    expect(nothing.parameter).toBe('nodeKeys')

    await setNextTimestamp(t0 + 300n)
    const claimed = await bob.claimRewards({ poolId })
    expect(claimed.claims.map(({ nodeKey, amount }) => ({ nodeKey, amount }))).toEqual([
      { nodeKey: shared.address, amount: 100n * 2n * rate },
      { nodeKey: bobsOther.address, amount: 299n * 2n * rate },
    ])
  })

  test('once carol joins with the key, its new earnings are hers alone', async () => {
    const t1 = (await latestTimestamp()) + 10n
    await join(carol, shared.address, t1)
    await setNextTimestamp(t1 + 50n)
    await testClient.mine({ blocks: 1 })
    const forCarol = await carol.getPendingRewards({ poolId, provider: carol.account.address })
    expect(forCarol.nodes.map(({ nodeKey, amount }) => ({ nodeKey, amount }))).toEqual([
      { nodeKey: shared.address, amount: 50n * 2n * rate },
    ])
    const forBob = await bob.getPendingRewards({ poolId, provider: bob.account.address })
    expect(forBob.nodes.map(({ nodeKey }) => nodeKey)).toEqual([bobsOther.address])

    await setNextTimestamp(t1 + 60n)
    const claimed = await carol.claimRewards({ poolId })
    expect(claimed.total).toBe(60n * 2n * rate)
    expect(claimed.claims.map(({ nodeKey }) => nodeKey)).toEqual([shared.address])
  })
})
