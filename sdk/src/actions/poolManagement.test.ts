import { keccak256, parseEther, toHex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  deployment,
  devAccount,
  federator,
  latestTimestamp,
  primeClient,
  setNextTimestamp,
  snapshot,
  testClient,
  validator,
} from '../../test/utils.js'
import { primeTokenAbi } from '../contracts.js'
import { ContractErrors } from '../errors/contract.js'

const e18 = 10n ** 18n
const rate = 10n ** 15n
const funded = 1000n * e18

const provider = primeClient(devAccount(2))
const creator = primeClient(devAccount(4))
const validatorClient = primeClient(validator)
const manager = privateKeyToAccount(generatePrivateKey())
const managerClient = primeClient(manager)
const rotated = privateKeyToAccount(generatePrivateKey())
const rotatedClient = primeClient(rotated)
const node = privateKeyToAccount(generatePrivateKey())

const balanceOf = (address: `0x${string}`) =>
  testClient.readContract({
    address: deployment.token,
    abi: primeTokenAbi,
    functionName: 'balanceOf',
    args: [address],
  })

let poolId: bigint
let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
  for (const key of [manager, rotated])
    await testClient.setBalance({ address: key.address, value: parseEther('10') })
  await provider.registerProvider({ amount: 1100n * e18 })
  await provider.addNode({ node, computeUnits: 10n, specsURI: 'ipfs://node' })
  await validatorClient.whitelistProvider({ provider: provider.account.address })
  await validatorClient.validateNode({ nodeKey: node.address })
  const { domainId } = await primeClient(federator).createDomain({
    name: 'd',
    domainParametersURI: '',
  })
  ;({ poolId } = await creator.createPool({
    domainId,
    computeManagerKey: manager.address,
    name: 'p',
    poolDataURI: '',
  }))
})
afterAll(async () => restore())

