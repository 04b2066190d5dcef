import schema from 'ponder:schema'
import { updateProvider } from './entities.js'
import { on } from './on.js'

on('RewardsDistributor:PoolFunded', async ({ event, context }) => {
  const { poolId, funder, amount, budget } = event.args
  await context.db.insert(schema.funding).values({
    id: event.id,
    poolId,
    funder,
    amount,
    budget,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  })
  await context.db.update(schema.pool, { poolId }).set((p) => ({
    funded: p.funded + amount,
    budgetLeft: p.budgetLeft + amount,
  }))
})

on('RewardsDistributor:RewardRateSet', async ({ event, context }) => {
  const { poolId, rate } = event.args
  await context.db.insert(schema.rateChange).values({
    id: event.id,
    poolId,
    kind: 'REWARD_RATE',
    value: rate,
    timestamp: event.block.timestamp,
  })
  await context.db.update(schema.pool, { poolId }).set({ rewardRate: rate })
})

on('RewardsDistributor:WorkRewardRateSet', async ({ event, context }) => {
  const { poolId, rate } = event.args
  await context.db.insert(schema.rateChange).values({
    id: event.id,
    poolId,
    kind: 'WORK_REWARD_RATE',
    value: rate,
    timestamp: event.block.timestamp,
  })
  await context.db.update(schema.pool, { poolId }).set({ workRewardRate: rate })
})

on('RewardsDistributor:WorkLockPeriodSet', async ({ event, context }) => {
  const { poolId, period } = event.args
  await context.db.insert(schema.rateChange).values({
    id: event.id,
    poolId,
    kind: 'WORK_LOCK_PERIOD',
    value: period,
    timestamp: event.block.timestamp,
  })
  await context.db.update(schema.pool, { poolId }).set({ workLockPeriod: period })
})

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
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
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
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
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
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  })
  await context.db.update(schema.pool, { poolId }).set((p) => ({
    withdrawn: p.withdrawn + amount,
    budgetLeft: p.budgetLeft - amount,
  }))
})

on('RewardsDistributor:WorkAccepted', async ({ event, context }) => {
  const { workKey, poolId, nodeKey, provider, units, reward, unlockAt } = event.args
  const accepted = {
    poolId,
    nodeKey,
    provider,
    units,
    reward,
    submittedAt: event.block.timestamp,
    unlockAt,
    status: 'ACCEPTED' as const,
    transactionHash: event.transaction.hash,
  }
  // An invalidated key may be submitted again: the row follows the chain's latest record.
  await context.db
    .insert(schema.work)
    .values({ workKey, ...accepted, submissions: 1 })
    .onConflictDoUpdate((w) => ({ ...accepted, submissions: w.submissions + 1 }))
  await context.db.update(schema.pool, { poolId }).set((p) => ({
    workCount: p.workCount + 1,
    workUnits: p.workUnits + units,
  }))
})

on('RewardsDistributor:WorkInvalidated', async ({ event, context }) => {
  const { workKey, poolId, nodeKey, reward, hard } = event.args
  await context.db.insert(schema.workInvalidation).values({
    id: event.id,
    workKey,
    poolId,
    nodeKey,
    reward,
    hard,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  })
  await context.db
    .update(schema.work, { workKey })
    .set({ status: hard ? 'INVALIDATED' : 'SOFT_INVALIDATED' })
})
