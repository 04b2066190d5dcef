import { ContractErrors } from '@prime-network/sdk'
import { formatDuration, formatToken, shortAddress } from './format.js'
import { plan, timeline, workKey, works } from './scenario.js'
import type { Stage } from './stage.js'

/** One part of the story: a title and what the actors do (each action first, its report after). */
export type Act = { title: string; run: (stage: Stage) => Promise<void> }

const configureNetwork: Act = {
  title: 'The federator configures the network',
  async run(s) {
    s.results.balancesBefore = new Map()
    for (const actor of [s.alice, s.bob, s.carol])
      s.results.balancesBefore.set(actor.account.address, await s.balanceOf(actor.account.address))
    s.sent(
      'federator',
      `setStakeMinimum: ${formatToken(plan.stakeMinimum)} PRIME per compute unit (plus one)`,
      await s.federator.setStakeMinimum({ stakeMinimum: plan.stakeMinimum }),
    )
    s.sent(
      'federator',
      `setUnbondingPeriod: ${formatDuration(plan.unbondingPeriod)}`,
      await s.federator.setUnbondingPeriod({ period: plan.unbondingPeriod }),
    )
    s.sent(
      'federator',
      `setMinWorkLockPeriod: ${formatDuration(plan.workLockPeriod)} for validators to check work (short, for the demo)`,
      await s.federator.setMinWorkLockPeriod({ period: plan.workLockPeriod }),
    )
  },
}

const registerProviders: Act = {
  title: 'Two providers stake and register (registerProvider signs an ERC-2612 permit)',
  async run(s) {
    for (const [provider, amount] of [
      [s.alice, plan.aliceStake],
      [s.bob, plan.bobStake],
    ] as const) {
      const registered = await provider.registerProvider({ amount })
      s.sent(
        s.names.get(provider.account.address)!,
        `registerProvider: staked ${formatToken(amount)} PRIME (allowance by ${registered.allowance.kind})`,
        registered,
      )
      s.note(
        `${''.padEnd(11)}   wallet ${formatToken(await s.balanceOf(provider.account.address))} PRIME, active stake ${formatToken(registered.activeStake)} PRIME`,
      )
    }
  },
}

const addNodes: Act = {
  title: 'Providers add compute nodes (each node key signs an EIP-712 ownership proof)',
  async run(s) {
    for (const node of s.nodes) {
      const added = await s.providerOf(node).addNode({
        node: node.account,
        computeUnits: node.computeUnits,
        specsURI: `ipfs://demo/${node.name}`,
      })
      s.sent(
        node.provider,
        `addNode ${node.name} (${shortAddress(node.account.address)}), ${node.computeUnits} compute units`,
        added,
      )
    }
    for (const provider of [s.alice, s.bob]) {
      const address = provider.account.address
      const [stake, registered] = await Promise.all([
        provider.getStake({ provider: address }),
        provider.getProvider({ provider: address }),
      ])
      s.note(
        `${s.names.get(address)!.padEnd(11)} stake ${formatToken(stake.active)} PRIME, required ${formatToken(stake.minimum)} PRIME = ${formatToken(plan.stakeMinimum)} x (1 + ${registered.totalComputeUnits} units)`,
      )
    }
  },
}

const validateProviders: Act = {
  title: 'The validator whitelists the providers and validates their nodes',
  async run(s) {
    for (const provider of [s.alice, s.bob])
      s.sent(
        'validator',
        `whitelistProvider ${s.names.get(provider.account.address)}`,
        await s.validator.whitelistProvider({ provider: provider.account.address }),
      )
    for (const node of s.nodes)
      s.sent(
        'validator',
        `validateNode ${node.name}`,
        await s.validator.validateNode({ nodeKey: node.account.address }),
      )
  },
}

const createDomain: Act = {
  title: 'The federator creates a domain whose work the shipped validation logic checks',
  async run(s) {
    const domain = await s.federator.createDomain({
      name: 'llm-inference',
      validationLogic: s.deployment.workValidation!,
      domainParametersURI: 'ipfs://demo/domain',
    })
    s.results.domainId = domain.domainId
    s.sent('federator', `createDomain "llm-inference" -> domain ${domain.domainId}`, domain)
    s.sent(
      'federator',
      `setWorkUnitsCap: at most ${plan.workUnitsCap} units per work in domain ${domain.domainId}`,
      await s.federator.setWorkUnitsCap({ domainId: domain.domainId, cap: plan.workUnitsCap }),
    )
  },
}

