import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  computePoolPoolCreatorAbi,
  rewardsDistributorGetPoolRewardsAbi,
  rewardsDistributorGetPoolWorkAbi,
} from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

/** A pool's reward state, accrued up to the latest block. */
export type PoolRewards = {
  poolId: bigint
  /** Funded tokens not yet accrued to any node: what can still be earned (or taken back after the end). */
  budget: bigint
  /** Token units per compute unit per second. */
  rate: bigint
  /** Compute units of the nodes in the pool now. */
  totalCompute: bigint
  /** Nodes in the pool now. */
  nodeCount: number
  /** Whether the pool has ended (accrual frozen at `lastUpdate`). */
  ended: boolean
  /** Unix seconds up to which rewards are accounted. */
  lastUpdate: bigint
  /**
   * The pool's reward index in token units per compute unit. It starts at 1, not 0, so only the
   * difference between two readings is meaningful (what one compute unit earned in between).
   */
  index: bigint
  /** Token units per accepted work unit. */
  workRate: bigint
  /**
   * The lock window the next work gets, in seconds: a work's reward unlocks at the second boundary
   * of this window after it is accepted. Before the pool's first work it is the creator's choice
   * raised to the network's minimum as it is now; the first work fixes it.
   */
  workLockPeriod: bigint
  /** The most work rewards one node may have locked in the pool at once. */
  maxLockedPerNode: bigint
  /** Whether the pool has accepted work (its lock window is then fixed). */
  hasWork: boolean
}

export type GetPoolRewardsParameters = DeploymentParameter & { poolId: bigint }

export type GetPoolRewardsReturnType = PoolRewards

/** Includes `ContractErrors.PoolNotFound`. */
export type GetPoolRewardsErrorType = PrimeNetworkErrorType

/**
 * Reads a pool's reward state: remaining budget, rate, compute and node count.
 *
 * @param client - Any client.
 * @param parameters - {@link GetPoolRewardsParameters}
 * @returns {@link PoolRewards}
 * @throws ContractErrors.PoolNotFound when the pool does not exist.
 * @example
 * const { budget, rate, totalCompute } = await getPoolRewards(client, { poolId: 1n })
 * const secondsLeft = totalCompute > 0n && rate > 0n ? budget / (rate * totalCompute) : undefined
 */
export async function getPoolRewards(
  client: AnyClient,
  parameters: GetPoolRewardsParameters,
): Promise<GetPoolRewardsReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  const deployment = resolveDeployment(client, parameters.deployment)
  // The distributor answers zeros for an unknown pool; asking the pool's creator gives PoolNotFound.
  const call = reader(client, deployment)
  const [, rewards, work] = await read(
    Promise.all([
      call('computePool', computePoolPoolCreatorAbi, [poolId]),
      call('rewardsDistributor', rewardsDistributorGetPoolRewardsAbi, [poolId]),
      call('rewardsDistributor', rewardsDistributorGetPoolWorkAbi, [poolId]),
    ]),
  )
  return {
    poolId,
    budget: rewards.budget,
    rate: rewards.rate,
    totalCompute: rewards.totalCompute,
    nodeCount: rewards.nodeCount,
    ended: rewards.ended,
    lastUpdate: BigInt(rewards.lastUpdate),
    index: rewards.index,
    workRate: work.workRate,
    workLockPeriod: BigInt(work.lockPeriod),
    maxLockedPerNode: work.maxLockedPerNode,
    hasWork: rewards.hasWork,
  }
}
