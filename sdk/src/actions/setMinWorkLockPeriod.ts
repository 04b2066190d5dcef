import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkSetMinWorkLockPeriodAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetMinWorkLockPeriodParameters = WriteParameters & {
  /** The shortest lock window pools may set, in seconds (at most 90 days). */
  period: bigint
}

export type SetMinWorkLockPeriodReturnType = WriteReturnType

/** Includes `ContractErrors.WorkLockPeriodTooLong` and `MissingRole`. */
export type SetMinWorkLockPeriodErrorType = PrimeNetworkErrorType

/**
 * Sets the shortest window validators get to check work; pools that already accepted work keep
 * theirs. Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link SetMinWorkLockPeriodParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setMinWorkLockPeriod(federatorClient, { period: 86_400n })
 */
export async function setMinWorkLockPeriod(
  client: AnyClient,
  parameters: SetMinWorkLockPeriodParameters,
): Promise<SetMinWorkLockPeriodReturnType> {
  assertNonNegative('period', parameters.period)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkSetMinWorkLockPeriodAbi,
    args: [parameters.period],
  })
}
