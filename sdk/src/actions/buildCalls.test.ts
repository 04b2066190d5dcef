import { encodeFunctionData, parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { sendCalls, waitForCallsStatus } from 'viem/actions'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  deployment,
  devAccount,
  federator,
  primeClient,
  snapshot,
  testClient,
  walletClient,
} from '../../test/utils.js'
import { computePoolAbi, primeTokenAbi } from '../contracts.js'
import { primeNetworkActions } from '../decorators/primeNetwork.js'
import { InvalidInputError } from '../errors/base.js'
import { buildCalls } from './buildCalls.js'
import { createPool } from './createPool.js'
import { fundPool } from './fundPool.js'
import { getPool } from './getPool.js'
import { setRewardRate } from './setRewardRate.js'
import { startPool } from './startPool.js'

const creator = primeClient(devAccount(8))
const manager = privateKeyToAccount(generatePrivateKey())
const balance = (address: `0x${string}`) =>
  testClient.readContract({
    address: deployment.token,
    abi: primeTokenAbi,
    functionName: 'balanceOf',
    args: [address],
  })

let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
  await primeClient(federator).createDomain({ name: 'd', domainParametersURI: '' })
})
afterAll(async () => restore())

describe('writes as calls', () => {
  test('a pool is created, priced, funded and started by one batch of calls', async () => {
    const poolCount = await testClient.readContract({
      address: deployment.computePool,
      abi: computePoolAbi,
      functionName: 'poolCount',
    })
    const poolId = poolCount + 1n
    const funding = parseEther('250')
    const rate = 10n ** 15n
    const calls = [
      ...(await buildCalls(creator, createPool, {
        domainId: 1n,
        computeManagerKey: manager.address,
        name: 'batched',
        poolDataURI: 'ipfs://batched',
      })),
      ...(await buildCalls(creator, setRewardRate, { poolId, rate })),
      ...(await buildCalls(creator, fundPool, { poolId, amount: funding })),
      ...(await buildCalls(creator, startPool, { poolId })),
    ]
    expect(calls.map(({ functionName }) => functionName)).toEqual([
      'createComputePool',
      'setRewardRate',
      'approve',
      'fundPool',
      'startComputePool',
    ])
    // The raw and the typed form are the same call.
    for (const call of calls) {
      const { abi, functionName, args } = call
      expect(encodeFunctionData({ abi, functionName, args })).toBe(call.data)
      expect(call.value).toBe(0n)
    }
    expect(calls[2]!.to).toBe(deployment.token)

    const before = await balance(creator.account.address)
    // EIP-5792: a wallet without it gets the calls one after the other (viem's fallback).
    const { id } = await sendCalls(creator, {
      calls: calls.map(({ to, data, value }) => ({ to, data, value })),
      experimental_fallback: true,
    })
    const status = await waitForCallsStatus(creator, { id })
    expect(status.status).toBe('success')
    expect(status.receipts).toHaveLength(5)

    const pool = await getPool(creator, { poolId })
    expect(pool.status).toBe('ACTIVE')
    expect(pool.name).toBe('batched')
    const rewards = await creator.getPoolRewards({ poolId })
    expect(rewards.rate).toBe(rate)
    expect(rewards.budget).toBe(funding)
    expect(await balance(creator.account.address)).toBe(before - funding)
  })

  test("the decorated client's buildCalls applies its defaults (the deployment)", async () => {
    // A client whose default deployment is another one (here: another ComputePool address).
    const other = { ...deployment, computePool: manager.address }
    const bound = walletClient(devAccount(8)).extend(primeNetworkActions({ deployment: other }))
    const calls = await bound.buildCalls(startPool, { poolId: 1n })
    expect(calls.map(({ to, functionName }) => ({ to, functionName }))).toEqual([
      { to: manager.address, functionName: 'startComputePool' },
    ])
    expect(calls).toEqual(await buildCalls(creator, startPool, { poolId: 1n, deployment: other }))
  })

  test('a read is not a write', async () => {
    const error = await buildCalls(creator, getPool, { poolId: 1n }).catch((e) => e)
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error.parameter).toBe('action')
  })
})
