import { index, onchainEnum, onchainTable, type PgColumnsBuilders, primaryKey } from 'ponder'

/*
 * Amounts are token wei (bigint), times are unix seconds (bigint), addresses and hashes are hex.
 * Every table row carries where it came from (block, timestamp, transaction) when it is a fact of
 * one event; running totals are kept on the entity they describe, so a dashboard reads them
 * without summing history.
 */

/** Where a row that records one event came from: its block, time and transaction. */
const eventOrigin = (t: PgColumnsBuilders) => ({
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
})

/** Every protocol event as it was emitted, arguments as JSON (bigints as decimal strings). */
export const protocolEvent = onchainTable(
  'protocol_event',
  (t) => ({
    id: t.text().primaryKey(),
    contract: t.text().notNull(),
    name: t.text().notNull(),
    args: t.json().notNull(),
    blockNumber: t.bigint().notNull(),
    blockTimestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    nameIndex: index().on(table.name),
    blockIndex: index().on(table.blockNumber),
  }),
)

/** The network's parameters: one row, id `network`. */
export const network = onchainTable('network', (t) => ({
  id: t.text().primaryKey(),
  stakeMinimum: t.bigint(),
  unbondingPeriod: t.bigint(),
  minWorkLockPeriod: t.bigint(),
  treasury: t.hex(),
  paused: t.boolean().notNull(),
}))

/** FEDERATOR_ROLE and VALIDATOR_ROLE: who holds each, and who was proposed to take it over. */
export const role = onchainTable('role', (t) => ({
  role: t.hex().primaryKey(),
  name: t.text().notNull(),
  holder: t.hex(),
  pendingHolder: t.hex(),
  updatedAt: t.bigint().notNull(),
}))

export const provider = onchainTable('provider', (t) => ({
  address: t.hex().primaryKey(),
  registered: t.boolean().notNull(),
  registeredAt: t.bigint(),
  whitelisted: t.boolean().notNull(),
  activeStake: t.bigint().notNull(),
  /** Pending unbonds, matured or not, not yet withdrawn. */
  unbonding: t.bigint().notNull(),
  totalStaked: t.bigint().notNull(),
  totalWithdrawn: t.bigint().notNull(),
  totalSlashed: t.bigint().notNull(),
  /** Nodes registered now, and their compute units. */
  nodeCount: t.integer().notNull(),
  totalComputeUnits: t.bigint().notNull(),
  rewardsClaimed: t.bigint().notNull(),
}))

export const stakeChangeKind = onchainEnum('stake_change_kind', [
  'STAKED',
  'UNBOND_STARTED',
  'WITHDRAWN',
  'SLASHED',
])

/** A provider's stake history: every stake, unbond, withdrawal and slash, with the result. */
export const stakeChange = onchainTable(
  'stake_change',
  (t) => ({
    id: t.text().primaryKey(),
    provider: t.hex().notNull(),
    kind: stakeChangeKind('kind').notNull(),
    /** Staked, unbonded, withdrawn, or slashed in total. */
    amount: t.bigint().notNull(),
    /** STAKED: how much of `amount` came back from pending unbonds. */
    rebonded: t.bigint(),
    /** UNBOND_STARTED: when it may be withdrawn. */
    unlockTime: t.bigint(),
    /** SLASHED: the parts taken from active stake and from pending unbonds, and where they went. */
    fromActive: t.bigint(),
    fromUnbonding: t.bigint(),
    treasury: t.hex(),
    activeStakeAfter: t.bigint().notNull(),
    unbondingAfter: t.bigint().notNull(),
    ...eventOrigin(t),
  }),
  (table) => ({ providerIndex: index().on(table.provider) }),
)

