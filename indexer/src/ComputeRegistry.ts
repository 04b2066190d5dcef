import schema from 'ponder:schema'
import { updateProvider } from './entities.js'
import { on } from './on.js'

on('ComputeRegistry:ProviderRegistered', async ({ event, context }) => {
  await updateProvider(context.db, event.args.provider, () => ({
    registered: true,
    registeredAt: event.block.timestamp,
  }))
})

on('ComputeRegistry:ProviderWhitelistUpdated', async ({ event, context }) => {
  await updateProvider(context.db, event.args.provider, () => ({
    whitelisted: event.args.whitelisted,
  }))
})

on('ComputeRegistry:NodeAdded', async ({ event, context }) => {
  const { provider, nodeKey, computeUnits, specsURI } = event.args
  // A removed key may be added again (by any provider): it starts over as a fresh registration,
  // while its totals over all pools stay.
  const fresh = {
    provider,
    computeUnits,
    specsURI,
    benchmarkScore: 0n,
    validated: false,
    registered: true,
    addedAt: event.block.timestamp,
    removedAt: null,
  }
  await context.db
    .insert(schema.node)
    .values({
      nodeKey,
      ...fresh,
      totalActiveSeconds: 0n,
      timeRewardsClaimed: 0n,
      workRewardsClaimed: 0n,
      earnedRewards: 0n,
      rewardsForfeited: 0n,
    })
    .onConflictDoUpdate(fresh)
  await updateProvider(context.db, provider, (p) => ({
    nodeCount: p.nodeCount + 1,
    totalComputeUnits: p.totalComputeUnits + computeUnits,
  }))
})

on('ComputeRegistry:NodeRemoved', async ({ event, context }) => {
  const { provider, nodeKey } = event.args
  const removed = await context.db
    .update(schema.node, { nodeKey })
    .set({ registered: false, validated: false, removedAt: event.block.timestamp })
  await updateProvider(context.db, provider, (p) => ({
    nodeCount: p.nodeCount - 1,
    totalComputeUnits: p.totalComputeUnits - removed.computeUnits,
  }))
})

on('ComputeRegistry:NodeValidationUpdated', async ({ event, context }) => {
  await context.db
    .update(schema.node, { nodeKey: event.args.nodeKey })
    .set({ validated: event.args.validated })
})

on('ComputeRegistry:NodeBenchmarkUpdated', async ({ event, context }) => {
  await context.db
    .update(schema.node, { nodeKey: event.args.nodeKey })
    .set({ benchmarkScore: event.args.score })
})
