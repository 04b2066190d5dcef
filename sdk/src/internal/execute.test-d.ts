import { zeroAddress } from 'viem'
import { describe, expectTypeOf, test } from 'vitest'
import { computePoolAbi } from '../contracts.js'
import type { Deployment } from '../deployments.js'
import {
  computePoolGetPoolAbi,
  computePoolStartComputePoolAbi,
  computeRegistryGetProviderNodesAbi,
  rewardsDistributorClaimRewardsAbi,
  type stakeManagerStakedEvent,
} from '../generated/abis.js'
import { type AnyClient, type eventArgs, execute, reader } from './utils.js'

const client = {} as AnyClient

describe('writes are checked against the ABI slice of their function', () => {
  test('a correct write compiles', () => {
    execute(
      client,
      {},
      { contract: 'computePool', abi: computePoolStartComputePoolAbi, args: [1n] },
    )
  })

  test('wrong arguments do not compile', () => {
    execute(
      client,
      {},
      {
        contract: 'rewardsDistributor',
        abi: rewardsDistributorClaimRewardsAbi,
        // @ts-expect-error: node keys are addresses
        args: [1n, [1n]],
      },
    )
    execute(
      client,
      {},
      {
        contract: 'computePool',
        abi: computePoolStartComputePoolAbi,
        // @ts-expect-error: one argument, not two
        args: [1n, 2n],
      },
    )
  })

  test('an unknown contract does not compile', () => {
    execute(
      client,
      {},
      // @ts-expect-error: the deployment has no such contract
      { contract: 'computePools', abi: computePoolStartComputePoolAbi, args: [1n] },
    )
  })

  test('a view function is not a write', () => {
    // @ts-expect-error: getPool is a view
    execute(client, {}, { contract: 'computePool', abi: computePoolGetPoolAbi, args: [1n] })
  })

  test("a whole contract's ABI does not name one function", () => {
    // @ts-expect-error: the slice's first item must be the function to call
    execute(client, {}, { contract: 'computePool', abi: computePoolAbi, args: [1n] })
  })
})

describe('event arguments are typed by the event', () => {
  test('every argument, required', () => {
    type Staked = ReturnType<typeof eventArgs<typeof stakeManagerStakedEvent>>[number]
    expectTypeOf<Staked>().toEqualTypeOf<{
      provider: `0x${string}`
      amount: bigint
      rebonded: bigint
      activeStake: bigint
    }>()
  })
})

describe('reads are checked against the ABI slice of their function', () => {
  const call = reader(client, {} as Deployment)

  test('the result is typed by the function', () => {
    expectTypeOf(
      call('computeRegistry', computeRegistryGetProviderNodesAbi, [zeroAddress]),
    ).resolves.toEqualTypeOf<readonly `0x${string}`[]>()
  })

  test('wrong arguments do not compile', () => {
    // @ts-expect-error: a provider is an address
    call('computeRegistry', computeRegistryGetProviderNodesAbi, [1n])
  })

  test('a write function is not a read', () => {
    // @ts-expect-error: startComputePool is not a view
    call('computePool', computePoolStartComputePoolAbi, [1n])
  })
})
