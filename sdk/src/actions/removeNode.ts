import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkRemoveComputeNodeAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type RemoveNodeParameters = WriteParameters & {
  /** The node to remove; it must not be active in a pool. */
  nodeKey: Address
}

export type RemoveNodeReturnType = WriteReturnType

export type RemoveNodeErrorType = PrimeNetworkErrorType

/**
 * Removes one of the caller's inactive nodes.
 *
 * @param client - A wallet client with the provider's account.
 * @param parameters - {@link RemoveNodeParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await removeNode(client, { nodeKey })
 */
export async function removeNode(
  client: AnyClient,
  parameters: RemoveNodeParameters,
): Promise<RemoveNodeReturnType> {
  const { nodeKey } = parameters
  assertAddress('nodeKey', nodeKey)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkRemoveComputeNodeAbi,
    args: [nodeKey],
  })
}
