import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolSetComputeManagerKeyAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetComputeManagerKeyParameters = WriteParameters & {
  poolId: bigint
  /** The key that signs invites from now on. */
  computeManagerKey: Address
}

export type SetComputeManagerKeyReturnType = WriteReturnType

/** Includes `ContractErrors.CallerNotPoolCreator` and `PoolNotFound`. */
export type SetComputeManagerKeyErrorType = PrimeNetworkErrorType

/**
 * Rotates a pool's compute manager key. Every invite signed before stops working for good, even if
 * the pool later sets an old key back (invites carry the pool's key version, which each rotation
 * bumps). Pool creator only.
 *
 * @param client - A wallet client with the pool creator's account.
 * @param parameters - {@link SetComputeManagerKeyParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setComputeManagerKey(creatorClient, { poolId, computeManagerKey: newManager.address })
 */
export async function setComputeManagerKey(
  client: AnyClient,
  parameters: SetComputeManagerKeyParameters,
): Promise<SetComputeManagerKeyReturnType> {
  const { poolId, computeManagerKey } = parameters
  assertId('poolId', poolId)
  assertAddress('computeManagerKey', computeManagerKey)
  return execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolSetComputeManagerKeyAbi,
    args: [poolId, computeManagerKey],
  })
}
