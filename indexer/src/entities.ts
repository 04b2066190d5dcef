import type { Context } from 'ponder:registry'
import schema from 'ponder:schema'
import { keccak256, toHex } from 'viem'

type Db = Context['db']

/** The id of the single `network` row. */
export const NETWORK = 'network'

export const roleNames = new Map<`0x${string}`, string>(
  ['FEDERATOR_ROLE', 'VALIDATOR_ROLE'].map((name) => [keccak256(toHex(name)), name]),
)

/** Updates the network row, creating it with the defaults the contracts start from. */
export async function setNetwork(db: Db, values: Partial<typeof schema.network.$inferInsert>) {
  await db
    .insert(schema.network)
    .values({ id: NETWORK, paused: false, ...values })
    .onConflictDoUpdate(values)
}

/**
 * Updates a provider through `update`, creating the row first: the stake manager's `Staked` comes
 * before the registry's `ProviderRegistered` in a registration.
 */
export async function updateProvider(
  db: Db,
  address: `0x${string}`,
  update: (
    row: typeof schema.provider.$inferSelect,
  ) => Partial<typeof schema.provider.$inferInsert>,
) {
  const row =
    (await db.find(schema.provider, { address })) ??
    (await db.insert(schema.provider).values({
      address,
      registered: false,
      whitelisted: false,
      activeStake: 0n,
      unbonding: 0n,
      totalStaked: 0n,
      totalWithdrawn: 0n,
      totalSlashed: 0n,
      nodeCount: 0,
      totalComputeUnits: 0n,
      rewardsClaimed: 0n,
    }))
  return db.update(schema.provider, { address }).set(update(row))
}

/** Where a row that records one event came from. */
export const origin = (event: {
  block: { number: bigint; timestamp: bigint }
  transaction: { hash: `0x${string}` }
}) => ({
  blockNumber: event.block.number,
  timestamp: event.block.timestamp,
  transactionHash: event.transaction.hash,
})
