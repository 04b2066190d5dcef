import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolEjectIneligibleNodesAbi } from '../generated/abis.js'
import { assertPoolNodes, type NodeInPool, nodesThatLeft } from '../internal/poolNodes.js'
import {
  type AnyClient,
  assertNonEmpty,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type EjectIneligibleNodesParameters = WriteParameters & {
  /** Nodes and the pools they are in; eligible ones and ones already out are skipped. */
  nodes: readonly NodeInPool[]
}

export type EjectIneligibleNodesReturnType = WriteReturnType & {
  /** The nodes that were ejected. */
  ejected: NodeInPool[]
}

export type EjectIneligibleNodesErrorType = PrimeNetworkErrorType

/**
 * Ejects nodes that are no longer eligible for their pool: not validated, their provider off the
 * whitelist or short of its minimum stake, or blacklisted from that pool. Anyone may call it (a
 * keeper, a pool's manager), so nodes a validator's action did not take out stop earning.
 *
 * @param client - A wallet client with any account.
 * @param parameters - {@link EjectIneligibleNodesParameters}
 * @returns The nodes ejected. {@link EjectIneligibleNodesReturnType}
 * @example
 * const { ejected } = await ejectIneligibleNodes(keeperClient, { nodes: [{ poolId, nodeKey }] })
 */
export async function ejectIneligibleNodes(
  client: AnyClient,
  parameters: EjectIneligibleNodesParameters,
): Promise<EjectIneligibleNodesReturnType> {
  const { nodes } = parameters
  assertNonEmpty('nodes', nodes)
  assertPoolNodes('nodes', nodes)
  const result = await execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolEjectIneligibleNodesAbi,
    args: [nodes],
  })
  return { ...result, ejected: nodesThatLeft(result.receipt.logs) }
}
