import schema from 'ponder:schema'
import { roleNames, setNetwork } from './entities.js'
import { on } from './on.js'

on('PrimeNetwork:StakeMinimumSet', async ({ event, context }) => {
  await setNetwork(context.db, { stakeMinimum: event.args.stakeMinimum })
})

on('PrimeNetwork:MinWorkLockPeriodSet', async ({ event, context }) => {
  await setNetwork(context.db, { minWorkLockPeriod: event.args.period })
})

on('PrimeNetwork:PauseSet', async ({ event, context }) => {
  await setNetwork(context.db, { paused: event.args.paused })
})

on('PrimeNetwork:RoleTransferProposed', async ({ event, context }) => {
  const { role, pendingHolder } = event.args
  await context.db
    .insert(schema.role)
    .values({
      role,
      name: roleNames.get(role) ?? role,
      pendingHolder,
      updatedAt: event.block.timestamp,
    })
    .onConflictDoUpdate({ pendingHolder, updatedAt: event.block.timestamp })
})

on('PrimeNetwork:RoleTransferCancelled', async ({ event, context }) => {
  await context.db
    .update(schema.role, { role: event.args.role })
    .set({ pendingHolder: null, updatedAt: event.block.timestamp })
})

on('PrimeNetwork:RoleTransferred', async ({ event, context }) => {
  const { role, newHolder } = event.args
  await context.db
    .insert(schema.role)
    .values({
      role,
      name: roleNames.get(role) ?? role,
      holder: newHolder,
      updatedAt: event.block.timestamp,
    })
    .onConflictDoUpdate({
      holder: newHolder,
      pendingHolder: null,
      updatedAt: event.block.timestamp,
    })
})

// The EIP-712 domain never changes in these contracts; the event is kept in protocol_event only.
on('PrimeNetwork:EIP712DomainChanged')
