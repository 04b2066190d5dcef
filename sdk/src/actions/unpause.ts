import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkUnpauseAbi } from '../generated/abis.js'
import {
  type AnyClient,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type UnpauseParameters = WriteParameters

export type UnpauseReturnType = WriteReturnType

/** Includes `ContractErrors.NotPaused` and `MissingRole`. */
export type UnpauseErrorType = PrimeNetworkErrorType

/**
 * Lifts the network pause. Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link UnpauseParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await unpause(federatorClient)
 */
export async function unpause(
  client: AnyClient,
  parameters: UnpauseParameters = {},
): Promise<UnpauseReturnType> {
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkUnpauseAbi,
    args: [],
  })
}
