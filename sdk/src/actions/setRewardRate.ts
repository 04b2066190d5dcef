import type { PrimeNetworkErrorType } from '../errors/base.js'
import { rewardsDistributorSetRewardRateAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetRewardRateParameters = WriteParameters & {
  /** The pool. */
  poolId: bigint
  /** Token units per compute unit per second (0 pauses rewards). */
  rate: bigint
}

export type SetRewardRateReturnType = WriteReturnType

export type SetRewardRateErrorType = PrimeNetworkErrorType

/**
 * Sets a pool's reward rate. Pool creator only.
 *
 * @param client - A wallet client with the pool creator's account.
 * @param parameters - {@link SetRewardRateParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setRewardRate(client, { poolId, rate: 10n ** 15n })
 */
export async function setRewardRate(
  client: AnyClient,
  parameters: SetRewardRateParameters,
): Promise<SetRewardRateReturnType> {
  const { poolId, rate } = parameters
  assertId('poolId', poolId)
  assertNonNegative('rate', rate)
  return execute(client, parameters, {
    contract: 'rewardsDistributor',
    abi: rewardsDistributorSetRewardRateAbi,
    args: [poolId, rate],
  })
}
