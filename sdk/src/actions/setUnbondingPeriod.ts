import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkSetUnbondingPeriodAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetUnbondingPeriodParameters = WriteParameters & {
  /** Seconds a reclaimed stake waits before it can be withdrawn; applies to unbonds started from now on. */
  period: bigint
}

export type SetUnbondingPeriodReturnType = WriteReturnType

/** Includes `ContractErrors.UnbondingPeriodTooLong` and `MissingRole`. */
export type SetUnbondingPeriodErrorType = PrimeNetworkErrorType

/**
 * Sets the unbonding period for new unbonds (pending ones keep their unlock time). Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link SetUnbondingPeriodParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setUnbondingPeriod(federatorClient, { period: 3n * 86_400n })
 */
export async function setUnbondingPeriod(
  client: AnyClient,
  parameters: SetUnbondingPeriodParameters,
): Promise<SetUnbondingPeriodReturnType> {
  const { period } = parameters
  assertNonNegative('period', period)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkSetUnbondingPeriodAbi,
    args: [period],
  })
}
