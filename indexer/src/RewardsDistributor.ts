import type { Context } from 'ponder:registry'
import schema from 'ponder:schema'
import { and, eq, gt } from 'ponder'
import { origin, updateProvider } from './entities.js'
import { on } from './on.js'

on('RewardsDistributor:PoolFunded', async ({ event, context }) => {
  const { poolId, funder, amount, budget } = event.args
  await context.db.insert(schema.funding).values({
    id: event.id,
    poolId,
    funder,
    amount,
    budget,
    ...origin(event),
  })
  await context.db.update(schema.pool, { poolId }).set((p) => ({
    funded: p.funded + amount,
    budgetLeft: p.budgetLeft + amount,
  }))
})

/** A pool's rate changed: the change goes to its history, the new value to the pool. */
async function recordRate(
  context: Context,
  event: { id: string } & Parameters<typeof origin>[0],
  poolId: bigint,
  kind: 'REWARD_RATE' | 'WORK_REWARD_RATE' | 'WORK_LOCK_PERIOD',
  value: bigint,
) {
  await context.db.insert(schema.rateChange).values({
    id: event.id,
    poolId,
    kind,
    value,
    ...origin(event),
  })
  const field = {
    REWARD_RATE: 'rewardRate',
    WORK_REWARD_RATE: 'workRewardRate',
    WORK_LOCK_PERIOD: 'workLockPeriod',
  }[kind]
  await context.db.update(schema.pool, { poolId }).set({ [field]: value })
}

on('RewardsDistributor:RewardRateSet', ({ event, context }) =>
  recordRate(context, event, event.args.poolId, 'REWARD_RATE', event.args.rate),
)

on('RewardsDistributor:WorkRewardRateSet', async ({ event, context }) => {
  const { poolId, rate, maxLockedPerNode } = event.args
  await recordRate(context, event, poolId, 'WORK_REWARD_RATE', rate)
  await context.db.update(schema.pool, { poolId }).set({ workMaxLockedPerNode: maxLockedPerNode })
})

on('RewardsDistributor:WorkLockPeriodSet', ({ event, context }) =>
  recordRate(context, event, event.args.poolId, 'WORK_LOCK_PERIOD', event.args.period),
)

on('RewardsDistributor:RewardsClaimed', async ({ event, context }) => {
  const { poolId, nodeKey, provider, timeRewards, workRewards } = event.args
  const total = timeRewards + workRewards
  await context.db.insert(schema.claim).values({
    id: event.id,
    poolId,
    nodeKey,
    provider,
    timeRewards,
    workRewards,
    ...origin(event),
  })
  await context.db.update(schema.pool, { poolId }).set((p) => ({
    claimed: p.claimed + total,
    budgetLeft: p.budgetLeft - total,
  }))
  await context.db.update(schema.node, { nodeKey }).set((n) => ({
    timeRewardsClaimed: n.timeRewardsClaimed + timeRewards,
    workRewardsClaimed: n.workRewardsClaimed + workRewards,
    earnedRewards: n.earnedRewards + total,
  }))
  await updateProvider(context.db, provider, (p) => ({
    rewardsClaimed: p.rewardsClaimed + total,
  }))
})

on('RewardsDistributor:RewardsForfeited', async ({ event, context }) => {
  const { poolId, nodeKey, amount } = event.args
  await context.db.insert(schema.forfeit).values({
    id: event.id,
    poolId,
    nodeKey,
    amount,
    ...origin(event),
  })
  // Forfeited rewards go back to the pool's budget: the tokens stay, budgetLeft does not change.
  await context.db.update(schema.pool, { poolId }).set((p) => ({ forfeited: p.forfeited + amount }))
  await context.db
    .update(schema.node, { nodeKey })
    .set((n) => ({ rewardsForfeited: n.rewardsForfeited + amount }))
})

on('RewardsDistributor:BudgetWithdrawn', async ({ event, context }) => {
  const { poolId, to, amount } = event.args
  await context.db.insert(schema.budgetWithdrawal).values({
    id: event.id,
    poolId,
    to,
    amount,
    ...origin(event),
  })
  await context.db.update(schema.pool, { poolId }).set((p) => ({
    withdrawn: p.withdrawn + amount,
    budgetLeft: p.budgetLeft - amount,
  }))
})

on('RewardsDistributor:WorkAccepted', async ({ event, context }) => {
  const { nodeKey, workKey, poolId, provider, units, reward, unlockAt } = event.args
  await context.db.insert(schema.work).values({
    nodeKey,
    workKey,
    poolId,
    provider,
    units,
    reward,
    submittedAt: event.block.timestamp,
    unlockAt,
    status: 'ACCEPTED',
    rewardReturned: false,
    transactionHash: event.transaction.hash,
  })
  await context.db.update(schema.pool, { poolId }).set((p) => ({
    workCount: p.workCount + 1,
    workUnits: p.workUnits + units,
  }))
})

on('RewardsDistributor:WorkInvalidated', async ({ event, context }) => {
  const { nodeKey, workKey, poolId, reward, hard } = event.args
  await context.db.insert(schema.workInvalidation).values({
    id: event.id,
    nodeKey,
    workKey,
    poolId,
    reward,
    hard,
    ...origin(event),
  })
  await context.db
    .update(schema.work, { nodeKey, workKey })
    .set({ status: hard ? 'INVALIDATED' : 'SOFT_INVALIDATED', rewardReturned: true })
})

on('RewardsDistributor:LockedWorkReturned', async ({ event, context }) => {
  const { poolId, nodeKey, amount } = event.args
  await context.db.insert(schema.lockedWorkReturn).values({
    id: event.id,
    poolId,
    nodeKey,
    amount,
    ...origin(event),
  })
  // The node's accepted works still in their window paid into the amount: one bounded update (a
  // node has at most two windows of locked work in a pool).
  await context.db.sql
    .update(schema.work)
    .set({ rewardReturned: true })
    .where(
      and(
        eq(schema.work.poolId, poolId),
        eq(schema.work.nodeKey, nodeKey),
        eq(schema.work.status, 'ACCEPTED'),
        gt(schema.work.unlockAt, event.block.timestamp),
      ),
    )
})
