import type { Deployment } from '@prime-network/sdk'
import type { Address } from 'viem'
import { formatDelta, formatNumber, formatTable, formatToken } from './format.js'
import { plan, timeline } from './scenario.js'
import type { Stage } from './stage.js'

export type DemoNode = {
  name: string
  nodeKey: Address
  provider: string
  computeUnits: bigint
  /** Seconds the node was active in the pool up to its provider's claim. */
  claimedSeconds: bigint
  /** What its provider claimed for its time. */
  claimed: bigint
  /** What its provider claimed for its work. */
  workClaimed: bigint
  /** Rewards still claimable when the demo ends (the node may still be in the pool). */
  pending: bigint
}

export type DemoProvider = {
  name: string
  address: Address
  /** Tokens staked at registration. */
  staked: bigint
  activeStake: bigint
  unbonding: bigint
  withdrawn: bigint
  rewardsClaimed: bigint
  balanceBefore: bigint
  balanceAfter: bigint
}

/** The figures the demo ends with, all read back from the chain. */
export type DemoSummary = {
  rpcUrl: string
  deployment: Deployment
  stakeMinimum: bigint
  unbondingPeriod: bigint
  domainId: bigint
  poolId: bigint
  /** Tokens per compute unit per second. */
  rewardRate: bigint
  /** Tokens per accepted work unit. */
  workRewardRate: bigint
  poolFunded: bigint
  /** What the creator took back after the end: the budget no node earned. */
  poolBudgetReturned: bigint
  /** The pool's budget after that (zero). */
  poolBudgetLeft: bigint
  /** Slashed from the provider whose work was invalidated, to the treasury. */
  penaltySlashed: bigint
  providers: DemoProvider[]
  /** The pool creator's token balance before and after (she funded the pool and took back the rest). */
  creator: { name: string; address: Address; balanceBefore: bigint; balanceAfter: bigint }
  nodes: DemoNode[]
  transactions: number
  gasUsed: bigint
}

/** Reads the final figures back from the chain and prints them as tables. */
export async function summarize(s: Stage): Promise<DemoSummary> {
  const results = s.results
  const poolId = results.poolId!
  const providers: DemoProvider[] = []
  for (const [provider, staked, withdrawn, rewards] of [
    [s.alice, plan.aliceStake, 0n, results.aliceClaimed!],
    [s.bob, plan.bobStake, results.bobWithdrawn!, results.bobClaimed!],
  ] as const) {
    const address = provider.account.address
    const stake = await provider.getStake({ provider: address })
    providers.push({
      name: s.names.get(address)!,
      address,
      staked,
      activeStake: stake.active,
      unbonding: stake.unbonding,
      withdrawn,
      rewardsClaimed: rewards,
      balanceBefore: results.balancesBefore!.get(address)!,
      balanceAfter: await s.balanceOf(address),
    })
  }
  const [aliceGpu1, aliceGpu2, bobGpu1] = s.nodes
  const claimTimes = {
    [aliceGpu1!.name]: timeline.aliceClaims - timeline.aliceJoins,
    [aliceGpu2!.name]: timeline.managerEjects - timeline.aliceJoins,
    [bobGpu1!.name]: timeline.bobLeaves - timeline.bobJoins,
  }
  const nodes: DemoNode[] = []
  for (const node of s.nodes) {
    const { total } = await s.alice.getPendingRewards({ poolId, nodeKey: node.account.address })
    const claimed = results.claimed!.get(node.account.address) ?? { time: 0n, work: 0n }
    nodes.push({
      name: node.name,
      nodeKey: node.account.address,
      provider: node.provider,
      computeUnits: node.computeUnits,
      claimedSeconds: claimTimes[node.name]!,
      claimed: claimed.time,
      workClaimed: claimed.work,
      pending: total,
    })
  }
  const pool = await s.carol.getPool({ poolId })
  const creator = {
    name: 'carol',
    address: s.carol.account.address,
    balanceBefore: results.balancesBefore!.get(s.carol.account.address)!,
    balanceAfter: await s.balanceOf(s.carol.account.address),
  }

  s.say()
  for (const line of formatTable(
    ['node', 'provider', 'units', 'active s', 'rate x units x s', 'time', 'work', 'pending'],
    nodes.map((node) => [
      node.name,
      node.provider,
      String(node.computeUnits),
      formatNumber(node.claimedSeconds),
      formatToken(plan.rewardRate * node.computeUnits * node.claimedSeconds),
      formatToken(node.claimed),
      formatToken(node.workClaimed),
      formatToken(node.pending),
    ]),
  ))
    s.note(line)
  s.note(`(time and work: what the provider claimed for each; ${aliceGpu1!.name} earned on after`)
  s.note(" alice's claim until the pool ended: still claimable)")
  s.say()
  for (const line of formatTable(
    ['provider', 'staked', 'active', 'unbonding', 'withdrawn', 'rewards', 'balance', 'change'],
    [
      ...providers.map((provider) => [
        provider.name,
        formatToken(provider.staked),
        formatToken(provider.activeStake),
        formatToken(provider.unbonding),
        formatToken(provider.withdrawn),
        formatToken(provider.rewardsClaimed),
        formatToken(provider.balanceAfter),
        formatDelta(provider.balanceAfter - provider.balanceBefore),
      ]),
      [
        `${creator.name} (pool)`,
        '',
        '',
        '',
        '',
        '',
        formatToken(creator.balanceAfter),
        formatDelta(creator.balanceAfter - creator.balanceBefore),
      ],
    ],
  ))
    s.note(line)
  s.say()
  s.note(
    `pool ${poolId}: funded ${formatToken(plan.poolFunding)} PRIME, claimed ${formatToken(results.aliceClaimed! + results.bobClaimed!)}, returned to carol ${formatToken(results.budgetReturned!)}, budget left ${formatToken(pool.rewardBudget)} (amounts in PRIME)`,
  )
  s.note(
    `alice's active stake is ${formatToken(plan.aliceStake - results.penaltySlashed!)} PRIME: ${formatToken(results.penaltySlashed!)} was slashed for the invalidated work`,
  )
  s.note(`${s.totals.transactions} transactions, ${formatNumber(s.totals.gasUsed)} gas in total`)

  return {
    rpcUrl: s.rpcUrl,
    deployment: s.deployment,
    stakeMinimum: plan.stakeMinimum,
    unbondingPeriod: plan.unbondingPeriod,
    domainId: results.domainId!,
    poolId,
    rewardRate: pool.rewardRate,
    workRewardRate: (await s.carol.getPoolRewards({ poolId })).workRate,
    poolFunded: plan.poolFunding,
    poolBudgetReturned: results.budgetReturned!,
    poolBudgetLeft: pool.rewardBudget,
    penaltySlashed: results.penaltySlashed!,
    providers,
    creator,
    nodes,
    transactions: s.totals.transactions,
    gasUsed: s.totals.gasUsed,
  }
}
