import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolEjectNodeAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type EjectNodeParameters = WriteParameters & {
  /** The pool. */
  poolId: bigint
  /** The node to eject. */
  nodeKey: Address
}

export type EjectNodeReturnType = WriteReturnType

export type EjectNodeErrorType = PrimeNetworkErrorType

/**
 * Ejects a node from a pool. Pool creator or compute manager key.
 *
 * @param client - A wallet client with the pool creator's or manager's account.
 * @param parameters - {@link EjectNodeParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await ejectNode(client, { poolId, nodeKey })
 */
export async function ejectNode(
  client: AnyClient,
  parameters: EjectNodeParameters,
): Promise<EjectNodeReturnType> {
  const { poolId, nodeKey } = parameters
  assertId('poolId', poolId)
  assertAddress('nodeKey', nodeKey)
  return execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolEjectNodeAbi,
    args: [poolId, nodeKey],
  })
}
