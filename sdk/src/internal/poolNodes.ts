import type { Address, Log } from 'viem'
import { getContractEvents } from 'viem/actions'
import { getAction, parseEventLogs } from 'viem/utils'
import type { Deployment } from '../deployments.js'
import {
  computePoolNodeJoinedPoolEvent,
  computePoolNodeLeftPoolEvent,
  rewardsDistributorGetNodeRecordsAbi,
  rewardsDistributorGetNodeWorkAbi,
} from '../generated/abis.js'
import { type LogParameters, readLogs } from './reads.js'
import { type AnyClient, assertAddress, assertId, read, reader } from './utils.js'

/**
 * The reward records of `nodeKeys` in pool `poolId`, settled to now, with each node's work
 * rewards (locked, and matured into claimable), in one batched read: what every read of "what a
 * node's provider could claim" is built from, so they all say the same.
 */
export async function nodeRewards(
  client: AnyClient,
  deployment: Deployment,
  poolId: bigint,
  nodeKeys: readonly Address[],
) {
  const call = reader(client, deployment)
  const [records, work] = await read(
    Promise.all([
      call('rewardsDistributor', rewardsDistributorGetNodeRecordsAbi, [poolId, nodeKeys]),
      Promise.all(
        nodeKeys.map((nodeKey) =>
          call('rewardsDistributor', rewardsDistributorGetNodeWorkAbi, [poolId, nodeKey]),
        ),
      ),
    ]),
  )
  return nodeKeys.map((nodeKey, i) => {
    const record = records[i]!
    const [workLocked, workClaimable] = work[i]!
    // The view settles the record to now: its unclaimed is what calculateRewards says.
    return { nodeKey, record, time: record.unclaimed, workClaimable, workLocked }
  })
}

/** A node in a pool: what eviction and ineligible-ejection calls list. */
export type NodeInPool = { poolId: bigint; nodeKey: Address }

/** Checks a list of pool nodes before anything is sent. */
export function assertPoolNodes(name: string, nodes: readonly NodeInPool[]) {
  nodes.forEach((node, i) => {
    assertId(`${name}[${i}].poolId`, node?.poolId)
    assertAddress(`${name}[${i}].nodeKey`, node.nodeKey)
  })
}

/** The nodes a transaction took out of their pools, from its NodeLeftPool events. */
export function nodesThatLeft(logs: Log[]): NodeInPool[] {
  return parseEventLogs({
    abi: [computePoolNodeLeftPoolEvent],
    logs,
    eventName: 'NodeLeftPool',
  }).map((log) => ({
    poolId: log.args.poolId,
    nodeKey: log.args.nodeKey,
  }))
}

/** The node keys a transaction put into a pool, from its NodeJoinedPool events. */
export function nodesThatJoined(logs: Log[]): Address[] {
  return parseEventLogs({
    abi: [computePoolNodeJoinedPoolEvent],
    logs,
    eventName: 'NodeJoinedPool',
  }).map((log) => log.args.nodeKey)
}

/**
 * The node keys that ever joined pool `poolId` (for `provider` only, when given), first join
 * first, each once: every key that can have a reward record there.
 */
export async function poolNodeKeys(
  client: AnyClient,
  deployment: Deployment,
  parameters: LogParameters & {
    poolId: bigint
    provider?: Address
    fromBlock?: bigint | undefined
  },
): Promise<Address[]> {
  const joins = await nodeJoins(client, deployment, parameters)
  return [...new Set(joins.map(({ nodeKey }) => nodeKey))]
}

/** Every NodeJoinedPool event, filtered by pool and provider when given, oldest first. */
export async function nodeJoins(
  client: AnyClient,
  deployment: Deployment,
  parameters: LogParameters & {
    poolId?: bigint | undefined
    provider?: Address | undefined
    fromBlock?: bigint | undefined
  },
): Promise<NodeInPool[]> {
  const { poolId, provider } = parameters
  const logs = await read(
    readLogs(
      client,
      { fromBlock: parameters.fromBlock ?? deployment.deploymentBlock },
      parameters,
      (range) =>
        getAction(
          client,
          getContractEvents,
          'getContractEvents',
        )({
          address: deployment.computePool,
          // One event's ABI: a reader of join events need not bundle ComputePool's whole ABI.
          abi: [computePoolNodeJoinedPoolEvent],
          eventName: 'NodeJoinedPool',
          args: { poolId, provider },
          ...range,
          strict: true,
        }),
    ),
  )
  return logs.map(({ args }) => ({ poolId: args.poolId, nodeKey: args.nodeKey }))
}
