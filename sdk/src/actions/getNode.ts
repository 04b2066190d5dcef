import { type Address, zeroAddress } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computeRegistryGetNodeAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

/** A registered compute node. */
export type Node = {
  nodeKey: Address
  provider: Address
  computeUnits: bigint
  benchmarkScore: bigint
  /** Whether the node is active in a compute pool. */
  active: boolean
  validated: boolean
  specsURI: string
}

export type GetNodeParameters = DeploymentParameter & { nodeKey: Address }

/** The node, or null when the key is not registered. */
export type GetNodeReturnType = Node | null

export type GetNodeErrorType = PrimeNetworkErrorType

/**
 * Reads a compute node's record.
 *
 * @param client - Any client.
 * @param parameters - {@link GetNodeParameters}
 * @returns The node, or null when `nodeKey` is not registered.
 * @example
 * const node = await getNode(client, { nodeKey })
 */
export async function getNode(
  client: AnyClient,
  parameters: GetNodeParameters,
): Promise<GetNodeReturnType> {
  const { nodeKey } = parameters
  assertAddress('nodeKey', nodeKey)
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  const node = await read(call('computeRegistry', computeRegistryGetNodeAbi, [nodeKey]))
  return node.provider === zeroAddress ? null : toNode(nodeKey, node)
}

/** The registry's node record as a {@link Node}. */
export function toNode(
  nodeKey: Address,
  node: {
    provider: Address
    computeUnits: number
    benchmarkScore: number
    active: boolean
    validated: boolean
    specsURI: string
  },
): Node {
  return {
    nodeKey,
    provider: node.provider,
    computeUnits: BigInt(node.computeUnits),
    benchmarkScore: BigInt(node.benchmarkScore),
    active: node.active,
    validated: node.validated,
    specsURI: node.specsURI,
  }
}
