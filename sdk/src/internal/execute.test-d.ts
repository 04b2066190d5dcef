import { zeroAddress } from 'viem'
import { describe, expectTypeOf, test } from 'vitest'
import { computePoolAbi, rewardsDistributorAbi } from '../contracts.js'
import { type AnyClient, execute } from './utils.js'

const client = {} as AnyClient
const address = zeroAddress

describe('writes are checked against the contract ABI', () => {
  test('a correct write compiles and returns the contract events, decoded', () => {
    const result = execute(
      client,
      {},
      {
        address,
        abi: computePoolAbi,
        functionName: 'startComputePool',
        args: [1n],
      },
    )
    type Events = Awaited<typeof result>['events'][number]
    expectTypeOf<
      Extract<Events, { eventName: 'PoolStarted' }>['args']['poolId']
    >().toEqualTypeOf<bigint>()
  })

  test('a misspelt function does not compile', () => {
    execute(
      client,
      {},
      {
        address,
        abi: computePoolAbi,
        // @ts-expect-error: no such function on ComputePool
        functionName: 'startComputPool',
        args: [1n],
      },
    )
  })

  test('wrong arguments do not compile', () => {
    execute(
      client,
      {},
      {
        address,
        abi: rewardsDistributorAbi,
        functionName: 'claimRewards',
        // @ts-expect-error: node keys are addresses
        args: [1n, [1n]],
      },
    )
    execute(
      client,
      {},
      {
        address,
        abi: computePoolAbi,
        functionName: 'startComputePool',
        // @ts-expect-error: one argument, not two
        args: [1n, 2n],
      },
    )
  })

  test('a view function is not a write', () => {
    execute(
      client,
      {},
      {
        address,
        abi: computePoolAbi,
        // @ts-expect-error: getPool is a view
        functionName: 'getPool',
        args: [1n],
      },
    )
  })
})
