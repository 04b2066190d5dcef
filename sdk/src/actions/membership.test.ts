import { parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  deployment,
  devAccount,
  federator,
  latestTimestamp,
  primeClient,
  snapshot,
  testClient,
  validator,
} from '../../test/utils.js'
import { computePoolAbi } from '../contracts.js'
import { ContractErrors } from '../errors/contract.js'

const e18 = 10n ** 18n

const provider = primeClient(devAccount(7))
const creator = primeClient(devAccount(8))
const keeper = primeClient(devAccount(9))
const validatorClient = primeClient(validator)
const manager = privateKeyToAccount(generatePrivateKey())
const managerClient = primeClient(manager)
const nodes = [0, 1, 2].map(() => privateKeyToAccount(generatePrivateKey()))
const [nodeA, nodeB, nodeC] = nodes.map((node) => node.address) as [
  `0x${string}`,
  `0x${string}`,
  `0x${string}`,
]

let poolOne: bigint
let poolTwo: bigint
let restore: () => Promise<void>

/** Invites for `poolId`, signed by the manager key. */
async function invites(poolId: bigint, nodeKeys: readonly `0x${string}`[]) {
  const expiry = (await latestTimestamp()) + 3600n
  return Promise.all(
    nodeKeys.map((nodeKey) => managerClient.signPoolInvite({ poolId, nodeKey, expiry })),
  )
}

const active = async (nodeKey: `0x${string}`) => (await provider.getNode({ nodeKey }))?.active

beforeAll(async () => {
  restore = await snapshot()
  await testClient.setBalance({ address: manager.address, value: parseEther('10') })
  // 100 per unit: 1 + 3 nodes x 1 unit = 400 required; 450 staked leaves room for one small slash.
  await provider.registerProvider({ amount: 450n * e18 })
  for (const node of nodes) await provider.addNode({ node, computeUnits: 1n, specsURI: '' })
  await validatorClient.whitelistProvider({ provider: provider.account.address })
  for (const nodeKey of [nodeA, nodeB, nodeC]) await validatorClient.validateNode({ nodeKey })
  const { domainId } = await primeClient(federator).createDomain({
    name: 'd',
    domainParametersURI: '',
  })
  const pool = { domainId, computeManagerKey: manager.address, name: 'p', poolDataURI: '' }
  ;({ poolId: poolOne } = await creator.createPool(pool))
  ;({ poolId: poolTwo } = await creator.createPool(pool))
  await creator.startPool({ poolId: poolOne })
  await creator.startPool({ poolId: poolTwo })
})
afterAll(async () => restore())

