import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolEndComputePoolAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type EndPoolParameters = WriteParameters & {
  /** The PENDING or ACTIVE pool to end. */
  poolId: bigint
}

export type EndPoolReturnType = WriteReturnType

export type EndPoolErrorType = PrimeNetworkErrorType

/**
 * Ends a pool: rewards stop accruing and its nodes can leave. Pool creator or compute manager key.
 *
 * @param client - A wallet client with the pool creator's or manager's account.
 * @param parameters - {@link EndPoolParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await endPool(client, { poolId })
 */
export async function endPool(
  client: AnyClient,
  parameters: EndPoolParameters,
): Promise<EndPoolReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  return execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolEndComputePoolAbi,
    args: [poolId],
  })
}
