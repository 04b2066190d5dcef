import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { nodeJoins } from '../internal/poolNodes.js'
import type { LogParameters } from '../internal/reads.js'
import {
  type AnyClient,
  assertAddress,
  type DeploymentParameter,
  resolveDeployment,
} from '../internal/utils.js'
import { type GetPendingRewardsReturnType, pendingRewards } from './getPendingRewards.js'
import { getProvider, type Provider } from './getProvider.js'
import { getStake, type Stake } from './getStake.js'

export type GetProviderSnapshotParameters = DeploymentParameter &
  LogParameters & {
    provider: Address
    /** Where to start reading join events (default: the deployment block). */
    fromBlock?: bigint | undefined
  }

/** A provider at one moment, for dashboards and services. */
export type ProviderSnapshot = {
  /** Registration, whitelist, and every node it holds now. */
  provider: Provider
  /** Active stake, pending unbonds, what is withdrawable and the minimum its nodes require. */
  stake: Stake
  /** For each node it holds now: the pool it is in, or null. */
  nodePools: { nodeKey: Address; poolId: bigint | null }[]
  /**
   * What it can claim in each pool it ever joined, per node, counting keys it removed since (the
   * records are still its own), as `getPendingRewards` reports it.
   */
  rewards: (GetPendingRewardsReturnType & { poolId: bigint })[]
}

export type GetProviderSnapshotReturnType = ProviderSnapshot

export type GetProviderSnapshotErrorType = PrimeNetworkErrorType

/**
 * A provider's stake, unbonds, nodes with their pools, and pending rewards per pool in two
 * requests whatever the number of nodes and pools: its join events, then every read in one
 * multicall.
 *
 * @param client - Any client.
 * @param parameters - {@link GetProviderSnapshotParameters}
 * @returns {@link ProviderSnapshot}
 * @example
 * const { stake, nodePools, rewards } = await getProviderSnapshot(client, { provider })
 */
export async function getProviderSnapshot(
  client: AnyClient,
  parameters: GetProviderSnapshotParameters,
): Promise<GetProviderSnapshotReturnType> {
  const { provider } = parameters
  assertAddress('provider', provider)
  const deployment = resolveDeployment(client, parameters.deployment)
  const joins = await nodeJoins(client, deployment, parameters)
  const keysByPool = new Map<bigint, Set<Address>>()
  for (const { poolId, nodeKey } of joins)
    keysByPool.set(poolId, (keysByPool.get(poolId) ?? new Set()).add(nodeKey))
  const pools = [...keysByPool.keys()]
  const [record, stake, ...perPool] = await Promise.all([
    getProvider(client, { provider, deployment }),
    getStake(client, { provider, deployment }),
    ...pools.map((poolId) =>
      pendingRewards(client, deployment, poolId, [...keysByPool.get(poolId)!], provider),
    ),
  ])
  // A node is in at most one pool: the one where its record is the provider's and it has joined.
  const inPool = new Map<Address, bigint>()
  for (const [i, poolId] of pools.entries())
    for (const nodeKey of perPool[i]!.inPool) inPool.set(nodeKey, poolId)
  return {
    provider: record,
    stake,
    nodePools: record.nodes.map(({ nodeKey, active }) => ({
      nodeKey,
      poolId: active ? (inPool.get(nodeKey) ?? null) : null,
    })),
    rewards: pools.map((poolId, i) => ({ poolId, ...perPool[i]!.rewards })),
  }
}
