import schema from 'ponder:schema'
import { on } from './on.js'

on('DomainRegistry:DomainCreated', async ({ event, context }) => {
  const { domainId, name, validationLogic, domainParametersURI } = event.args
  await context.db.insert(schema.domain).values({
    domainId,
    name,
    validationLogic,
    domainParametersURI,
    createdAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
  })
})

on('DomainRegistry:DomainUpdated', async ({ event, context }) => {
  const { domainId, validationLogic, domainParametersURI } = event.args
  await context.db
    .update(schema.domain, { domainId })
    .set({ validationLogic, domainParametersURI, updatedAt: event.block.timestamp })
})
