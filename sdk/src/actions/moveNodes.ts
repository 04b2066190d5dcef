import type { Address } from 'viem'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolMoveComputeNodesAbi } from '../generated/abis.js'
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

export type MoveNodesParameters = WriteParameters & {
  /** The pool the nodes are in now. */
  fromPoolId: bigint
  /** The pool they move to. */
  toPoolId: bigint
  /** One invite of `toPoolId` per node, signed by that pool's compute manager key. */
  invites: readonly InviteInput[]
}

export type MoveNodesReturnType = WriteReturnType & {
  /** The nodes that moved. */
  nodeKeys: Address[]
}

/** Includes `ContractErrors.SamePool` and every error a join can raise. */
export type MoveNodesErrorType = PrimeNetworkErrorType

/**
 * Moves the caller's nodes from one pool to another in one transaction: they leave `fromPoolId`
 * (their rewards there are settled) and join `toPoolId` with the invites, or nothing happens. Like
 * `leavePool`, it skips nodes no longer in `fromPoolId` (an operator ejected them first): those
 * neither leave nor join, their invites stay unused, and `nodeKeys` lists only the nodes that moved.
 *
 * @param client - A wallet client with the nodes' provider account.
 * @param parameters - {@link MoveNodesParameters}
 * @returns {@link MoveNodesReturnType}
 * @example
 * await moveNodes(providerClient, { fromPoolId: 1n, toPoolId: 2n, invites: [invite] })
 */
export async function moveNodes(
  client: AnyClient,
  parameters: MoveNodesParameters,
): Promise<MoveNodesReturnType> {
  const { fromPoolId, toPoolId, invites } = parameters
  assertId('fromPoolId', fromPoolId)
  assertId('toPoolId', toPoolId)
  if (fromPoolId === toPoolId)
    throw new InvalidInputError('toPoolId', 'the nodes are in that pool already')
  assertInvites(toPoolId, invites, resolveAccount(client, parameters.account).address)
  const result = await execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolMoveComputeNodesAbi,
    args: [fromPoolId, toPoolId, contractInvites(invites)],
  })
  return { ...result, nodeKeys: nodesThatJoined(result.receipt.logs) }
}
