import type { PrimeNetworkErrorType } from '../errors/base.js'
import { rewardsDistributorSetWorkLockPeriodAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetWorkLockPeriodParameters = WriteParameters & {
  poolId: bigint
  /** Seconds validators get to check each work before its reward can be claimed. */
  period: bigint
}

export type SetWorkLockPeriodReturnType = WriteReturnType

/** Includes `ContractErrors.WorkLockPeriodTooShort`, `WorkLockPeriodTooLong`, `WorkLockPeriodFixed`. */
export type SetWorkLockPeriodErrorType = PrimeNetworkErrorType

/**
 * Sets a pool's lock window for work rewards: at least the network minimum, at most 90 days, and
 * only before the pool's first work. Pool creator only.
 *
 * @param client - A wallet client with the pool creator's account.
 * @param parameters - {@link SetWorkLockPeriodParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setWorkLockPeriod(creatorClient, { poolId, period: 86_400n })
 */
export async function setWorkLockPeriod(
  client: AnyClient,
  parameters: SetWorkLockPeriodParameters,
): Promise<SetWorkLockPeriodReturnType> {
  const { poolId, period } = parameters
  assertId('poolId', poolId)
  assertNonNegative('period', period)
  return execute(client, parameters, {
    contract: 'rewardsDistributor',
    abi: rewardsDistributorSetWorkLockPeriodAbi,
    args: [poolId, period],
  })
}
