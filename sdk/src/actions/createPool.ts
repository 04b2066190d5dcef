import type { Address } from 'viem'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolCreateComputePoolAbi, computePoolPoolCreatedEvent } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  assertNonNegative,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type CreatePoolParameters = WriteParameters & {
  /** The domain the pool works in. */
  domainId: bigint
  /** The key that signs invites; runs the pool with the creator. */
  computeManagerKey: Address
  name: string
  /** Where the pool's description is published. */
  poolDataURI: string
  /** The most compute units active at once (default 0 = no limit). */
  computeLimit?: bigint | undefined
}

export type CreatePoolReturnType = WriteReturnType & {
  /** The new pool's id (ids start at 1). */
  poolId: bigint
}

export type CreatePoolErrorType = PrimeNetworkErrorType

/**
 * Creates a PENDING compute pool in a domain, run by the caller and `computeManagerKey`.
 *
 * @param client - A wallet client with the creator's account.
 * @param parameters - {@link CreatePoolParameters}
 * @returns The new pool's id from the PoolCreated event. {@link CreatePoolReturnType}
 * @example
 * const { poolId } = await createPool(client, { domainId: 1n, computeManagerKey, name: 'llm', poolDataURI: 'ipfs://...' })
 */
export async function createPool(
  client: AnyClient,
  parameters: CreatePoolParameters,
): Promise<CreatePoolReturnType> {
  const { domainId, computeManagerKey, name, poolDataURI, computeLimit = 0n } = parameters
  assertId('domainId', domainId)
  assertAddress('computeManagerKey', computeManagerKey)
  if (typeof name !== 'string') throw new InvalidInputError('name', 'expected a string')
  if (typeof poolDataURI !== 'string')
    throw new InvalidInputError('poolDataURI', 'expected a string')
  assertNonNegative('computeLimit', computeLimit)
  const result = await execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolCreateComputePoolAbi,
    args: [domainId, computeManagerKey, name, poolDataURI, computeLimit],
  })
  const [created] = eventArgs(result.receipt.logs, computePoolPoolCreatedEvent)
  return { ...result, poolId: created!.poolId }
}
