import { type Address, getAddress } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  computeRegistryGetProviderAbi,
  computeRegistryGetProviderNodeRecordsAbi,
} from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'
import { type Node, toNode } from './getNode.js'

/** A provider with its nodes. */
export type Provider = {
  address: Address
  registered: boolean
  whitelisted: boolean
  /** How many of its nodes are active in a pool now. */
  activeNodeCount: number
  /** The compute units of all its nodes (drives the minimum stake). */
  totalComputeUnits: bigint
  /**
   * Unix seconds until which its last accepted work is locked; until then it cannot take out the
   * stake its nodes require (0 when it never submitted work).
   */
  workLockedUntil: number
  nodes: Node[]
}

export type GetProviderParameters = DeploymentParameter & { provider: Address }

export type GetProviderReturnType = Provider

export type GetProviderErrorType = PrimeNetworkErrorType

/**
 * Reads a provider's record and all its nodes (`registered` is false for an unknown address).
 *
 * @param client - Any client.
 * @param parameters - {@link GetProviderParameters}
 * @returns {@link Provider}
 * @example
 * const { whitelisted, nodes } = await getProvider(client, { provider })
 */
export async function getProvider(
  client: AnyClient,
  parameters: GetProviderParameters,
): Promise<GetProviderReturnType> {
  const { provider } = parameters
  assertAddress('provider', provider)
  const deployment = resolveDeployment(client, parameters.deployment)
  // One request: both reads go out in one multicall, the nodes through the registry's batch view.
  const call = reader(client, deployment)
  const [record, [nodeKeys, nodes]] = await read(
    Promise.all([
      call('computeRegistry', computeRegistryGetProviderAbi, [provider]),
      call('computeRegistry', computeRegistryGetProviderNodeRecordsAbi, [provider]),
    ]),
  )
  return {
    // Checksummed, whatever case the caller passed.
    address: getAddress(provider),
    registered: record.registered,
    whitelisted: record.whitelisted,
    activeNodeCount: record.activeNodeCount,
    totalComputeUnits: record.totalComputeUnits,
    workLockedUntil: record.workLockedUntil,
    nodes: nodes.map((node, i) => toNode(nodeKeys[i]!, node)),
  }
}