describe('pool membership', () => {
  test('updatePool sets the limit and data URI, never below the compute inside', async () => {
    await provider.joinPool({ poolId: poolOne, invites: await invites(poolOne, [nodeA, nodeB]) })
    const below = await creator
      .updatePool({ poolId: poolOne, computeLimit: 1n, poolDataURI: 'ipfs://v2' })
      .catch((e) => e)
    expect(below).toBeInstanceOf(ContractErrors.ComputeLimitBelowTotal)
    expect(below.args).toEqual({ poolId: poolOne, computeLimit: 1n, totalCompute: 2n })

    await creator.updatePool({ poolId: poolOne, computeLimit: 2n, poolDataURI: 'ipfs://v2' })
    const pool = await creator.getPool({ poolId: poolOne })
    expect(pool.computeLimit).toBe(2n)
    expect(pool.poolDataURI).toBe('ipfs://v2')
    await creator.updatePool({ poolId: poolOne, computeLimit: 0n, poolDataURI: 'ipfs://v2' })
  })

  test('moveNodes takes nodes from one pool to another in one transaction', async () => {
    const moved = await provider.moveNodes({
      fromPoolId: poolOne,
      toPoolId: poolTwo,
      invites: await invites(poolTwo, [nodeA]),
    })
    expect(moved.nodeKeys).toEqual([nodeA])
    expect((await provider.getPool({ poolId: poolOne })).nodeCount).toBe(1)
    expect((await provider.getPool({ poolId: poolTwo })).nodeCount).toBe(1)

    // A node no longer in the source pool is skipped, as leavePool skips it: nothing moves.
    const notThere = await provider.moveNodes({
      fromPoolId: poolOne,
      toPoolId: poolTwo,
      invites: await invites(poolTwo, [nodeC]),
    })
    expect(notThere.nodeKeys).toEqual([])
    expect((await provider.getPool({ poolId: poolTwo })).nodeCount).toBe(1)
  })

  test('a batch leave skips nodes an operator already ejected', async () => {
    // nodeB is in pool one, nodeA in pool two; the manager ejects nodeB first.
    await managerClient.ejectNode({ poolId: poolOne, nodeKey: nodeB })
    const left = await provider.leavePool({ poolId: poolOne, nodeKeys: [nodeB] })
    expect(left.nodeKeys).toEqual([])
    expect(left.receipt.status).toBe('success')
  })

  test('a slash below the minimum evicts the listed nodes; eligible ones stay', async () => {
    await provider.joinPool({ poolId: poolOne, invites: await invites(poolOne, [nodeB]) })
    // 50 over the minimum: a 10 slash leaves everyone eligible.
    const small = await validatorClient.slash({
      provider: provider.account.address,
      amount: 10n * e18,
      evict: [
        { poolId: poolTwo, nodeKey: nodeA },
        { poolId: poolOne, nodeKey: nodeB },
      ],
    })
    expect(small.evicted).toEqual([])
    expect(await active(nodeA)).toBe(true)

    const big = await validatorClient.slash({
      provider: provider.account.address,
      amount: 50n * e18,
      evict: [
        { poolId: poolTwo, nodeKey: nodeA },
        { poolId: poolOne, nodeKey: nodeB },
      ],
    })
    expect(big.slashed).toBe(50n * e18)
    expect(big.evicted).toEqual([
      { poolId: poolTwo, nodeKey: nodeA },
      { poolId: poolOne, nodeKey: nodeB },
    ])
    expect(await active(nodeA)).toBe(false)
    expect(await active(nodeB)).toBe(false)

    // Short of stake, the provider cannot join again: a typed error before anything is sent.
    const join = await provider
      .joinPool({ poolId: poolOne, invites: await invites(poolOne, [nodeC]) })
      .catch((e) => e)
    expect(join).toBeInstanceOf(ContractErrors.InsufficientStake)
    expect(join.args).toEqual({
      provider: provider.account.address,
      required: 400n * e18,
      actual: 390n * e18,
    })
  })

  test('anyone ejects nodes that are no longer eligible; invalidation can evict at once', async () => {
    await provider.increaseStake({ amount: 10n * e18 })
    await provider.joinPool({ poolId: poolOne, invites: await invites(poolOne, [nodeA, nodeB]) })

    const invalidated = await validatorClient.invalidateNode({
      nodeKey: nodeA,
      evict: [{ poolId: poolOne, nodeKey: nodeA }],
    })
    expect(invalidated.evicted).toEqual([{ poolId: poolOne, nodeKey: nodeA }])

    // Off the whitelist without evictions: nodeB stays in until a keeper ejects it.
    const blacklisted = await validatorClient.blacklistProvider({
      provider: provider.account.address,
    })
    expect(blacklisted.removed).toEqual([])
    expect(await active(nodeB)).toBe(true)
    const { ejected } = await keeper.ejectIneligibleNodes({
      nodes: [
        { poolId: poolOne, nodeKey: nodeB },
        { poolId: poolOne, nodeKey: nodeC },
      ],
    })
    expect(ejected).toEqual([{ poolId: poolOne, nodeKey: nodeB }])
    expect(await active(nodeB)).toBe(false)
  })

  test('pool blacklists take several providers or nodes at once', async () => {
    const stranger = devAccount(6).address
    const providers = await managerClient.blacklistProvider({
      poolId: poolTwo,
      provider: [provider.account.address, stranger],
    })
    expect(providers.removed).toEqual([])
    const purged = await managerClient.blacklistNode({
      poolId: poolTwo,
      nodeKey: [nodeA, nodeC],
      purge: true,
    })
    expect(purged.purged).toEqual([])
    for (const nodeKey of [nodeA, nodeC])
      expect(
        await keeper.readContract({
          address: deployment.computePool,
          abi: computePoolAbi,
          functionName: 'isNodeBlacklisted',
          args: [poolTwo, nodeKey],
        }),
      ).toBe(true)
  })
})
