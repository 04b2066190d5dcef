import type { Address } from 'viem'
import { parseEventLogs } from 'viem/utils'
import { computePoolAbi } from '../abis.js'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  assertNonEmpty,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'
import type { PoolInvite } from './signPoolInvite.js'

export type JoinPoolParameters = WriteParameters & {
  poolId: bigint
  /** One invite per node of the caller, signed by the pool's compute manager key. */
  invites: readonly Omit<PoolInvite, 'poolId'>[] | readonly PoolInvite[]
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
  assertNonEmpty('invites', invites)
  const now = BigInt(Math.floor(Date.now() / 1000))
  invites.forEach((invite, i) => {
    assertAddress(`invites[${i}].nodeKey`, invite.nodeKey)
    if ('poolId' in invite && invite.poolId !== poolId)
      throw new InvalidInputError(
        `invites[${i}].poolId`,
        `the invite is for pool ${invite.poolId}, not ${poolId}`,
      )
    if (typeof invite.expiry !== 'bigint' || invite.expiry < now)
      throw new InvalidInputError(`invites[${i}].expiry`, `the invite expired at ${invite.expiry}`)
  })
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  const result = await execute(client, {
    account,
    address: deployment.computePool,
    abi: computePoolAbi,
    functionName: 'joinComputePool',
    args: [
      poolId,
      invites.map(({ nodeKey, nonce, expiry, signature }) => ({
        nodeKey,
        nonce,
        expiry,
        signature,
      })),
    ],
  })
  const joined = parseEventLogs({
    abi: computePoolAbi,
    logs: result.receipt.logs,
    eventName: 'NodeJoinedPool',
  })
  return { ...result, nodeKeys: joined.map((log) => log.args.nodeKey) }
}
