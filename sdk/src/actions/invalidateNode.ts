import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkInvalidateNodeAbi } from '../generated/abis.js'
import { assertPoolNodes, type NodeInPool, nodesThatLeft } from '../internal/poolNodes.js'
import {
  type AnyClient,
  assertAddress,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type InvalidateNodeParameters = WriteParameters & {
  /** The node to invalidate. */
  nodeKey: Address
  /** The node's pool, to take it out in the same transaction (`[{ poolId, nodeKey }]`). */
  evict?: readonly NodeInPool[] | undefined
}

export type InvalidateNodeReturnType = WriteReturnType & {
  /** The listed nodes that left their pools. */
  evicted: NodeInPool[]
}

export type InvalidateNodeErrorType = PrimeNetworkErrorType

/**
 * Invalidates a node: it can no longer join or stay in pools (list it in `evict` to take it out
 * now; otherwise anyone may eject it later with `ejectIneligibleNodes`). Validator only.
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link InvalidateNodeParameters}
 * @returns The receipt and the listed nodes that left their pools. {@link InvalidateNodeReturnType}
 * @example
 * await invalidateNode(validatorClient, { nodeKey })
 */
export async function invalidateNode(
  client: AnyClient,
  parameters: InvalidateNodeParameters,
): Promise<InvalidateNodeReturnType> {
  const { nodeKey, evict = [] } = parameters
  assertAddress('nodeKey', nodeKey)
  assertPoolNodes('evict', evict)
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkInvalidateNodeAbi,
    args: [nodeKey, evict],
  })
  return { ...result, evicted: nodesThatLeft(result.receipt.logs) }
}