const openPool: Act = {
  title: 'A compute manager creates, funds and starts a pool that pays for time and for work',
  async run(s) {
    const domainId = s.results.domainId!
    const created = await s.carol.createPool({
      domainId,
      computeManagerKey: s.carol.account.address,
      name: 'demo-pool',
      poolDataURI: 'ipfs://demo/pool',
    })
    const { poolId } = created
    s.results.poolId = poolId
    s.sent('carol', `createPool "demo-pool" in domain ${domainId} -> pool ${poolId}`, created)
    s.sent(
      'carol',
      `setRewardRate: ${formatToken(plan.rewardRate)} PRIME per compute unit per second`,
      await s.carol.setRewardRate({ poolId, rate: plan.rewardRate }),
    )
    s.sent(
      'carol',
      `setWorkRewardRate: ${formatToken(plan.workRewardRate)} PRIME per accepted work unit, at most ${formatToken(plan.maxLockedPerNode)} PRIME locked per node`,
      await s.carol.setWorkRewardRate({
        poolId,
        rate: plan.workRewardRate,
        maxLockedPerNode: plan.maxLockedPerNode,
      }),
    )
    s.sent(
      'carol',
      `setWorkLockPeriod: ${formatDuration(plan.workLockPeriod)}`,
      await s.carol.setWorkLockPeriod({ poolId, period: plan.workLockPeriod }),
    )
    const funded = await s.carol.fundPool({ poolId, amount: plan.poolFunding })
    if (funded.approveHash)
      s.sent('carol', 'approve the RewardsDistributor (fundPool does it when short)', {
        hash: funded.approveHash,
        receipt: await s.carol.getTransactionReceipt({ hash: funded.approveHash }),
      })
    s.sent(
      'carol',
      `fundPool ${formatToken(plan.poolFunding)} PRIME -> budget ${formatToken(funded.budget)} PRIME`,
      funded,
    )
    s.sent('carol', `startPool ${poolId}: PENDING -> ACTIVE`, await s.carol.startPool({ poolId }))
    // From here on every transaction's block time is pinned (see `timeline`).
    await s.startClock()
  },
}

const joinPool: Act = {
  title: 'Nodes join the pool with invites signed by the compute manager key',
  async run(s) {
    const poolId = s.results.poolId!
    const expiry = s.t0 + 86_400n
    const invites = await Promise.all(
      s.nodes.map((node) =>
        s.carol.signPoolInvite({ poolId, nodeKey: node.account.address, expiry }),
      ),
    )
    for (const [index, node] of s.nodes.entries()) {
      const nonce = invites[index]!.nonce.toString(16)
      s.note(
        `${'carol'.padEnd(11)} signPoolInvite for ${node.name} (off-chain): nonce 0x${nonce.slice(0, 4)}…${nonce.slice(-4)}, expires t0+24h`,
      )
    }
    const [aliceGpu1, aliceGpu2, bobGpu1] = s.nodes
    await s.at(timeline.aliceJoins)
    s.sent(
      'alice',
      `${s.clock(timeline.aliceJoins)} joinPool with ${aliceGpu1!.name} and ${aliceGpu2!.name} (one batch)`,
      await s.alice.joinPool({ poolId, invites: [invites[0]!, invites[1]!] }),
    )
    await s.at(timeline.bobJoins)
    s.sent(
      'bob',
      `${s.clock(timeline.bobJoins)} joinPool with ${bobGpu1!.name}`,
      await s.bob.joinPool({ poolId, invites: [invites[2]!] }),
    )
    const pool = await s.carol.getPool({ poolId })
    s.note(
      `pool ${poolId}: ${pool.status}, ${pool.nodeCount} nodes, ${pool.totalCompute} compute units`,
    )
  },
}

