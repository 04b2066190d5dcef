import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolJoinComputePoolAbi } from '../generated/abis.js'
import { assertInvites, contractInvites, type InviteInput } from '../internal/invites.js'
import { nodesThatJoined } from '../internal/poolNodes.js'
import {
  type AnyClient,
  assertId,
  execute,
  resolveAccount,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type JoinPoolParameters = WriteParameters & {
  poolId: bigint
  /** One invite per node of the caller, signed by the pool's compute manager key. */
  invites: readonly InviteInput[]
}

export type JoinPoolReturnType = WriteReturnType & {
  /** The nodes that joined, from the NodeJoinedPool events. */
  nodeKeys: Address[]
}

export type JoinPoolErrorType = PrimeNetworkErrorType

/**
 * Joins many of the caller's nodes to an ACTIVE pool in one transaction, one invite per node.
 *
 * @param client - A wallet client with the nodes' provider account.
 * @param parameters - {@link JoinPoolParameters}
 * @returns {@link JoinPoolReturnType}
 * @example
 * await joinPool(providerClient, { poolId, invites: [invite1, invite2] })
 */
export async function joinPool(
  client: AnyClient,
  parameters: JoinPoolParameters,
): Promise<JoinPoolReturnType> {
  const { poolId, invites } = parameters
  assertId('poolId', poolId)
  assertInvites(poolId, invites, resolveAccount(client, parameters.account).address)
  const result = await execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolJoinComputePoolAbi,
    args: [poolId, contractInvites(invites)],
  })
  return { ...result, nodeKeys: nodesThatJoined(result.receipt.logs) }
}
