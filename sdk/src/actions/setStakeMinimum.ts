import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkSetStakeMinimumAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetStakeMinimumParameters = WriteParameters & {
  /**
   * Token units per compute unit: a provider must keep `stakeMinimum x (1 + its compute units)`
   * staked. Existing providers are held to it at their next node add, reclaim or validation.
   */
  stakeMinimum: bigint
}

export type SetStakeMinimumReturnType = WriteReturnType

/** Includes `ContractErrors.AmountTooLarge` and `MissingRole`. */
export type SetStakeMinimumErrorType = PrimeNetworkErrorType

/**
 * Sets the network's minimum stake per compute unit. Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link SetStakeMinimumParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setStakeMinimum(federatorClient, { stakeMinimum: parseEther('200') })
 */
export async function setStakeMinimum(
  client: AnyClient,
  parameters: SetStakeMinimumParameters,
): Promise<SetStakeMinimumReturnType> {
  const { stakeMinimum } = parameters
  assertNonNegative('stakeMinimum', stakeMinimum)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkSetStakeMinimumAbi,
    args: [stakeMinimum],
  })
}