const submitWork: Act = {
  title: 'Nodes submit work (a work key and its units): each reward is reserved and locked',
  async run(s) {
    const poolId = s.results.poolId!
    // Node keys live on the workers and pay their own gas: anvil funds only its first ten accounts.
    for (const node of s.nodes)
      await s.chain.setBalance({ address: node.account.address, value: 10n ** 18n })
    s.note(`${'anvil'.padEnd(11)} setBalance: 1 ETH of gas money for each node key`)
    for (const [index, work] of works.entries()) {
      const node = s.node(work.node)
      const byNode = work.sender === 'node'
      // Ten seconds apart, all in the first work window: they unlock together.
      const offset = timeline.worksSubmitted + 10n * BigInt(index)
      await s.at(offset)
      const submitted = await (byNode ? node.client : s.providerOf(node)).submitWork({
        poolId,
        nodeKey: node.account.address,
        workKey: workKey(work),
        units: work.units,
      })
      s.sent(
        byNode ? work.node : node.provider,
        `${s.clock(offset)} submitWork "${work.label}" for ${work.node} (sent by ${byNode ? 'the node key' : 'its provider'}): ${work.units} units -> ${formatToken(submitted.reward)} PRIME locked until t0+${formatDuration(submitted.unlockAt - s.t0)}`,
        submitted,
      )
    }
  },
}

const checkWork: Act = {
  title: 'The validator checks the work while it is locked: one bad, one doubtful',
  async run(s) {
    const bad = works.find((work) => work.verdict === 'invalidated')!
    const doubtful = works.find((work) => work.verdict === 'soft-invalidated')!
    await s.at(timeline.validatorInvalidates)
    const hard = await s.validator.invalidateWork({
      nodeKey: s.node(bad.node).account.address,
      workKey: workKey(bad),
      penalty: plan.workPenalty,
    })
    s.results.penaltySlashed = hard.slashed
    s.sent(
      'validator',
      `${s.clock(timeline.validatorInvalidates)} invalidateWork "${bad.label}": ${formatToken(hard.reward)} PRIME back to the budget, ${formatToken(hard.slashed)} PRIME slashed from ${s.node(bad.node).provider} to the treasury`,
      hard,
    )
    await s.at(timeline.validatorSoftInvalidates)
    const soft = await s.validator.softInvalidateWork({
      nodeKey: s.node(doubtful.node).account.address,
      workKey: workKey(doubtful),
    })
    s.sent(
      'validator',
      `${s.clock(timeline.validatorSoftInvalidates)} softInvalidateWork "${doubtful.label}": ${formatToken(soft.reward)} PRIME back to the budget, no penalty`,
      soft,
    )
  },
}

const timePasses: Act = {
  title: 'Time passes on the chain: one hour (the work windows end on the way)',
  async run(s) {
    const poolId = s.results.poolId!
    await s.at(timeline.hourLater)
    await s.chain.mine({ blocks: 1 })
    s.note(`⏩ ${s.clock(timeline.hourLater)} evm_setNextBlockTimestamp + evm_mine`)
    for (const node of s.nodes) {
      const [pending] = (await s.alice.getPendingRewards({ poolId, nodeKey: node.account.address }))
        .nodes
      const joined = node.provider === 'alice' ? timeline.aliceJoins : timeline.bobJoins
      s.note(
        `${node.name.padEnd(11)} time ${formatToken(pending!.time)} PRIME = ${formatToken(plan.rewardRate)} x ${node.computeUnits} units x ${timeline.hourLater - joined} s; work ${formatToken(pending!.workClaimable)} PRIME`,
      )
    }
  },
}

const ejectAndLeave: Act = {
  title: 'One node is ejected by the compute manager, one leaves',
  async run(s) {
    const poolId = s.results.poolId!
    const [, aliceGpu2, bobGpu1] = s.nodes
    await s.at(timeline.managerEjects)
    s.sent(
      'carol',
      `${s.clock(timeline.managerEjects)} ejectNode ${aliceGpu2!.name}`,
      await s.carol.ejectNode({ poolId, nodeKey: aliceGpu2!.account.address }),
    )
    await s.at(timeline.bobLeaves)
    s.sent(
      'bob',
      `${s.clock(timeline.bobLeaves)} leavePool with ${bobGpu1!.name}`,
      await s.bob.leavePool({ poolId, nodeKeys: [bobGpu1!.account.address] }),
    )
    const remaining = await s.carol.getPoolNodes({ poolId })
    s.note(
      `pool ${poolId} now has ${remaining.length} node(s): ${remaining.map((member) => s.nodes.find((n) => n.account.address === member.nodeKey)?.name).join(', ')}`,
    )
  },
}

