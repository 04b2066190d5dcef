import type { Context } from 'ponder:registry'
import schema from 'ponder:schema'
import { origin, setNetwork, updateProvider } from './entities.js'
import { on } from './on.js'

type StakeChange = typeof schema.stakeChange.$inferInsert

/** One entry of a provider's stake history, with its stake as it stands after the change. */
async function recordStakeChange(
  context: Context,
  event: Parameters<typeof origin>[0] & { id: string },
  row: { address: `0x${string}`; activeStake: bigint; unbonding: bigint },
  change: Omit<
    StakeChange,
    'id' | 'provider' | 'activeStakeAfter' | 'unbondingAfter' | keyof ReturnType<typeof origin>
  >,
) {
  await context.db.insert(schema.stakeChange).values({
    id: event.id,
    provider: row.address,
    ...change,
    activeStakeAfter: row.activeStake,
    unbondingAfter: row.unbonding,
    ...origin(event),
  })
}

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
  await recordStakeChange(context, event, row, {
    kind: 'STAKED',
    amount,
    rebonded,
  })
})

on('StakeManager:UnbondStarted', async ({ event, context }) => {
  const { provider, amount, unlockTime, activeStake } = event.args
  const row = await updateProvider(context.db, provider, (p) => ({
    activeStake,
    unbonding: p.unbonding + amount,
  }))
  await recordStakeChange(context, event, row, {
    kind: 'UNBOND_STARTED',
    amount,
    unlockTime: BigInt(unlockTime),
  })
})

on('StakeManager:Withdrawn', async ({ event, context }) => {
  const { provider, amount } = event.args
  const row = await updateProvider(context.db, provider, (p) => ({
    unbonding: p.unbonding - amount,
    totalWithdrawn: p.totalWithdrawn + amount,
  }))
  await recordStakeChange(context, event, row, {
    kind: 'WITHDRAWN',
    amount,
  })
})

on('StakeManager:Slashed', async ({ event, context }) => {
  const { provider, fromActive, fromUnbonding, treasury } = event.args
  const row = await updateProvider(context.db, provider, (p) => ({
    activeStake: p.activeStake - fromActive,
    unbonding: p.unbonding - fromUnbonding,
    totalSlashed: p.totalSlashed + fromActive + fromUnbonding,
  }))
  await recordStakeChange(context, event, row, {
    kind: 'SLASHED',
    amount: fromActive + fromUnbonding,
    fromActive,
    fromUnbonding,
    treasury,
  })
})
