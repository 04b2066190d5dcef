import schema from 'ponder:schema'
import { on } from './on.js'

// Kept apart from `domain`: the validation logic may cap a domain before the domain exists.
on('WorkUnitsValidation:WorkUnitsCapSet', async ({ event, context }) => {
  const { domainId, cap } = event.args
  await context.db
    .insert(schema.workUnitsCap)
    .values({ domainId, cap, updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ cap, updatedAt: event.block.timestamp })
})
