import { keccak256, parseEther, toHex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  deployment,
  devAccount,
  federator,
  increaseTime,
  latestTimestamp,
  primeClient,
  snapshot,
  testClient,
  validator,
} from '../../test/utils.js'
import { ContractErrors } from '../errors/contract.js'

const e18 = 10n ** 18n
const workRate = 10n ** 15n
const day = 86_400n

const provider = primeClient(devAccount(7))
const creator = primeClient(devAccount(8))
const federatorClient = primeClient(federator)
const validatorClient = primeClient(validator)
const manager = privateKeyToAccount(generatePrivateKey())
const node = privateKeyToAccount(generatePrivateKey())
const nodeClient = primeClient(node)
const key = (label: string) => keccak256(toHex(label))

let poolId: bigint
let domainId: bigint
let restore: () => Promise<void>

beforeAll(async () => {
  restore = await snapshot()
  for (const account of [manager, node])
    await testClient.setBalance({ address: account.address, value: parseEther('10') })
  await provider.registerProvider({ amount: 1100n * e18 })
  await provider.addNode({ node, computeUnits: 10n, specsURI: '' })
  await validatorClient.whitelistProvider({ provider: provider.account.address })
  await validatorClient.validateNode({ nodeKey: node.address })
  ;({ domainId } = await federatorClient.createDomain({
    name: 'training',
    validationLogic: deployment.workValidation!,
    domainParametersURI: '',
  }))
  await federatorClient.setWorkUnitsCap({ domainId, cap: 100n })
  ;({ poolId } = await creator.createPool({
    domainId,
    computeManagerKey: manager.address,
    name: 'work',
    poolDataURI: '',
  }))
  await creator.setWorkRewardRate({ poolId, rate: workRate, maxLockedPerNode: 60n * workRate })
  await creator.setWorkLockPeriod({ poolId, period: day })
  await creator.fundPool({ poolId, amount: 100n * e18 })
  await creator.startPool({ poolId })
  const invite = await primeClient(manager).signPoolInvite({
    poolId,
    nodeKey: node.address,
    expiry: (await latestTimestamp()) + 3600n,
  })
  await provider.joinPool({ poolId, invites: [invite] })
})
afterAll(async () => restore())

