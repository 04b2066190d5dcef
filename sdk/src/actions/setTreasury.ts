import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkSetTreasuryAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetTreasuryParameters = WriteParameters & {
  /** Where slashed tokens go from now on. */
  treasury: Address
}

export type SetTreasuryReturnType = WriteReturnType

/** Includes `ContractErrors.MissingRole`. */
export type SetTreasuryErrorType = PrimeNetworkErrorType

/**
 * Sets where slashed tokens go. Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link SetTreasuryParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setTreasury(federatorClient, { treasury: '0x...' })
 */
export async function setTreasury(
  client: AnyClient,
  parameters: SetTreasuryParameters,
): Promise<SetTreasuryReturnType> {
  const { treasury } = parameters
  assertAddress('treasury', treasury)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkSetTreasuryAbi,
    args: [treasury],
  })
}