export const node = onchainTable(
  'node',
  (t) => ({
    nodeKey: t.hex().primaryKey(),
    provider: t.hex().notNull(),
    computeUnits: t.bigint().notNull(),
    specsURI: t.text().notNull(),
    benchmarkScore: t.bigint().notNull(),
    validated: t.boolean().notNull(),
    /** False once its provider removed it (a removed key may be added again). */
    registered: t.boolean().notNull(),
    addedAt: t.bigint().notNull(),
    removedAt: t.bigint(),
    /** The pool it is in now, and the membership row of that stay. */
    poolId: t.bigint(),
    membershipId: t.text(),
    /** Seconds in pools, summed over stays that ended (as the chain counts them at each leave). */
    totalActiveSeconds: t.bigint().notNull(),
    timeRewardsClaimed: t.bigint().notNull(),
    workRewardsClaimed: t.bigint().notNull(),
    /** Time and work rewards paid out for this node, over all pools. */
    earnedRewards: t.bigint().notNull(),
    rewardsForfeited: t.bigint().notNull(),
  }),
  (table) => ({ providerIndex: index().on(table.provider) }),
)

export const domain = onchainTable('domain', (t) => ({
  domainId: t.bigint().primaryKey(),
  name: t.text().notNull(),
  validationLogic: t.hex().notNull(),
  domainParametersURI: t.text().notNull(),
  createdAt: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
}))

/** The most units one work may claim, per domain, in the default validation logic. */
export const workUnitsCap = onchainTable('work_units_cap', (t) => ({
  domainId: t.bigint().primaryKey(),
  cap: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
}))

export const poolStatus = onchainEnum('pool_status', ['PENDING', 'ACTIVE', 'COMPLETED'])

export const pool = onchainTable(
  'pool',
  (t) => ({
    poolId: t.bigint().primaryKey(),
    domainId: t.bigint().notNull(),
    creator: t.hex().notNull(),
    computeManagerKey: t.hex().notNull(),
    keyVersion: t.bigint().notNull(),
    computeLimit: t.bigint().notNull(),
    name: t.text().notNull(),
    poolDataURI: t.text().notNull(),
    status: poolStatus('status').notNull(),
    createdAt: t.bigint().notNull(),
    startedAt: t.bigint(),
    endedAt: t.bigint(),
    rewardRate: t.bigint().notNull(),
    workRewardRate: t.bigint().notNull(),
    /** The most work rewards one node may have locked in the pool at once. */
    workMaxLockedPerNode: t.bigint().notNull(),
    workLockPeriod: t.bigint(),
    /** Nodes in it now and their compute units. */
    nodeCount: t.integer().notNull(),
    totalCompute: t.bigint().notNull(),
    /** Nodes that ever joined (a node that joins twice counts twice). */
    joins: t.integer().notNull(),
    funded: t.bigint().notNull(),
    claimed: t.bigint().notNull(),
    withdrawn: t.bigint().notNull(),
    forfeited: t.bigint().notNull(),
    /**
     * What the distributor still holds for the pool: funded - claimed - withdrawn, i.e. the
     * unaccrued budget plus what nodes have earned and not claimed (claimable and locked).
     */
    budgetLeft: t.bigint().notNull(),
    workCount: t.integer().notNull(),
    workUnits: t.bigint().notNull(),
  }),
  (table) => ({ domainIndex: index().on(table.domainId) }),
)

/** One stay of a node in a pool: from its join to its leave (or ejection). */
export const membership = onchainTable(
  'membership',
  (t) => ({
    id: t.text().primaryKey(),
    poolId: t.bigint().notNull(),
    nodeKey: t.hex().notNull(),
    provider: t.hex().notNull(),
    computeUnits: t.bigint().notNull(),
    inviteNonce: t.bigint().notNull(),
    joinedAt: t.bigint().notNull(),
    joinBlock: t.bigint().notNull(),
    leftAt: t.bigint(),
    leftBlock: t.bigint(),
    /** Seconds that counted: up to the leave, or to the pool's end when it ended first. */
    activeSeconds: t.bigint(),
    /** Who took the node out; null when its provider left (or it is still in). */
    ejectedBy: t.hex(),
  }),
  (table) => ({
    poolIndex: index().on(table.poolId),
    nodeIndex: index().on(table.nodeKey),
  }),
)

export const poolBlacklist = onchainTable('pool_blacklist', (t) => ({
  id: t.text().primaryKey(),
  poolId: t.bigint().notNull(),
  kind: t.text().$type<'PROVIDER' | 'NODE'>().notNull(),
  account: t.hex().notNull(),
  blacklistedAt: t.bigint().notNull(),
}))

