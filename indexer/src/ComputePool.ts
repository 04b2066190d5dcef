import schema from 'ponder:schema'
import { zeroAddress } from 'viem'
import { origin } from './entities.js'
import { on } from './on.js'

on('ComputePool:PoolCreated', async ({ event, context }) => {
  const { poolId, domainId, creator, computeManagerKey, computeLimit, name, poolDataURI } =
    event.args
  await context.db.insert(schema.pool).values({
    poolId,
    domainId,
    creator,
    computeManagerKey,
    keyVersion: 0n,
    computeLimit,
    name,
    poolDataURI,
    status: 'PENDING',
    createdAt: event.block.timestamp,
    rewardRate: 0n,
    workRewardRate: 0n,
    workMaxLockedPerNode: 0n,
    nodeCount: 0,
    totalCompute: 0n,
    joins: 0,
    funded: 0n,
    claimed: 0n,
    withdrawn: 0n,
    forfeited: 0n,
    budgetLeft: 0n,
    workCount: 0,
    workUnits: 0n,
  })
})

on('ComputePool:PoolStarted', async ({ event, context }) => {
  await context.db
    .update(schema.pool, { poolId: event.args.poolId })
    .set({ status: 'ACTIVE', startedAt: event.block.timestamp })
})

on('ComputePool:PoolEnded', async ({ event, context }) => {
  await context.db
    .update(schema.pool, { poolId: event.args.poolId })
    .set({ status: 'COMPLETED', endedAt: event.block.timestamp })
})

on('ComputePool:PoolUpdated', async ({ event, context }) => {
  const { poolId, computeLimit, poolDataURI } = event.args
  await context.db.update(schema.pool, { poolId }).set({ computeLimit, poolDataURI })
})

on('ComputePool:ComputeManagerKeyUpdated', async ({ event, context }) => {
  const { poolId, computeManagerKey, keyVersion } = event.args
  await context.db.update(schema.pool, { poolId }).set({ computeManagerKey, keyVersion })
})

on('ComputePool:InviteNonceCancelled', async ({ event, context }) => {
  await context.db.insert(schema.inviteCancellation).values({
    id: event.id,
    poolId: event.args.poolId,
    nonce: event.args.nonce,
    ...origin(event),
  })
})

on('ComputePool:PoolProviderBlacklisted', async ({ event, context }) => {
  const { poolId, provider } = event.args
  await context.db
    .insert(schema.poolBlacklist)
    .values({
      id: `${poolId}-${provider}`,
      poolId,
      kind: 'PROVIDER',
      account: provider,
      blacklistedAt: event.block.timestamp,
    })
    .onConflictDoNothing()
})

on('ComputePool:PoolNodeBlacklisted', async ({ event, context }) => {
  const { poolId, nodeKey } = event.args
  await context.db
    .insert(schema.poolBlacklist)
    .values({
      id: `${poolId}-${nodeKey}`,
      poolId,
      kind: 'NODE',
      account: nodeKey,
      blacklistedAt: event.block.timestamp,
    })
    .onConflictDoNothing()
})

on('ComputePool:NodeJoinedPool', async ({ event, context }) => {
  const { poolId, provider, nodeKey, nonce } = event.args
  const node = await context.db.find(schema.node, { nodeKey })
  // The registry only lets registered nodes join; a missing row would mean a missed event.
  if (!node) throw new Error(`NodeJoinedPool for unknown node ${nodeKey} (event ${event.id})`)
  await context.db.insert(schema.membership).values({
    id: event.id,
    poolId,
    nodeKey,
    provider,
    computeUnits: node.computeUnits,
    inviteNonce: nonce,
    joinedAt: event.block.timestamp,
    joinBlock: event.block.number,
  })
  await context.db.update(schema.node, { nodeKey }).set({ poolId, membershipId: event.id })
  await context.db.update(schema.pool, { poolId }).set((p) => ({
    nodeCount: p.nodeCount + 1,
    totalCompute: p.totalCompute + node.computeUnits,
    joins: p.joins + 1,
  }))
})

on('ComputePool:NodeLeftPool', async ({ event, context }) => {
  const { poolId, nodeKey, ejectedBy } = event.args
  const node = await context.db.find(schema.node, { nodeKey })
  const pool = await context.db.find(schema.pool, { poolId })
  if (!node?.membershipId || !pool)
    throw new Error(`NodeLeftPool without a join for ${nodeKey} in pool ${poolId} (${event.id})`)
  const stay = await context.db.find(schema.membership, { id: node.membershipId })
  if (!stay) throw new Error(`membership ${node.membershipId} is missing (${event.id})`)
  // As the distributor counts: time stops at the pool's end when the node leaves after it.
  const until =
    pool.endedAt !== null && pool.endedAt < event.block.timestamp
      ? pool.endedAt
      : event.block.timestamp
  const activeSeconds = until - stay.joinedAt
  await context.db.update(schema.membership, { id: stay.id }).set({
    leftAt: event.block.timestamp,
    leftBlock: event.block.number,
    activeSeconds,
    ejectedBy: ejectedBy === zeroAddress ? null : ejectedBy,
  })
  await context.db.update(schema.node, { nodeKey }).set({
    poolId: null,
    membershipId: null,
    totalActiveSeconds: node.totalActiveSeconds + activeSeconds,
  })
  await context.db.update(schema.pool, { poolId }).set({
    nodeCount: pool.nodeCount - 1,
    totalCompute: pool.totalCompute - stay.computeUnits,
  })
})

on('ComputePool:EIP712DomainChanged')
