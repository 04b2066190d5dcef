import type { PrimeNetworkErrorType } from '../errors/base.js'
import { rewardsDistributorSetWorkRewardRateAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetWorkRewardRateParameters = WriteParameters & {
  poolId: bigint
  /** Token units paid per accepted work unit (0 pays nothing for work). */
  rate: bigint
  /**
   * The most work rewards one node may have locked in the pool at once (until validators' window
   * ends). It keeps one node from reserving the whole budget, which would stop time rewards for
   * every node: with n nodes, at most n x this is locked. Submissions past it revert with
   * `NodeLockedWorkAboveLimit`.
   */
  maxLockedPerNode: bigint
}

export type SetWorkRewardRateReturnType = WriteReturnType

/** Includes `ContractErrors.CallerNotPoolCreator` and `PoolAlreadyEnded`. */
export type SetWorkRewardRateErrorType = PrimeNetworkErrorType

/**
 * Sets what a pool pays per accepted work unit, for works accepted from now on, and how much work
 * reward one node may have locked there at once. Pool creator only.
 *
 * @param client - A wallet client with the pool creator's account.
 * @param parameters - {@link SetWorkRewardRateParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setWorkRewardRate(creatorClient, { poolId, rate: parseEther('0.01'), maxLockedPerNode: parseEther('50') })
 */
export async function setWorkRewardRate(
  client: AnyClient,
  parameters: SetWorkRewardRateParameters,
): Promise<SetWorkRewardRateReturnType> {
  const { poolId, rate, maxLockedPerNode } = parameters
  assertId('poolId', poolId)
  assertNonNegative('rate', rate)
  assertNonNegative('maxLockedPerNode', maxLockedPerNode)
  return execute(client, parameters, {
    contract: 'rewardsDistributor',
    abi: rewardsDistributorSetWorkRewardRateAbi,
    args: [poolId, rate, maxLockedPerNode],
  })
}
