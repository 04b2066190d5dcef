import type { Address } from 'viem'
import type { Deployment } from '../deployments.js'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { nodeRewards, poolNodeKeys } from '../internal/poolNodes.js'
import type { LogParameters } from '../internal/reads.js'
import {
  type AnyClient,
  assertId,
  type DeploymentParameter,
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
  /**
   * What its provider could claim for it now: its time rewards and its matured work rewards (the
   * same figure as `getPendingRewards`' `amount`, and what `claimRewards` pays).
   */
  pendingRewards: bigint
  /** Its work rewards still locked (inside their window): claimable once it ends, unless invalidated. */
  workLocked: bigint
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
  return (await nodeRewards(client, deployment, poolId, nodeKeys))
    .filter(({ record }) => record.joinedAt !== 0)
    .map(({ nodeKey, record, time, workClaimable, workLocked }) => ({
      nodeKey,
      provider: record.provider,
      computeUnits: BigInt(record.computeUnits),
      joinedAt: BigInt(record.joinedAt),
      activeSeconds: BigInt(record.activeSeconds),
      pendingRewards: time + workClaimable,
      workLocked,
    }))
}