describe('running a pool', () => {
  test('getPoolRewards reads an empty pool, and PoolNotFound for an unknown one', async () => {
    expect(await creator.getPoolRewards({ poolId })).toMatchObject({
      poolId,
      budget: 0n,
      rate: 0n,
      totalCompute: 0n,
      nodeCount: 0,
      ended: false,
    })
    const missing = await creator.getPoolRewards({ poolId: 99n }).catch((e) => e)
    expect(missing).toBeInstanceOf(ContractErrors.PoolNotFound)
    expect(missing.args).toEqual({ poolId: 99n })
  })

  test('setComputeManagerKey rotates the key: the old key invites no more; creator only', async () => {
    await creator.startPool({ poolId })
    const expiry = (await latestTimestamp()) + 3600n
    const oldInvite = await managerClient.signPoolInvite({ poolId, nodeKey: node.address, expiry })

    const notCreator = await managerClient
      .setComputeManagerKey({ poolId, computeManagerKey: manager.address })
      .catch((e) => e)
    expect(notCreator).toBeInstanceOf(ContractErrors.CallerNotPoolCreator)
    expect(notCreator.args).toEqual({ poolId, caller: manager.address })

    const { receipt } = await creator.setComputeManagerKey({
      poolId,
      computeManagerKey: rotated.address,
    })
    expect(receipt.status).toBe('success')
    expect((await creator.getPool({ poolId })).computeManagerKey).toBe(rotated.address)

    const stale = await provider.joinPool({ poolId, invites: [oldInvite] }).catch((e) => e)
    expect(stale).toBeInstanceOf(ContractErrors.InvalidInviteSignature)
    expect(stale.args).toEqual({ poolId, nodeKey: node.address })

    // Rotating back to the old key does not revive its invites: each rotation bumps the version.
    expect(oldInvite.keyVersion).toBe(0n)
    await creator.setComputeManagerKey({ poolId, computeManagerKey: manager.address })
    await creator.setComputeManagerKey({ poolId, computeManagerKey: rotated.address })
    expect((await creator.getPool({ poolId })).keyVersion).toBe(3n)
    await creator.setComputeManagerKey({ poolId, computeManagerKey: manager.address })
    const revived = await provider.joinPool({ poolId, invites: [oldInvite] }).catch((e) => e)
    expect(revived).toBeInstanceOf(ContractErrors.InvalidInviteSignature)
    await creator.setComputeManagerKey({ poolId, computeManagerKey: rotated.address })
    const fresh = await rotatedClient.signPoolInvite({ poolId, nodeKey: node.address, expiry })
    expect(fresh.keyVersion).toBe(5n)
  })

  test('cancelInviteNonce revokes an unused invite; creator or manager only', async () => {
    const expiry = (await latestTimestamp()) + 3600n
    const invite = await rotatedClient.signPoolInvite({ poolId, nodeKey: node.address, expiry })
    expect(await provider.isInviteNonceUsed({ poolId, nonce: invite.nonce })).toBe(false)

    const notOperator = await provider
      .cancelInviteNonce({ poolId, nonce: invite.nonce })
      .catch((e) => e)
    expect(notOperator).toBeInstanceOf(ContractErrors.CallerNotPoolOperator)
    expect(notOperator.args).toEqual({ poolId, caller: provider.account.address })

    await rotatedClient.cancelInviteNonce({ poolId, nonce: invite.nonce })
    expect(await provider.isInviteNonceUsed({ poolId, nonce: invite.nonce })).toBe(true)
    const revoked = await provider.joinPool({ poolId, invites: [invite] }).catch((e) => e)
    expect(revoked).toBeInstanceOf(ContractErrors.InviteNonceUsed)
    expect(revoked.args).toEqual({ poolId, nonce: invite.nonce })

    // The creator may cancel too, but a spent nonce cannot be cancelled again.
    const again = await creator.cancelInviteNonce({ poolId, nonce: invite.nonce }).catch((e) => e)
    expect(again).toBeInstanceOf(ContractErrors.InviteNonceUsed)
    await creator.cancelInviteNonce({ poolId, nonce: 7n })
    expect(await provider.isInviteNonceUsed({ poolId, nonce: 7n })).toBe(true)
  })

  test('rewards accrue from the budget; a validator forfeits them back, the creator cannot', async () => {
    await creator.setRewardRate({ poolId, rate })
    await creator.fundPool({ poolId, amount: funded })
    const t0 = (await latestTimestamp()) + 10n
    const invite = await rotatedClient.signPoolInvite({
      poolId,
      nodeKey: node.address,
      expiry: t0 + 3600n,
    })
    await setNextTimestamp(t0)
    await provider.joinPool({ poolId, invites: [invite] })
    expect(await provider.isInviteNonceUsed({ poolId, nonce: invite.nonce })).toBe(true)
    const atJoin = await creator.getPoolRewards({ poolId })
    expect(atJoin).toMatchObject({
      budget: funded,
      rate,
      totalCompute: 10n,
      nodeCount: 1,
      ended: false,
      lastUpdate: t0,
    })

    await setNextTimestamp(t0 + 100n)
    await testClient.mine({ blocks: 1 })
    const later = await creator.getPoolRewards({ poolId })
    expect(later.budget).toBe(funded - 10n * rate * 100n)
    expect(later.lastUpdate).toBe(t0 + 100n)
    // The index is per compute unit and only differences mean anything.
    expect(later.index - atJoin.index).toBe(rate * 100n)

    const byCreator = await creator
      .forfeitRewards({ poolId, nodeKey: node.address })
      .catch((e) => e)
    expect(byCreator).toBeInstanceOf(ContractErrors.MissingRole)
    expect(byCreator.args).toEqual({
      role: keccak256(toHex('VALIDATOR_ROLE')),
      account: creator.account.address,
    })

    await setNextTimestamp(t0 + 150n)
    const forfeited = await validatorClient.forfeitRewards({ poolId, nodeKey: node.address })
    expect(forfeited.amount).toBe(10n * rate * 150n)
    expect((await creator.getPoolRewards({ poolId })).budget).toBe(funded)
    expect(await provider.getPendingRewards({ poolId, nodeKey: node.address })).toEqual({
      total: 0n,
      totalLocked: 0n,
      nodes: [{ nodeKey: node.address, amount: 0n, time: 0n, workClaimable: 0n, workLocked: 0n }],
    })

    const stranger = privateKeyToAccount(generatePrivateKey()).address
    const notInPool = await validatorClient
      .forfeitRewards({ poolId, nodeKey: stranger })
      .catch((e) => e)
    expect(notInPool).toBeInstanceOf(ContractErrors.NodeNotInPool)
    expect(notInPool.args).toEqual({ poolId, nodeKey: stranger })

    const early = await creator.withdrawUnusedBudget({ poolId }).catch((e) => e)
    expect(early).toBeInstanceOf(ContractErrors.PoolNotEnded)
    expect(early.args).toEqual({ poolId })

    await setNextTimestamp(t0 + 200n)
    await creator.endPool({ poolId })
  })

  test('withdrawUnusedBudget returns what no node accrued to the creator, once', async () => {
    const notCreator = await rotatedClient.withdrawUnusedBudget({ poolId }).catch((e) => e)
    expect(notCreator).toBeInstanceOf(ContractErrors.CallerNotPoolCreator)
    expect(notCreator.args).toEqual({ poolId, caller: rotated.address })

    // The node earned 50 seconds' worth after the forfeit, until the end.
    const earned = 10n * rate * 50n
    const before = await balanceOf(creator.account.address)
    const { amount } = await creator.withdrawUnusedBudget({ poolId })
    expect(amount).toBe(funded - earned)
    expect(await balanceOf(creator.account.address)).toBe(before + funded - earned)
    expect(await creator.getPoolRewards({ poolId })).toMatchObject({ budget: 0n, ended: true })
    expect((await provider.claimRewards({ poolId })).total).toBe(earned)

    const again = await creator.withdrawUnusedBudget({ poolId }).catch((e) => e)
    expect(again).toBeInstanceOf(ContractErrors.NoUnusedBudget)
    expect(again.args).toEqual({ poolId })
  })
})
