import type { Address } from 'viem'
import { primeNetworkAbi } from '../abis.js'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  assertAddress,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type InvalidateNodeParameters = WriteParameters & {
  /** The node to invalidate. */
  nodeKey: Address
}

export type InvalidateNodeReturnType = WriteReturnType

export type InvalidateNodeErrorType = PrimeNetworkErrorType

/**
 * Invalidates a node: it can no longer join pools. Validator only.
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link InvalidateNodeParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await invalidateNode(validatorClient, { nodeKey })
 */
export async function invalidateNode(
  client: AnyClient,
  parameters: InvalidateNodeParameters,
): Promise<InvalidateNodeReturnType> {
  const { nodeKey } = parameters
  assertAddress('nodeKey', nodeKey)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  return execute(client, {
    account,
    address: deployment.primeNetwork,
    abi: primeNetworkAbi,
    functionName: 'invalidateNode',
    args: [nodeKey],
  })
}
