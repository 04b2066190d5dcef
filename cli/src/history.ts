/**
 * The protocol's history (every stay of a node in a pool, every reward claim) from one of two
 * sources with one shape: the Prime indexer when one is configured, else the chain's own logs read
 * through the SDK. Commands ask a {@link HistorySource} and never know which one answered, except
 * that they print its `kind`; the tests hold the two to the same output.
 */
import { type Address, getAddress, type Hash, zeroAddress } from 'viem'
import type { Connection } from './protocol.js'

/** One stay of a node in a pool, from its join to its leave (or until now). */
export type Stay = {
  poolId: bigint
  nodeKey: Address
  /** The provider the node earned for during this stay. */
  provider: Address
  /** Unix seconds, and the block, of the join. */
  joinedAt: bigint
  joinBlock: bigint
  /** Of the leave; null while the node is still in (an ended pool keeps its nodes until they leave). */
  leftAt: bigint | null
  leftBlock: bigint | null
  /**
   * Seconds that counted for rewards: up to the leave, or to the pool's end when it ended first
   * (as the RewardsDistributor counts them); null while the node is still in.
   */
  activeSeconds: bigint | null
  /** Who took the node out (the pool's creator or manager, or PrimeNetwork for a validator's action). */
  ejectedBy: Address | null
  status: 'in' | 'left' | 'ejected'
}

/** One reward claim of one node in one pool. */
export type Claim = {
  poolId: bigint
  nodeKey: Address
  /** timeRewards + workRewards: what the provider received. */
  amount: bigint
  timeRewards: bigint
  workRewards: bigint
  blockNumber: bigint
  timestamp: bigint
  transactionHash: Hash
}

/**
 * Where history comes from. Every list is in chain order (block, then log index). A source answers
 * with everything up to `blockNumber`, the chain's head when the command started, and may include
 * events after it.
 */
export type HistorySource = {
  kind: 'indexer' | 'logs'
  poolStays: (poolId: bigint) => Promise<Stay[]>
  nodeStays: (nodeKey: Address) => Promise<Stay[]>
  claims: (provider: Address) => Promise<Claim[]>
}

/** A stay from its join, before its leave is known. */
export function stayFromJoin(
  join: Omit<Stay, 'leftAt' | 'leftBlock' | 'activeSeconds' | 'ejectedBy' | 'status'>,
): Stay {
  return {
    ...join,
    leftAt: null,
    leftBlock: null,
    activeSeconds: null,
    ejectedBy: null,
    status: 'in',
  }
}

/** `stay`, ended by a leave: by its provider, or by whoever `ejectedBy` names. */
export function endStay(
  stay: Stay,
  end: { leftAt: bigint; leftBlock: bigint; activeSeconds: bigint; ejectedBy: Address | null },
): Stay {
  return { ...stay, ...end, status: end.ejectedBy === null ? 'left' : 'ejected' }
}

type Client = Connection['client']

/**
 * History from the protocol's logs, read through the SDK's `getEvents` from the deployment block
 * up to `toBlock`, in chunks of `logBlockRange` blocks when the RPC caps the range.
 */
export function logHistory(
  client: Client,
  range: { toBlock: bigint; logBlockRange: bigint | undefined },
): HistorySource {
  // Block timestamps, read once per block; RPCs that put `blockTimestamp` on logs save the read.
  const timestamps = new Map<bigint, Promise<bigint>>()
  const timestampOf = (log: {
    blockNumber: bigint
    blockTimestamp?: bigint | null | undefined
  }) => {
    if (log.blockTimestamp != null) return Promise.resolve(log.blockTimestamp)
    let timestamp = timestamps.get(log.blockNumber)
    if (!timestamp) {
      timestamp = client.getBlock({ blockNumber: log.blockNumber }).then((block) => block.timestamp)
      timestamps.set(log.blockNumber, timestamp)
    }
    return timestamp
  }

  /** Pairs joins with leaves (a node is in one pool at a time) and applies each pool's end. */
  async function stays(filter: { poolId: bigint } | { nodeKey: Address }): Promise<Stay[]> {
    const [joins, leaves, ends] = await Promise.all([
      client.getEvents({ eventName: 'NodeJoinedPool', args: filter, ...range }),
      client.getEvents({ eventName: 'NodeLeftPool', args: filter, ...range }),
      client.getEvents({
        ...range,
        eventName: 'PoolEnded',
        args: 'poolId' in filter ? { poolId: filter.poolId } : {},
      }),
    ])
    const endedAt = new Map<bigint, bigint>()
    for (const end of ends) endedAt.set(end.args.poolId, await timestampOf(end))
    const events = [...joins, ...leaves].sort((a, b) =>
      a.blockNumber === b.blockNumber
        ? a.logIndex - b.logIndex
        : a.blockNumber < b.blockNumber
          ? -1
          : 1,
    )
    const result: Stay[] = []
    const open = new Map<string, number>()
    for (const event of events) {
      const key = `${event.args.poolId}:${event.args.nodeKey}`
      const timestamp = await timestampOf(event)
      if (event.eventName === 'NodeJoinedPool') {
        open.set(key, result.length)
        result.push(
          stayFromJoin({
            poolId: event.args.poolId,
            nodeKey: getAddress(event.args.nodeKey),
            provider: getAddress(event.args.provider),
            joinedAt: timestamp,
            joinBlock: event.blockNumber,
          }),
        )
        continue
      }
      const index = open.get(key)
      // The pool emits a leave only for a node that is in it: a missing join is a broken read.
      if (index === undefined)
        throw new Error(`NodeLeftPool for ${key} in block ${event.blockNumber} without a join`)
      open.delete(key)
      // Time stops at the pool's end when the pool ended first, as the distributor counts it
      // (and as the indexer records it).
      const ended = endedAt.get(event.args.poolId)
      const until = ended !== undefined && ended < timestamp ? ended : timestamp
      const ejectedBy =
        event.args.ejectedBy === zeroAddress ? null : getAddress(event.args.ejectedBy)
      const stay = result[index]!
      result[index] = endStay(stay, {
        leftAt: timestamp,
        leftBlock: event.blockNumber,
        activeSeconds: until - stay.joinedAt,
        ejectedBy,
      })
    }
    return result
  }

  return {
    kind: 'logs',
    poolStays: (poolId) => stays({ poolId }),
    nodeStays: (nodeKey) => stays({ nodeKey }),
    async claims(provider) {
      const logs = await client.getEvents({
        eventName: 'RewardsClaimed',
        args: { provider },
        ...range,
      })
      return Promise.all(
        logs.map(async (log) => ({
          poolId: log.args.poolId,
          nodeKey: getAddress(log.args.nodeKey),
          amount: log.args.timeRewards + log.args.workRewards,
          timeRewards: log.args.timeRewards,
          workRewards: log.args.workRewards,
          blockNumber: log.blockNumber,
          timestamp: await timestampOf(log),
          transactionHash: log.transactionHash,
        })),
      )
    },
  }
}
