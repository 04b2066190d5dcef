import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolBlacklistNodesAbi } from '../generated/abis.js'
import { nodesThatLeft } from '../internal/poolNodes.js'
import {
  type AnyClient,
  assertAddress,
  assertAddresses,
  assertId,
  assertNonEmpty,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type BlacklistNodeParameters = WriteParameters & {
  poolId: bigint
  /** One node, or several blacklisted in one transaction. */
  nodeKey: Address | readonly Address[]
  /** Also eject those in the pool (default false); nodes not in it are skipped. */
  purge?: boolean | undefined
}

export type BlacklistNodeReturnType = WriteReturnType & {
  /** The nodes ejected by the purge. */
  purged: Address[]
}

export type BlacklistNodeErrorType = PrimeNetworkErrorType

/**
 * Blacklists nodes from a pool, ejecting those in it when `purge` is set. Pool creator or manager key.
 *
 * @param client - A wallet client with the pool operator's account.
 * @param parameters - {@link BlacklistNodeParameters}
 * @returns The receipt and the nodes the purge ejected. {@link BlacklistNodeReturnType}
 * @example
 * await blacklistNode(managerClient, { poolId, nodeKey: [nodeA, nodeB], purge: true })
 */
export async function blacklistNode(
  client: AnyClient,
  parameters: BlacklistNodeParameters,
): Promise<BlacklistNodeReturnType> {
  const { poolId, purge = false } = parameters
  assertId('poolId', poolId)
  const nodeKeys =
    typeof parameters.nodeKey === 'string' ? [parameters.nodeKey] : parameters.nodeKey
  if (typeof parameters.nodeKey === 'string') assertAddress('nodeKey', parameters.nodeKey)
  else {
    assertNonEmpty('nodeKey', nodeKeys)
    assertAddresses('nodeKey', nodeKeys)
  }
  const result = await execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolBlacklistNodesAbi,
    args: [poolId, nodeKeys, purge],
  })
  return { ...result, purged: nodesThatLeft(result.receipt.logs).map((node) => node.nodeKey) }
}
