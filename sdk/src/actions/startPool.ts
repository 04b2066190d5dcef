import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolStartComputePoolAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type StartPoolParameters = WriteParameters & {
  /** The PENDING pool to start. */
  poolId: bigint
}

export type StartPoolReturnType = WriteReturnType

export type StartPoolErrorType = PrimeNetworkErrorType

/**
 * Starts a PENDING pool so nodes may join. Pool creator or compute manager key.
 *
 * @param client - A wallet client with the pool creator's or manager's account.
 * @param parameters - {@link StartPoolParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await startPool(client, { poolId })
 */
export async function startPool(
  client: AnyClient,
  parameters: StartPoolParameters,
): Promise<StartPoolReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  return execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolStartComputePoolAbi,
    args: [poolId],
  })
}
