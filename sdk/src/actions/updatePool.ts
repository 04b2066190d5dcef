import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolUpdatePoolAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type UpdatePoolParameters = WriteParameters & {
  poolId: bigint
  /** The most compute units active at once (0 = no limit); never below what is in the pool now. */
  computeLimit: bigint
  /** Where the pool's description is published (replaces the old URI). */
  poolDataURI: string
}

export type UpdatePoolReturnType = WriteReturnType

/** Includes `ContractErrors.ComputeLimitBelowTotal` and `CallerNotPoolCreator`. */
export type UpdatePoolErrorType = PrimeNetworkErrorType

/**
 * Sets a pool's compute limit and data URI. Pool creator only.
 *
 * @param client - A wallet client with the pool creator's account.
 * @param parameters - {@link UpdatePoolParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await updatePool(creatorClient, { poolId, computeLimit: 500n, poolDataURI: 'ipfs://...' })
 */
export async function updatePool(
  client: AnyClient,
  parameters: UpdatePoolParameters,
): Promise<UpdatePoolReturnType> {
  const { poolId, computeLimit, poolDataURI } = parameters
  assertId('poolId', poolId)
  assertNonNegative('computeLimit', computeLimit)
  if (typeof poolDataURI !== 'string')
    throw new InvalidInputError('poolDataURI', 'expected a string')
  return execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolUpdatePoolAbi,
    args: [poolId, computeLimit, poolDataURI],
  })
}