describe('work', () => {
  test('a node submits work; its reward is reserved and locked', async () => {
    const submitted = await nodeClient.submitWork({
      poolId,
      nodeKey: node.address,
      workKey: key('output-1'),
      units: 10n,
    })
    expect(submitted.workKey).toBe(key('output-1'))
    expect(submitted.reward).toBe(10n * workRate)
    expect(submitted.unlockAt).toBeGreaterThan((await latestTimestamp()) + day)

    const work = await provider.getWork({ nodeKey: node.address, workKey: key('output-1') })
    expect(work).toMatchObject({
      poolId,
      nodeKey: node.address,
      workKey: key('output-1'),
      provider: provider.account.address,
      units: 10n,
      reward: 10n * workRate,
      status: 'ACCEPTED',
      final: false,
      rewardReturned: false,
    })
    expect(await provider.getWork({ nodeKey: node.address, workKey: key('never') })).toBeUndefined()
    // The same key is another node's to submit: a work is named by its node and key together.
    expect(
      await provider.getWork({ nodeKey: provider.account.address, workKey: key('output-1') }),
    ).toBeUndefined()

    const pending = await provider.getPendingRewards({ poolId, provider: provider.account.address })
    expect(pending.nodes[0]).toMatchObject({ workLocked: 10n * workRate, workClaimable: 0n })
    expect(pending.totalLocked).toBe(10n * workRate)
    const pool = await provider.getPoolRewards({ poolId })
    expect(pool).toMatchObject({
      workRate,
      workLockPeriod: day,
      maxLockedPerNode: 60n * workRate,
      hasWork: true,
    })
    expect(pool.budget).toBe(100n * e18 - 10n * workRate)
    // Until the work unlocks, the provider keeps the stake its nodes require.
    const record = await provider.getProvider({ provider: provider.account.address })
    expect(record.workLockedUntil).toBe(Number(submitted.unlockAt))
  })

  test('a submission states the terms it accepts: a pool that changed them meanwhile refuses it', async () => {
    // The rate drops between the read of the terms and the submission: nothing is recorded.
    await creator.setWorkRewardRate({ poolId, rate: 0n, maxLockedPerNode: 60n * workRate })
    const lowered = await nodeClient
      .submitWork({
        poolId,
        nodeKey: node.address,
        workKey: key('terms'),
        units: 1n,
        minWorkRate: workRate,
        maxLockPeriod: day,
      })
      .catch((e) => e)
    expect(lowered).toBeInstanceOf(ContractErrors.WorkRateBelowTerms)
    expect(lowered.args).toEqual({ poolId, workRate: 0n, minWorkRate: workRate })
    const window = await nodeClient
      .submitWork({
        poolId,
        nodeKey: node.address,
        workKey: key('terms'),
        units: 1n,
        minWorkRate: 0n,
        maxLockPeriod: day - 1n,
      })
      .catch((e) => e)
    expect(window).toBeInstanceOf(ContractErrors.WorkLockPeriodAboveTerms)
    await creator.setWorkRewardRate({ poolId, rate: workRate, maxLockedPerNode: 60n * workRate })
    expect(await provider.getWork({ nodeKey: node.address, workKey: key('terms') })).toBeUndefined()
    const bad = await nodeClient
      .submitWork({
        poolId,
        nodeKey: node.address,
        workKey: key('terms'),
        units: 1n,
        minWorkRate: -1n,
      })
      .catch((e) => e)
    expect(bad.message).toContain('minWorkRate')
  })

  test('one node can lock at most what the pool allows', async () => {
    const over = await nodeClient
      .submitWork({ poolId, nodeKey: node.address, workKey: key('greedy'), units: 51n })
      .catch((e) => e)
    expect(over).toBeInstanceOf(ContractErrors.NodeLockedWorkAboveLimit)
    expect(over.args).toEqual({
      poolId,
      nodeKey: node.address,
      locked: 61n * workRate,
      limit: 60n * workRate,
    })
  })

  test('rejections are typed errors: a key seen before, units above the cap', async () => {
    const again = await nodeClient
      .submitWork({ poolId, nodeKey: node.address, workKey: key('output-1'), units: 1n })
      .catch((e) => e)
    expect(again).toBeInstanceOf(ContractErrors.WorkKeyUsed)
    const tooMany = await nodeClient
      .submitWork({ poolId, nodeKey: node.address, workKey: key('big'), units: 101n })
      .catch((e) => e)
    expect(tooMany).toBeInstanceOf(ContractErrors.WorkUnitsAboveCap)
    expect(tooMany.args).toEqual({ domainId, units: 101n, cap: 100n })
  })

  test('after the window the work is final and claimRewards pays exactly its reward', async () => {
    await increaseTime(2n * day)
    const final = await validatorClient
      .invalidateWork({ nodeKey: node.address, workKey: key('output-1'), penalty: 0n })
      .catch((e) => e)
    expect(final).toBeInstanceOf(ContractErrors.WorkFinal)
    expect(
      (await provider.getWork({ nodeKey: node.address, workKey: key('output-1') }))?.final,
    ).toBe(true)

    const pending = await provider.getPendingRewards({ poolId, nodeKey: node.address })
    expect(pending.nodes[0]).toMatchObject({
      time: 0n,
      workClaimable: 10n * workRate,
      workLocked: 0n,
    })
    // One definition of "what its provider could claim now": the pool's member list says the
    // same as getPendingRewards, matured work included, and the claim pays exactly that.
    const [member] = await provider.getPoolNodes({ poolId })
    expect(member).toMatchObject({
      nodeKey: node.address,
      pendingRewards: 10n * workRate,
      workLocked: 0n,
    })
    const snapshot = await provider.getPoolSnapshot({ poolId })
    expect(snapshot.nodes).toEqual([member])
    const claimed = await provider.claimRewards({ poolId })
    expect(claimed.total).toBe(10n * workRate)
    expect(claimed.claims).toEqual([
      {
        nodeKey: node.address,
        amount: 10n * workRate,
        timeRewards: 0n,
        workRewards: 10n * workRate,
      },
    ])
  })

  test('validators invalidate locked work: hard with a penalty (and the node out), or soft', async () => {
    await provider.submitWork({ poolId, nodeKey: node.address, workKey: key('bad'), units: 20n })
    await nodeClient.submitWork({
      poolId,
      nodeKey: node.address,
      workKey: key('doubtful'),
      units: 30n,
    })
    const budget = (await provider.getPoolRewards({ poolId })).budget

    const hard = await validatorClient.invalidateWork({
      nodeKey: node.address,
      workKey: key('bad'),
      penalty: 5n * e18,
      invalidateNode: true,
      evict: [{ poolId, nodeKey: node.address }],
    })
    // Invalidating the node returns its other locked rewards too ('doubtful').
    expect(hard).toMatchObject({
      poolId,
      reward: 20n * workRate,
      returnedLocked: 30n * workRate,
      slashed: 5n * e18,
      evicted: [{ poolId, nodeKey: node.address }],
    })
    expect(await provider.getNode({ nodeKey: node.address })).toMatchObject({
      validated: false,
      active: false,
    })
    // Its reward went back with the node's: the soft invalidation returns nothing more.
    const soft = await validatorClient.softInvalidateWork({
      nodeKey: node.address,
      workKey: key('doubtful'),
    })
    expect(soft.reward).toBe(0n)
    expect((await provider.getPoolRewards({ poolId })).budget).toBe(budget + 50n * workRate)
    const work = (workKey: `0x${string}`) => provider.getWork({ nodeKey: node.address, workKey })
    expect((await work(key('bad')))?.status).toBe('INVALIDATED')
    expect(await work(key('doubtful'))).toMatchObject({
      status: 'SOFT_INVALIDATED',
      rewardReturned: true,
    })
    // Invalidated work stays rejected: the node cannot submit it again.
    await provider.increaseStake({ amount: 5n * e18 })
    await validatorClient.validateNode({ nodeKey: node.address })
    const again = await provider
      .submitWork({ poolId, nodeKey: node.address, workKey: key('bad'), units: 20n })
      .catch((e) => e)
    expect(again).toBeInstanceOf(ContractErrors.WorkKeyUsed)
  })

  test("before a pool's first work, its window reads as the one the first work will get", async () => {
    const fresh = await creator.createPool({
      domainId,
      computeManagerKey: manager.address,
      name: 'fresh',
      poolDataURI: '',
    })
    // Nothing chosen: the network's minimum (the federator's, 0 here) ...
    const minimum = (await provider.getNetworkSnapshot()).minWorkLockPeriod
    expect((await provider.getPoolRewards({ poolId: fresh.poolId })).workLockPeriod).toBe(minimum)
    // ... and the creator's longer choice once made.
    await creator.setWorkLockPeriod({ poolId: fresh.poolId, period: 3n * day })
    expect((await provider.getPoolRewards({ poolId: fresh.poolId })).workLockPeriod).toBe(3n * day)
  })

  test('the federator sets the network minimum window', async () => {
    await federatorClient.setMinWorkLockPeriod({ period: 2n * day })
    const tooShort = await creator.setWorkLockPeriod({ poolId: 99n, period: day }).catch((e) => e)
    expect(tooShort).toBeInstanceOf(ContractErrors.PoolNotFound)
    const fixed = await creator.setWorkLockPeriod({ poolId, period: 3n * day }).catch((e) => e)
    expect(fixed).toBeInstanceOf(ContractErrors.WorkLockPeriodFixed)
  })
})
