import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkValidateNodeAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type ValidateNodeParameters = WriteParameters & {
  /** The node to validate. */
  nodeKey: Address
}

export type ValidateNodeReturnType = WriteReturnType

export type ValidateNodeErrorType = PrimeNetworkErrorType

/**
 * Validates a node, re-checking its provider's minimum stake. Validator only.
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link ValidateNodeParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await validateNode(validatorClient, { nodeKey })
 */
export async function validateNode(
  client: AnyClient,
  parameters: ValidateNodeParameters,
): Promise<ValidateNodeReturnType> {
  const { nodeKey } = parameters
  assertAddress('nodeKey', nodeKey)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkValidateNodeAbi,
    args: [nodeKey],
  })
}
