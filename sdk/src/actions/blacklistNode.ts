import type { Address } from 'viem'
import { computePoolAbi } from '../abis.js'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type BlacklistNodeParameters = WriteParameters & {
  poolId: bigint
  nodeKey: Address
  /** Also eject the node when it is in the pool (default false). */
  purge?: boolean | undefined
}

export type BlacklistNodeReturnType = WriteReturnType

export type BlacklistNodeErrorType = PrimeNetworkErrorType

/**
 * Blacklists a node from a pool, ejecting it when `purge` is set. Pool creator or manager key.
 *
 * @param client - A wallet client with the pool operator's account.
 * @param parameters - {@link BlacklistNodeParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await blacklistNode(managerClient, { poolId, nodeKey, purge: true })
 */
export async function blacklistNode(
  client: AnyClient,
  parameters: BlacklistNodeParameters,
): Promise<BlacklistNodeReturnType> {
  const { poolId, nodeKey, purge = false } = parameters
  assertId('poolId', poolId)
  assertAddress('nodeKey', nodeKey)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  return execute(client, {
    account,
    address: deployment.computePool,
    abi: computePoolAbi,
    functionName: 'blacklistNode',
    args: [poolId, nodeKey, purge],
  })
}
