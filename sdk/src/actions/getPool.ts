import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolGetPoolAbi, rewardsDistributorGetPoolRewardsAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

export const poolStatuses = ['PENDING', 'ACTIVE', 'COMPLETED'] as const
export type PoolStatus = (typeof poolStatuses)[number]

/** A compute pool with its reward state. */
export type Pool = {
  poolId: bigint
  creator: Address
  domainId: bigint
  status: PoolStatus
  /** Unix seconds; 0 before the pool started / ended. */
  startedAt: bigint
  endedAt: bigint
  computeManagerKey: Address
  /** How many times the manager key was rotated; invites must be signed for the current version. */
  keyVersion: bigint
  /** The most compute units active at once (0 = no limit). */
  computeLimit: bigint
  name: string
  poolDataURI: string
  /** Token units per compute unit per second. */
  rewardRate: bigint
  /** Funded tokens not yet accrued to any node. */
  rewardBudget: bigint
  /** Compute units of the nodes in the pool now. */
  totalCompute: bigint
  /** Nodes in the pool now. */
  nodeCount: number
}

export type GetPoolParameters = DeploymentParameter & { poolId: bigint }

export type GetPoolReturnType = Pool

/** Includes `ContractErrors.PoolNotFound`. */
export type GetPoolErrorType = PrimeNetworkErrorType

/**
 * Reads a pool and its reward state.
 *
 * @param client - Any client.
 * @param parameters - {@link GetPoolParameters}
 * @returns {@link Pool}
 * @throws ContractErrors.PoolNotFound when the pool does not exist.
 * @example
 * const { status, rewardBudget } = await getPool(client, { poolId: 1n })
 */
export async function getPool(
  client: AnyClient,
  parameters: GetPoolParameters,
): Promise<GetPoolReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  const [pool, rewards] = await read(
    Promise.all([
      call('computePool', computePoolGetPoolAbi, [poolId]),
      call('rewardsDistributor', rewardsDistributorGetPoolRewardsAbi, [poolId]),
    ]),
  )
  return {
    poolId,
    creator: pool.creator,
    domainId: BigInt(pool.domainId),
    status: poolStatuses[pool.status]!,
    startedAt: BigInt(pool.startedAt),
    endedAt: BigInt(pool.endedAt),
    computeManagerKey: pool.computeManagerKey,
    keyVersion: BigInt(pool.keyVersion),
    computeLimit: pool.computeLimit,
    name: pool.name,
    poolDataURI: pool.poolDataURI,
    rewardRate: rewards.rate,
    rewardBudget: rewards.budget,
    totalCompute: rewards.totalCompute,
    nodeCount: rewards.nodeCount,
  }
}