export const funding = onchainTable(
  'funding',
  (t) => ({
    id: t.text().primaryKey(),
    poolId: t.bigint().notNull(),
    funder: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** The pool's unaccrued budget right after. */
    budget: t.bigint().notNull(),
    ...eventOrigin(t),
  }),
  (table) => ({ poolIndex: index().on(table.poolId) }),
)

/** Every rate change of a pool: per compute second, per work unit, and the work lock window. */
export const rateChange = onchainTable(
  'rate_change',
  (t) => ({
    id: t.text().primaryKey(),
    poolId: t.bigint().notNull(),
    kind: t.text().$type<'REWARD_RATE' | 'WORK_REWARD_RATE' | 'WORK_LOCK_PERIOD'>().notNull(),
    value: t.bigint().notNull(),
    ...eventOrigin(t),
  }),
  (table) => ({ poolIndex: index().on(table.poolId) }),
)

export const claim = onchainTable(
  'claim',
  (t) => ({
    id: t.text().primaryKey(),
    poolId: t.bigint().notNull(),
    nodeKey: t.hex().notNull(),
    provider: t.hex().notNull(),
    timeRewards: t.bigint().notNull(),
    workRewards: t.bigint().notNull(),
    ...eventOrigin(t),
  }),
  (table) => ({
    poolIndex: index().on(table.poolId),
    providerIndex: index().on(table.provider),
  }),
)

export const forfeit = onchainTable('forfeit', (t) => ({
  id: t.text().primaryKey(),
  poolId: t.bigint().notNull(),
  nodeKey: t.hex().notNull(),
  amount: t.bigint().notNull(),
  ...eventOrigin(t),
}))

export const budgetWithdrawal = onchainTable('budget_withdrawal', (t) => ({
  id: t.text().primaryKey(),
  poolId: t.bigint().notNull(),
  to: t.hex().notNull(),
  amount: t.bigint().notNull(),
  ...eventOrigin(t),
}))

export const inviteCancellation = onchainTable('invite_cancellation', (t) => ({
  id: t.text().primaryKey(),
  poolId: t.bigint().notNull(),
  nonce: t.bigint().notNull(),
  ...eventOrigin(t),
}))

export const workStatus = onchainEnum('work_status', [
  'ACCEPTED',
  'INVALIDATED',
  'SOFT_INVALIDATED',
])

/**
 * Every work, as the chain's `getWork(nodeKey, workKey)` shows it: a work belongs to the node that
 * did it, and a node submits a key once (invalidated work stays rejected).
 */
export const work = onchainTable(
  'work',
  (t) => ({
    nodeKey: t.hex().notNull(),
    workKey: t.hex().notNull(),
    poolId: t.bigint().notNull(),
    provider: t.hex().notNull(),
    units: t.bigint().notNull(),
    reward: t.bigint().notNull(),
    submittedAt: t.bigint().notNull(),
    unlockAt: t.bigint().notNull(),
    status: workStatus('status').notNull(),
    /**
     * Whether its reward went back to the budget: invalidated, or accepted while a validator
     * invalidated its node and returned all of the node's locked rewards (see locked_work_return).
     */
    rewardReturned: t.boolean().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.nodeKey, table.workKey] }),
    poolIndex: index().on(table.poolId),
  }),
)

/** A validator invalidated a node with its work: all of its locked work rewards in the pool went back. */
export const lockedWorkReturn = onchainTable('locked_work_return', (t) => ({
  id: t.text().primaryKey(),
  poolId: t.bigint().notNull(),
  nodeKey: t.hex().notNull(),
  amount: t.bigint().notNull(),
  ...eventOrigin(t),
}))

export const workInvalidation = onchainTable('work_invalidation', (t) => ({
  id: t.text().primaryKey(),
  workKey: t.hex().notNull(),
  poolId: t.bigint().notNull(),
  nodeKey: t.hex().notNull(),
  /** The reserved reward returned to the pool's budget. */
  reward: t.bigint().notNull(),
  /** A hard invalidation also slashes (see stake_change) and may eject the node. */
  hard: t.boolean().notNull(),
  ...eventOrigin(t),
}))