const claimAndEnd: Act = {
  title: 'Providers claim their time and work rewards; the compute manager ends the pool',
  async run(s) {
    const poolId = s.results.poolId!
    const [aliceGpu1, aliceGpu2, bobGpu1] = s.nodes
    const claimed = new Map<`0x${string}`, { time: bigint; work: bigint }>()
    await s.at(timeline.aliceClaims)
    const aliceClaim = await s.alice.claimRewards({
      poolId,
      nodeKeys: [aliceGpu1!.account.address, aliceGpu2!.account.address],
    })
    s.sent(
      'alice',
      `${s.clock(timeline.aliceClaims)} claimRewards: ${formatToken(aliceClaim.total)} PRIME`,
      aliceClaim,
    )
    await s.at(timeline.bobClaims)
    const bobClaim = await s.bob.claimRewards({ poolId, nodeKeys: [bobGpu1!.account.address] })
    s.sent(
      'bob',
      `${s.clock(timeline.bobClaims)} claimRewards: ${formatToken(bobClaim.total)} PRIME`,
      bobClaim,
    )
    for (const claim of [...aliceClaim.claims, ...bobClaim.claims]) {
      claimed.set(claim.nodeKey, { time: claim.timeRewards, work: claim.workRewards })
      const node = s.nodes.find((n) => n.account.address === claim.nodeKey)!
      s.note(
        `${node.name.padEnd(11)} claimed ${formatToken(claim.timeRewards)} PRIME for time and ${formatToken(claim.workRewards)} PRIME for work`,
      )
    }
    s.results.claimed = claimed
    s.results.aliceClaimed = aliceClaim.total
    s.results.bobClaimed = bobClaim.total
    await s.at(timeline.managerEndsPool)
    s.sent(
      'carol',
      `${s.clock(timeline.managerEndsPool)} endPool ${poolId}: ACTIVE -> COMPLETED (${aliceGpu1!.name} stops earning)`,
      await s.carol.endPool({ poolId }),
    )
    const refund = await s.carol.withdrawUnusedBudget({ poolId })
    s.results.budgetReturned = refund.amount
    s.sent(
      'carol',
      `withdrawUnusedBudget: ${formatToken(refund.amount)} PRIME no node earned goes back to carol`,
      refund,
    )
  },
}

const bobExits: Act = {
  title: 'Bob exits: removes his node, reclaims his stake, withdraws after unbonding',
  async run(s) {
    const [, , bobGpu1] = s.nodes
    await s.at(timeline.bobRemovesNode)
    s.sent(
      'bob',
      `${s.clock(timeline.bobRemovesNode)} removeNode ${bobGpu1!.name}`,
      await s.bob.removeNode({ nodeKey: bobGpu1!.account.address }),
    )
    await s.at(timeline.bobReclaims)
    const reclaimed = await s.bob.reclaimStake({ amount: plan.bobStake })
    s.sent(
      'bob',
      `${s.clock(timeline.bobReclaims)} reclaimStake ${formatToken(plan.bobStake)} PRIME: unbonding until t0+${formatDuration(reclaimed.unlockTime - s.t0)}`,
      reclaimed,
    )
    const early = await s.bob.withdrawStake().catch((error: unknown) => error)
    if (!(early instanceof ContractErrors.NothingToWithdraw))
      throw new Error('withdrawing before the unbonding period ended should fail', { cause: early })
    s.note(
      `${'bob'.padEnd(11)} withdrawStake now -> ${early.name} (caught in simulation, nothing sent)`,
    )
    const unlockOffset = reclaimed.unlockTime - s.t0
    await s.at(unlockOffset)
    await s.chain.mine({ blocks: 1 })
    s.note(
      `⏩ ${s.clock(unlockOffset)} ${formatDuration(plan.unbondingPeriod)} pass: evm_setNextBlockTimestamp + evm_mine`,
    )
    const withdrawOffset = unlockOffset + 60n
    await s.at(withdrawOffset)
    const withdrawn = await s.bob.withdrawStake()
    s.results.bobWithdrawn = withdrawn.amount
    s.sent(
      'bob',
      `${s.clock(withdrawOffset)} withdrawStake: ${formatToken(withdrawn.amount)} PRIME back in his wallet`,
      withdrawn,
    )
  },
}

/** The story, in order: its step numbers come from this list. */
export const acts: readonly Act[] = [
  configureNetwork,
  registerProviders,
  addNodes,
  validateProviders,
  createDomain,
  openPool,
  joinPool,
  submitWork,
  checkWork,
  timePasses,
  ejectAndLeave,
  claimAndEnd,
  bobExits,
]
