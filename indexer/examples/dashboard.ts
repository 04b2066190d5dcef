import { createClient, desc, eq } from '@ponder/client'
import * as schema from '@prime-network/indexer/schema'
import { formatEther } from 'viem'

// The indexer's SQL endpoint (`pnpm indexer` serves it on port 42069 by default).
const url = process.env.PRIME_INDEXER_URL ?? 'http://127.0.0.1:42069'
const client = createClient(`${url}/sql`, { schema })

// Every pool with its money: funded, claimed and what the distributor still holds for it.
const pools = await client.db.select().from(schema.pool).orderBy(schema.pool.poolId)
for (const pool of pools) {
  console.log(
    `pool ${pool.poolId} "${pool.name}" ${pool.status}: funded ${formatEther(pool.funded)}, claimed ${formatEther(pool.claimed)}, left ${formatEther(pool.budgetLeft)}`,
  )
  // Every node that was ever in it: when it joined, how long it counted, who took it out.
  const stays = await client.db
    .select()
    .from(schema.membership)
    .where(eq(schema.membership.poolId, pool.poolId))
    .orderBy(schema.membership.joinedAt, schema.membership.nodeKey)
  for (const stay of stays) {
    const how =
      stay.leftAt === null
        ? 'still in'
        : `${stay.activeSeconds} s, ${stay.ejectedBy ? `ejected by ${stay.ejectedBy}` : 'left'}`
    console.log(`  node ${stay.nodeKey} joined at ${stay.joinedAt}: ${how}`)
  }
}

// One provider's stake history, newest first.
const provider = process.env.PROVIDER
if (provider) {
  const history = await client.db
    .select()
    .from(schema.stakeChange)
    .where(eq(schema.stakeChange.provider, provider.toLowerCase() as `0x${string}`))
    .orderBy(desc(schema.stakeChange.blockNumber))
  for (const change of history)
    console.log(
      `${change.kind} ${formatEther(change.amount)} -> active ${formatEther(change.activeStakeAfter)}, unbonding ${formatEther(change.unbondingAfter)}`,
    )
}
