import { parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  deployment,
  devAccount,
  federator,
  primeClient,
  snapshot,
  startedPool,
  testClient,
  validator,
} from '../../test/utils.js'
import { protocolEventsAbi } from '../abis.js'
import {
  changesWithTime,
  getNetworkSnapshotQueryOptions,
  getPoolQueryOptions,
  getPoolRewardsQueryOptions,
  getProviderQueryOptions,
  getProviderSnapshotQueryOptions,
  getWorkQueryOptions,
  isStaleAfter,
  staleTags,
} from './index.js'

const provider = primeClient(devAccount(4))
const creator = primeClient(devAccount(5))
const node = privateKeyToAccount(generatePrivateKey())
const scope = { chainId: deployment.chainId, primeNetwork: deployment.primeNetwork }

let poolId: bigint
let otherPoolId: bigint
let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
  const manager = privateKeyToAccount(generatePrivateKey()).address
  poolId = await startedPool(creator, manager, { rate: 1n, budget: parseEther('1') })
  otherPoolId = await startedPool(creator, manager, { rate: 1n, budget: parseEther('1') })
  await provider.registerProvider({ amount: parseEther('1100') })
  await provider.addNode({ node, computeUnits: 1n, specsURI: '' })
})
afterAll(async () => restore())

describe('query options', () => {
  test('keys are plain JSON, stable, and name the deployment', () => {
    const key = getPoolQueryOptions(provider, { poolId }).queryKey
    expect(key).toEqual([
      'prime-network',
      { chainId: deployment.chainId, primeNetwork: deployment.primeNetwork.toLowerCase() },
      'getPool',
      { poolId: poolId.toString() },
    ])
    expect(JSON.parse(JSON.stringify(key))).toEqual(key)
    expect(getPoolQueryOptions(provider, { poolId }).queryKey).toEqual(key)
    // Checksummed or lowercase, an address makes one key.
    const checksummed = getProviderQueryOptions(provider, { provider: provider.account.address })
    const lower = getProviderQueryOptions(provider, {
      provider: provider.account.address.toLowerCase() as `0x${string}`,
    })
    expect(lower.queryKey).toEqual(checksummed.queryKey)
    // Another deployment is another query.
    const elsewhere = getPoolQueryOptions(provider, {
      poolId,
      deployment: { ...deployment, primeNetwork: node.address },
    }).queryKey
    expect(elsewhere).not.toEqual(key)
  })

  test('the query function is the read', async () => {
    const options = getPoolRewardsQueryOptions(provider, { poolId })
    expect(await options.queryFn()).toEqual(await provider.getPoolRewards({ poolId }))
    const network = getNetworkSnapshotQueryOptions(provider, {})
    expect(await network.queryFn()).toEqual(await provider.getNetworkSnapshot())
  })

  test('an event makes exactly the queries it changes stale', async () => {
    const from = await testClient.getBlockNumber()
    await creator.fundPool({ poolId, amount: parseEther('1') })
    await primeClient(federator).setUnbondingPeriod({ period: 86_400n })
    await primeClient(validator).whitelistProvider({ provider: provider.account.address })
    await primeClient(validator).validateNode({ nodeKey: node.address })
    const events = await provider.getEvents({ fromBlock: from + 1n })
    const named = (name: string) => events.find((event) => event.eventName === name)!

    const pool = getPoolQueryOptions(provider, { poolId }).queryKey
    const otherPool = getPoolQueryOptions(provider, { poolId: otherPoolId }).queryKey
    const network = getNetworkSnapshotQueryOptions(provider, {}).queryKey
    const funded = named('PoolFunded')
    expect(isStaleAfter(pool, undefined, funded, scope)).toBe(true)
    expect(isStaleAfter(otherPool, undefined, funded, scope)).toBe(false)
    expect(isStaleAfter(network, undefined, funded, scope)).toBe(false)
    // Another deployment's event does not touch this one's queries.
    expect(isStaleAfter(pool, undefined, funded, { ...scope, primeNetwork: node.address })).toBe(
      false,
    )

    const unbonding = named('UnbondingPeriodSet')
    expect(staleTags(unbonding)).toEqual(['network'])
    expect(isStaleAfter(network, undefined, unbonding, scope)).toBe(true)
    expect(isStaleAfter(pool, undefined, unbonding, scope)).toBe(false)

    // The validation names only the node: the provider's reads are stale through their answer,
    // which lists the node.
    const validated = named('NodeValidationUpdated')
    const providerQuery = getProviderQueryOptions(provider, { provider: provider.account.address })
    const answer = await providerQuery.queryFn()
    expect(isStaleAfter(providerQuery.queryKey, answer, validated, scope)).toBe(true)
    expect(isStaleAfter(providerQuery.queryKey, undefined, validated, scope)).toBe(false)
    const snapshotQuery = getProviderSnapshotQueryOptions(provider, {
      provider: provider.account.address,
    })
    expect(
      isStaleAfter(snapshotQuery.queryKey, await snapshotQuery.queryFn(), validated, scope),
    ).toBe(true)
    expect(
      isStaleAfter(providerQuery.queryKey, answer, named('ProviderWhitelistUpdated'), scope),
    ).toBe(true)
  })

  test('every protocol event that names no pool, provider, node or domain changes the network', () => {
    const entity = new Set(['poolId', 'provider', 'nodeKey', 'domainId'])
    const networkWide = protocolEventsAbi
      .filter((item) => item.type === 'event')
      .filter((item) => !item.inputs.some((input) => entity.has(input.name!)))
      .map((item) => item.name)
      .sort()
    // The list staleTags documents: parameters, the pause, roles (and OpenZeppelin's
    // EIP712DomainChanged, which the contracts never emit).
    expect(networkWide).toEqual(
      [
        'EIP712DomainChanged',
        'MinWorkLockPeriodSet',
        'PauseSet',
        'RoleTransferCancelled',
        'RoleTransferProposed',
        'RoleTransferred',
        'StakeMinimumSet',
        'TreasurySet',
        'UnbondingPeriodSet',
      ].sort(),
    )
  })

  test('reads that change with chain time alone are marked', () => {
    expect(changesWithTime(getPoolRewardsQueryOptions(provider, { poolId }).queryKey)).toBe(true)
    const work = getWorkQueryOptions(provider, {
      nodeKey: node.address,
      workKey: `0x${'1'.repeat(64)}`,
    })
    expect(changesWithTime(work.queryKey)).toBe(true)
    expect(changesWithTime(getPoolQueryOptions(provider, { poolId }).queryKey)).toBe(false)
    expect(changesWithTime(['something', 'else'])).toBe(false)
  })
})
