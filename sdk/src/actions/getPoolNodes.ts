import type { Address } from 'viem'
import type { Deployment } from '../deployments.js'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { rewardsDistributorGetNodeRecordsAbi } from '../generated/abis.js'
import { poolNodeKeys } from '../internal/poolNodes.js'
import type { LogParameters } from '../internal/reads.js'
import {
  type AnyClient,
  assertId,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

/** A node in a pool, from its current reward record. */
export type PoolNode = {
  nodeKey: Address
  /** The provider it earns for. */
  provider: Address
  computeUnits: bigint
  /** When it joined (unix seconds). */
  joinedAt: bigint
  /** Active seconds accumulated in earlier stays. */
  activeSeconds: bigint
  /** What its provider could claim now. */
  pendingRewards: bigint
}

export type GetPoolNodesParameters = DeploymentParameter &
  LogParameters & {
    poolId: bigint
    /** Where to start reading join events (default: the deployment block). */
    fromBlock?: bigint | undefined
  }

export type GetPoolNodesReturnType = PoolNode[]

export type GetPoolNodesErrorType = PrimeNetworkErrorType

/**
 * Lists the nodes in a pool now: node keys come from NodeJoinedPool events since the deployment
 * block, then the pool's batch view of reward records says which are still in. Two requests
 * whatever the pool's size (three with `logBlockRange`, plus one per extra chunk).
 *
 * @param client - Any client.
 * @param parameters - {@link GetPoolNodesParameters}
 * @returns The nodes in the pool, in join order.
 * @example
 * const nodes = await getPoolNodes(client, { poolId })
 */
export async function getPoolNodes(
  client: AnyClient,
  parameters: GetPoolNodesParameters,
): Promise<GetPoolNodesReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  const deployment = resolveDeployment(client, parameters.deployment)
  const nodeKeys = await poolNodeKeys(client, deployment, parameters)
  return poolNodes(client, deployment, poolId, nodeKeys)
}

/** The nodes among `nodeKeys` that are in pool `poolId` now, from one batch read. */
export async function poolNodes(
  client: AnyClient,
  deployment: Deployment,
  poolId: bigint,
  nodeKeys: readonly Address[],
): Promise<PoolNode[]> {
  const call = reader(client, deployment)
  const records = await read(
    call({
      address: deployment.rewardsDistributor,
      abi: rewardsDistributorGetNodeRecordsAbi,
      functionName: 'getNodeRecords',
      args: [poolId, nodeKeys],
    }),
  )
  return nodeKeys
    .map((nodeKey, i) => {
      const record = records[i]!
      return {
        nodeKey,
        provider: record.provider,
        computeUnits: BigInt(record.computeUnits),
        joinedAt: BigInt(record.joinedAt),
        activeSeconds: BigInt(record.activeSeconds),
        // The view settles the record to now: its unclaimed is what calculateRewards says.
        pendingRewards: record.unclaimed,
      }
    })
    .filter((node) => node.joinedAt !== 0n)
}
