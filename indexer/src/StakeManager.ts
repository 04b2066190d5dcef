import schema from 'ponder:schema'
import { origin, setNetwork, updateProvider } from './entities.js'
import { on } from './on.js'

on('StakeManager:UnbondingPeriodSet', async ({ event, context }) => {
  await setNetwork(context.db, { unbondingPeriod: event.args.period })
})

on('StakeManager:TreasurySet', async ({ event, context }) => {
  await setNetwork(context.db, { treasury: event.args.treasury })
})

on('StakeManager:Staked', async ({ event, context }) => {
  const { provider, amount, rebonded, activeStake } = event.args
  const row = await updateProvider(context.db, provider, (p) => ({
    activeStake,
    // The rebonded part comes back from pending unbonds.
    unbonding: p.unbonding - rebonded,
    totalStaked: p.totalStaked + amount,
  }))
  await context.db.insert(schema.stakeChange).values({
    id: event.id,
    provider,
    kind: 'STAKED',
    amount,
    rebonded,
    activeStakeAfter: row.activeStake,
    unbondingAfter: row.unbonding,
    ...origin(event),
  })
})

on('StakeManager:UnbondStarted', async ({ event, context }) => {
  const { provider, amount, unlockTime, activeStake } = event.args
  const row = await updateProvider(context.db, provider, (p) => ({
    activeStake,
    unbonding: p.unbonding + amount,
  }))
  await context.db.insert(schema.stakeChange).values({
    id: event.id,
    provider,
    kind: 'UNBOND_STARTED',
    amount,
    unlockTime: BigInt(unlockTime),
    activeStakeAfter: row.activeStake,
    unbondingAfter: row.unbonding,
    ...origin(event),
  })
})

on('StakeManager:Withdrawn', async ({ event, context }) => {
  const { provider, amount } = event.args
  const row = await updateProvider(context.db, provider, (p) => ({
    unbonding: p.unbonding - amount,
    totalWithdrawn: p.totalWithdrawn + amount,
  }))
  await context.db.insert(schema.stakeChange).values({
    id: event.id,
    provider,
    kind: 'WITHDRAWN',
    amount,
    activeStakeAfter: row.activeStake,
    unbondingAfter: row.unbonding,
    ...origin(event),
  })
})

on('StakeManager:Slashed', async ({ event, context }) => {
  const { provider, fromActive, fromUnbonding, treasury } = event.args
  const row = await updateProvider(context.db, provider, (p) => ({
    activeStake: p.activeStake - fromActive,
    unbonding: p.unbonding - fromUnbonding,
    totalSlashed: p.totalSlashed + fromActive + fromUnbonding,
  }))
  await context.db.insert(schema.stakeChange).values({
    id: event.id,
    provider,
    kind: 'SLASHED',
    amount: fromActive + fromUnbonding,
    fromActive,
    fromUnbonding,
    treasury,
    activeStakeAfter: row.activeStake,
    unbondingAfter: row.unbonding,
    ...origin(event),
  })
})
