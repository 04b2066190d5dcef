import { hashTypedData, parseEther, zeroAddress } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  deployment,
  devAccount,
  federator,
  increaseTime,
  latestTimestamp,
  primeClient,
  setNextTimestamp,
  snapshot,
  testClient,
  validator,
} from '../test/utils.js'
import { nodeOwnershipTypes } from './actions/signNodeOwnership.js'
import { poolInviteTypes } from './actions/signPoolInvite.js'
import { computePoolAbi, primeNetworkAbi, primeTokenAbi } from './contracts.js'
import { ContractErrors } from './errors/contract.js'

/** A node's pending rewards when it earned for time only. */
const pendingTime = (nodeKey: `0x${string}`, amount: bigint) => ({
  nodeKey,
  amount,
  time: amount,
  workClaimable: 0n,
  workLocked: 0n,
})
const e18 = 10n ** 18n
const rate = 10n ** 15n // per compute unit per second

const providerOne = primeClient(devAccount(2))
const providerTwo = primeClient(devAccount(3))
const creator = primeClient(devAccount(4))
const validatorClient = primeClient(validator)
const federatorClient = primeClient(federator)
const manager = privateKeyToAccount(generatePrivateKey())
const managerClient = primeClient(manager)
const nodeOne = privateKeyToAccount(generatePrivateKey())
const nodeTwo = privateKeyToAccount(generatePrivateKey())
const nodeThree = privateKeyToAccount(generatePrivateKey())

const balanceOf = (address: `0x${string}`) =>
  testClient.readContract({
    address: deployment.token,
    abi: primeTokenAbi,
    functionName: 'balanceOf',
    args: [address],
  })

let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
  // The compute manager key only signs invites, but here it also ends the pool.
  await testClient.setBalance({ address: manager.address, value: parseEther('10') })
})
afterAll(async () => restore())

