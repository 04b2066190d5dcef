import type { PrimeNetworkErrorType } from '../errors/base.js'
import { poolNodeKeys } from '../internal/poolNodes.js'
import type { LogParameters } from '../internal/reads.js'
import {
  type AnyClient,
  assertId,
  type DeploymentParameter,
  resolveDeployment,
} from '../internal/utils.js'
import { getPool, type Pool } from './getPool.js'
import { type PoolNode, poolNodes } from './getPoolNodes.js'
import { getPoolRewards, type PoolRewards } from './getPoolRewards.js'

export type GetPoolSnapshotParameters = DeploymentParameter &
  LogParameters & {
    poolId: bigint
    /** Where to start reading join events (default: the deployment block). */
    fromBlock?: bigint | undefined
  }

/** A pool at one moment, for dashboards and services. */
export type PoolSnapshot = {
  pool: Pool
  rewards: PoolRewards
  /** The nodes in the pool now, with what each could claim. */
  nodes: PoolNode[]
}

export type GetPoolSnapshotReturnType = PoolSnapshot

export type GetPoolSnapshotErrorType = PrimeNetworkErrorType

/**
 * A pool, its reward state and its nodes in two requests whatever its size: the join events,
 * then every read in one multicall.
 *
 * @param client - Any client.
 * @param parameters - {@link GetPoolSnapshotParameters}
 * @returns {@link PoolSnapshot}
 * @example
 * const { pool, rewards, nodes } = await getPoolSnapshot(client, { poolId })
 */
export async function getPoolSnapshot(
  client: AnyClient,
  parameters: GetPoolSnapshotParameters,
): Promise<GetPoolSnapshotReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  const deployment = resolveDeployment(client, parameters.deployment)
  const nodeKeys = await poolNodeKeys(client, deployment, parameters)
  const [pool, rewards, nodes] = await Promise.all([
    getPool(client, { poolId, deployment }),
    getPoolRewards(client, { poolId, deployment }),
    poolNodes(client, deployment, poolId, nodeKeys),
  ])
  return { pool, rewards, nodes }
}
