import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkPauseAbi } from '../generated/abis.js'
import {
  type AnyClient,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type PauseParameters = WriteParameters

export type PauseReturnType = WriteReturnType

/** Includes `ContractErrors.AlreadyPaused` and `MissingRole`. */
export type PauseErrorType = PrimeNetworkErrorType

/**
 * Pauses registration, node adds, pool joins and work submissions across the network. Claims,
 * leaving pools and withdrawing matured stake keep working. Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link PauseParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await pause(federatorClient)
 */
export async function pause(
  client: AnyClient,
  parameters: PauseParameters = {},
): Promise<PauseReturnType> {
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkPauseAbi,
    args: [],
  })
}