describe('the full protocol flow through the SDK', () => {
  test('providers register, stake and add nodes', async () => {
    expect(await providerOne.getMinimumStake()).toBe(100n * e18)
    expect(await providerOne.getMinimumStake({ additionalComputeUnits: 15n })).toBe(1600n * e18)

    const before = await balanceOf(providerOne.account.address)
    const registered = await providerOne.registerProvider({ amount: 1600n * e18 })
    expect(registered.allowance).toEqual({ kind: 'permit' })
    expect(registered.activeStake).toBe(1600n * e18)
    expect(registered.receipt.status).toBe('success')
    expect(await balanceOf(providerOne.account.address)).toBe(before - 1600n * e18)

    const two = await providerTwo.registerProvider({ amount: 1000n * e18, permit: false })
    expect(two.allowance.kind).toBe('approve')

    const added = await providerOne.addNode({
      node: nodeOne,
      computeUnits: 10n,
      specsURI: 'ipfs://node-one',
    })
    expect(added.nodeKey).toBe(nodeOne.address)
    expect(added.computeUnits).toBe(10n)

    // A proof signed beforehand, cross-checked against the contract's own digest.
    const consent = await providerOne.signNodeOwnership({
      node: nodeTwo,
      provider: providerOne.account.address,
    })
    const latest = await testClient.getBlock()
    expect(consent.deadline).toBe(latest.timestamp + 3600n)
    const digest = await testClient.readContract({
      address: deployment.primeNetwork,
      abi: primeNetworkAbi,
      functionName: 'nodeOwnershipDigest',
      args: [providerOne.account.address, nodeTwo.address, consent.deadline],
    })
    expect(
      hashTypedData({
        domain: {
          name: 'Prime Network',
          version: '1',
          chainId: deployment.chainId,
          verifyingContract: deployment.primeNetwork,
        },
        types: nodeOwnershipTypes,
        primaryType: 'NodeOwnership',
        message: {
          provider: providerOne.account.address,
          nodeKey: nodeTwo.address,
          nonce: 0n,
          deadline: consent.deadline,
        },
      }),
    ).toBe(digest)
    await providerOne.addNode({
      node: { nodeKey: nodeTwo.address, ...consent },
      computeUnits: 5n,
      specsURI: 'ipfs://node-two',
    })

    // 1000 staked, 2100 needed for 20 compute units: a typed error, before anything is sent.
    const error = await providerTwo
      .addNode({ node: nodeThree, computeUnits: 20n, specsURI: 'ipfs://node-three' })
      .catch((e) => e)
    expect(error).toBeInstanceOf(ContractErrors.InsufficientStake)
    expect(error.name).toBe('InsufficientStake')
    expect(error.args).toEqual({
      provider: providerTwo.account.address,
      required: 2100n * e18,
      actual: 1000n * e18,
    })

    const increased = await providerTwo.increaseStake({ amount: 1100n * e18 })
    expect(increased.activeStake).toBe(2100n * e18)
    expect(increased.rebonded).toBe(0n)
    await providerTwo.addNode({ node: nodeThree, computeUnits: 20n, specsURI: 'ipfs://node-three' })

    const provider = await providerOne.getProvider({ provider: providerOne.account.address })
    expect(provider).toMatchObject({
      registered: true,
      whitelisted: false,
      activeNodeCount: 0,
      totalComputeUnits: 15n,
    })
    expect(provider.nodes.map((node) => node.nodeKey).sort()).toEqual(
      [nodeOne.address, nodeTwo.address].sort(),
    )
    expect(await providerOne.getNode({ nodeKey: nodeTwo.address })).toEqual({
      nodeKey: nodeTwo.address,
      provider: providerOne.account.address,
      computeUnits: 5n,
      benchmarkScore: 0n,
      active: false,
      validated: false,
      specsURI: 'ipfs://node-two',
    })
    expect(await providerOne.getNode({ nodeKey: manager.address })).toBeNull()
  })

  test('the validator whitelists providers and validates nodes', async () => {
    const error = await providerOne
      .whitelistProvider({ provider: providerOne.account.address })
      .catch((e) => e)
    expect(error).toBeInstanceOf(ContractErrors.MissingRole)
    expect(error.args.account).toBe(providerOne.account.address)

    for (const provider of [providerOne, providerTwo])
      await validatorClient.whitelistProvider({ provider: provider.account.address })
    for (const node of [nodeOne, nodeTwo, nodeThree])
      await validatorClient.validateNode({ nodeKey: node.address })
    expect((await providerOne.getNode({ nodeKey: nodeThree.address }))?.validated).toBe(true)
    expect(
      (await providerOne.getProvider({ provider: providerTwo.account.address })).whitelisted,
    ).toBe(true)
  })

  test('the federator creates a domain and a creator runs a funded pool', async () => {
    const { domainId } = await federatorClient.createDomain({
      name: 'inference',
      domainParametersURI: 'ipfs://domain',
    })
    expect(domainId).toBe(1n)
    expect(await creator.getDomain({ domainId })).toEqual({
      domainId: 1n,
      name: 'inference',
      validationLogic: zeroAddress,
      domainParametersURI: 'ipfs://domain',
    })

    const { poolId } = await creator.createPool({
      domainId,
      computeManagerKey: manager.address,
      name: 'llm',
      poolDataURI: 'ipfs://pool',
    })
    expect(poolId).toBe(1n)
    await creator.setRewardRate({ poolId, rate })
    const funded = await creator.fundPool({ poolId, amount: 1000n * e18 })
    expect(funded.budget).toBe(1000n * e18)
    expect(funded.approveHash).toBeDefined()
    expect((await creator.getPool({ poolId })).status).toBe('PENDING')
    await creator.startPool({ poolId })
    expect(await creator.getPool({ poolId })).toMatchObject({
      poolId: 1n,
      creator: creator.account.address,
      domainId: 1n,
      status: 'ACTIVE',
      computeManagerKey: manager.address,
      computeLimit: 0n,
      name: 'llm',
      rewardRate: rate,
      rewardBudget: 1000n * e18,
      nodeCount: 0,
    })
  })

  test('nodes join with invites, earn, get ejected, leave, and providers claim exact rewards', async () => {
    const poolId = 1n
    const t0 = (await latestTimestamp()) + 100n
    const expiry = t0 + 86_400n
    const [inviteOne, inviteTwo, inviteThree] = await Promise.all(
      [nodeOne, nodeTwo, nodeThree].map((node) =>
        managerClient.signPoolInvite({ poolId, nodeKey: node.address, expiry }),
      ),
    )
    const digest = await testClient.readContract({
      address: deployment.computePool,
      abi: computePoolAbi,
      functionName: 'inviteDigest',
      args: [poolId, nodeOne.address, providerOne.account.address, inviteOne!.nonce, expiry],
    })
    expect(
      hashTypedData({
        domain: {
          name: 'Prime Network ComputePool',
          version: '1',
          chainId: deployment.chainId,
          verifyingContract: deployment.computePool,
        },
        types: poolInviteTypes,
        primaryType: 'PoolInvite',
        message: {
          poolId,
          nodeKey: nodeOne.address,
          provider: providerOne.account.address,
          nonce: inviteOne!.nonce,
          expiry,
          keyVersion: 0n,
        },
      }),
    ).toBe(digest)

    await setNextTimestamp(t0)
    const joined = await providerOne.joinPool({ poolId, invites: [inviteOne!, inviteTwo!] })
    expect(joined.nodeKeys).toEqual([nodeOne.address, nodeTwo.address])

    // The same invite again: its nonce is spent.
    const replay = await providerOne.joinPool({ poolId, invites: [inviteOne!] }).catch((e) => e)
    expect(replay).toBeInstanceOf(ContractErrors.InviteNonceUsed)
    expect(replay.args).toEqual({ poolId, nonce: inviteOne!.nonce })

    await setNextTimestamp(t0 + 10n)
    await providerTwo.joinPool({ poolId, invites: [inviteThree!] })

    const members = await creator.getPoolNodes({ poolId })
    expect(members.map((node) => [node.nodeKey, node.provider, node.computeUnits])).toEqual([
      [nodeOne.address, providerOne.account.address, 10n],
      [nodeTwo.address, providerOne.account.address, 5n],
      [nodeThree.address, providerTwo.account.address, 20n],
    ])
    expect(members[0]!.joinedAt).toBe(t0)
    expect((await creator.getPool({ poolId })).totalCompute).toBe(35n)

    // t0..t0+10 only provider one's 15 units; t0+10..t0+110 all 35 units.
    const before = await balanceOf(providerOne.account.address)
    await setNextTimestamp(t0 + 110n)
    const claimed = await providerOne.claimRewards({ poolId })
    const timeOnly = (nodeKey: `0x${string}`, amount: bigint) => ({
      nodeKey,
      amount,
      timeRewards: amount,
      workRewards: 0n,
    })
    expect(claimed.claims).toEqual([
      timeOnly(nodeOne.address, 10n * rate * 110n),
      timeOnly(nodeTwo.address, 5n * rate * 110n),
    ])
    expect(claimed.total).toBe(15n * rate * 110n)
    expect(await balanceOf(providerOne.account.address)).toBe(before + 15n * rate * 110n)

    await setNextTimestamp(t0 + 150n)
    await creator.ejectNode({ poolId, nodeKey: nodeTwo.address })
    await setNextTimestamp(t0 + 210n)
    const left = await providerTwo.leavePool({ poolId })
    expect(left.nodeKeys).toEqual([nodeThree.address])
    expect((await creator.getPoolNodes({ poolId })).map((node) => node.nodeKey)).toEqual([
      nodeOne.address,
    ])

    await setNextTimestamp(t0 + 260n)
    await managerClient.endPool({ poolId })
    await increaseTime(1000n)

    // Accrual froze when the pool ended.
    expect(
      await providerOne.getPendingRewards({ poolId, provider: providerOne.account.address }),
    ).toEqual({
      total: 10n * rate * 150n + 5n * rate * 40n,
      totalLocked: 0n,
      nodes: expect.arrayContaining([
        pendingTime(nodeOne.address, 10n * rate * 150n),
        pendingTime(nodeTwo.address, 5n * rate * 40n),
      ]),
    })
    expect(await providerOne.getPendingRewards({ poolId, nodeKey: nodeThree.address })).toEqual({
      total: 20n * rate * 200n,
      totalLocked: 0n,
      nodes: [pendingTime(nodeThree.address, 20n * rate * 200n)],
    })
    const pool = await creator.getPool({ poolId })
    expect(pool.status).toBe('COMPLETED')
    expect(pool.endedAt).toBe(t0 + 260n)
    const accrued = 10n * 260n + 5n * 150n + 20n * 200n
    expect(pool.rewardBudget).toBe(1000n * e18 - accrued * rate)

    const twoBefore = await balanceOf(providerTwo.account.address)
    expect((await providerTwo.claimRewards({ poolId })).total).toBe(20n * rate * 200n)
    expect(await balanceOf(providerTwo.account.address)).toBe(twoBefore + 20n * rate * 200n)

    await providerOne.leavePool({ poolId, nodeKeys: [nodeOne.address] })
    const rest = await providerOne.claimRewards({
      poolId,
      nodeKeys: [nodeOne.address, nodeTwo.address],
    })
    expect(rest.total).toBe(10n * rate * 150n + 5n * rate * 40n)
    expect(
      await providerOne.getPendingRewards({ poolId, provider: providerOne.account.address }),
    ).toEqual(expect.objectContaining({ total: 0n }))
  })

  test('stake unbonds, rebonds, withdraws after the unbonding period, and is slashed', async () => {
    const provider = providerOne.account.address
    await providerOne.increaseStake({ amount: 500n * e18 })
    const reclaimed = await providerOne.reclaimStake({ amount: 300n * e18 })
    expect(reclaimed.activeStake).toBe(1800n * e18)
    expect(reclaimed.unlockTime).toBe((await latestTimestamp()) + 7n * 86_400n)

    // Below what the nodes require: typed error from the simulation.
    const tooMuch = await providerOne.reclaimStake({ amount: 201n * e18 }).catch((e) => e)
    expect(tooMuch).toBeInstanceOf(ContractErrors.InsufficientStake)

    const rebond = await providerOne.increaseStake({ amount: 100n * e18 })
    expect(rebond.rebonded).toBe(100n * e18)
    expect(await providerOne.getStake({ provider })).toEqual({
      active: 1900n * e18,
      unbonding: 200n * e18,
      pendingUnbonds: [{ amount: 200n * e18, unlockTime: reclaimed.unlockTime }],
      withdrawable: 0n,
      minimum: 1600n * e18,
    })

    const early = await providerOne.withdrawStake().catch((e) => e)
    expect(early).toBeInstanceOf(ContractErrors.NothingToWithdraw)

    await increaseTime(7n * 86_400n)
    expect((await providerOne.getStake({ provider })).withdrawable).toBe(200n * e18)
    const before = await balanceOf(provider)
    expect((await providerOne.withdrawStake()).amount).toBe(200n * e18)
    expect(await balanceOf(provider)).toBe(before + 200n * e18)

    const treasuryBefore = await balanceOf(federator.address)
    const slashed = await validatorClient.slash({ provider, amount: 100n * e18 })
    expect(slashed).toMatchObject({
      slashed: 100n * e18,
      fromActive: 100n * e18,
      fromUnbonding: 0n,
      treasury: federator.address,
    })
    expect(await balanceOf(federator.address)).toBe(treasuryBefore + 100n * e18)
  })

  test('blacklists, invalidation and node removal', async () => {
    const poolId = (
      await creator.createPool({
        domainId: 1n,
        computeManagerKey: manager.address,
        name: 'second',
        poolDataURI: 'ipfs://second',
        computeLimit: 100n,
      })
    ).poolId
    expect(poolId).toBe(2n)
    await creator.startPool({ poolId })
    const expiry = (await latestTimestamp()) + 3600n
    const invite = await managerClient.signPoolInvite({
      poolId,
      nodeKey: nodeThree.address,
      expiry,
    })
    await providerTwo.joinPool({ poolId, invites: [invite] })

    await creator.blacklistProvider({
      poolId,
      provider: providerTwo.account.address,
      purgeNodeKeys: [nodeThree.address],
    })
    expect(await creator.getPoolNodes({ poolId })).toEqual([])
    const again = await managerClient.signPoolInvite({ poolId, nodeKey: nodeThree.address, expiry })
    const blocked = await providerTwo.joinPool({ poolId, invites: [again] }).catch((e) => e)
    expect(blocked).toBeInstanceOf(ContractErrors.ProviderBlacklisted)

    await creator.blacklistNode({ poolId, nodeKey: nodeOne.address })
    const nodeBlocked = await providerOne
      .joinPool({
        poolId,
        invites: [await managerClient.signPoolInvite({ poolId, nodeKey: nodeOne.address, expiry })],
      })
      .catch((e) => e)
    expect(nodeBlocked).toBeInstanceOf(ContractErrors.NodeBlacklisted)

    await validatorClient.invalidateNode({ nodeKey: nodeTwo.address })
    const invalid = await providerOne
      .joinPool({
        poolId,
        invites: [await managerClient.signPoolInvite({ poolId, nodeKey: nodeTwo.address, expiry })],
      })
      .catch((e) => e)
    expect(invalid).toBeInstanceOf(ContractErrors.NodeNotValidated)

    await validatorClient.blacklistProvider({ provider: providerOne.account.address })
    expect((await creator.getProvider({ provider: providerOne.account.address })).whitelisted).toBe(
      false,
    )

    await providerTwo.removeNode({ nodeKey: nodeThree.address })
    const two = await creator.getProvider({ provider: providerTwo.account.address })
    expect(two.nodes).toEqual([])
    expect(two.totalComputeUnits).toBe(0n)
  })
})
