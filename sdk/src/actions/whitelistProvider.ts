import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkWhitelistProviderAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type WhitelistProviderParameters = WriteParameters & {
  /** The registered provider to whitelist. */
  provider: Address
}

export type WhitelistProviderReturnType = WriteReturnType

export type WhitelistProviderErrorType = PrimeNetworkErrorType

/**
 * Whitelists a registered provider so its nodes may join pools. Validator only.
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link WhitelistProviderParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await whitelistProvider(validatorClient, { provider })
 */
export async function whitelistProvider(
  client: AnyClient,
  parameters: WhitelistProviderParameters,
): Promise<WhitelistProviderReturnType> {
  const { provider } = parameters
  assertAddress('provider', provider)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkWhitelistProviderAbi,
    args: [provider],
  })
}
