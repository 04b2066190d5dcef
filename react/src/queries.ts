import type { DeploymentParameter } from '@prime-network/sdk'
import {
  getDomainQueryOptions,
  getMinimumStakeQueryOptions,
  getNetworkSnapshotQueryOptions,
  getNodeQueryOptions,
  getPendingRewardsQueryOptions,
  getPendingRoleHolderQueryOptions,
  getPoolNodesQueryOptions,
  getPoolQueryOptions,
  getPoolRewardsQueryOptions,
  getPoolSnapshotQueryOptions,
  getProviderQueryOptions,
  getProviderSnapshotQueryOptions,
  getStakeQueryOptions,
  getWorkQueryOptions,
  isInviteNonceUsedQueryOptions,
  type PrimeQueryOptions,
} from '@prime-network/sdk/query'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import type { Client } from 'viem'
import { useClient } from 'wagmi'
import { useDeployment } from './provider.js'

/**
 * A hook for one SDK read: `useX(parameters)` is TanStack Query's `useQuery` with the SDK's query
 * options, on wagmi's client for the deployment's chain. Pass `undefined` while a parameter is not
 * known yet: the query waits.
 */
function readHook<parameters extends DeploymentParameter & object, data>(
  options: (client: Client, parameters: parameters) => PrimeQueryOptions<string, data>,
) {
  return (parameters: parameters | undefined): UseQueryResult<data> => {
    const deployment = useDeployment()
    const client = useClient({ chainId: deployment?.chainId })
    const ready = parameters !== undefined && client !== undefined
    return useQuery<data, Error, data, readonly unknown[]>(
      ready
        ? options(client, { deployment, ...parameters })
        : { queryKey: ['prime-network', 'waiting'], enabled: false },
    )
  }
}

/** A pool. @example const { data: pool } = usePool({ poolId: 1n }) */
export const usePool = readHook(getPoolQueryOptions)
/** A pool's members with their time and pending rewards. @example usePoolNodes({ poolId }) */
export const usePoolNodes = readHook(getPoolNodesQueryOptions)
/** A pool's budget, rates and work terms. @example usePoolRewards({ poolId }) */
export const usePoolRewards = readHook(getPoolRewardsQueryOptions)
/** A pool, its rewards and its members in one read. @example usePoolSnapshot({ poolId }) */
export const usePoolSnapshot = readHook(getPoolSnapshotQueryOptions)
/** What a provider (or node) can claim in a pool, and what is locked. @example usePendingRewards({ poolId, provider }) */
export const usePendingRewards = readHook(getPendingRewardsQueryOptions)
/** A provider and its nodes. @example useProvider({ provider }) */
export const useProvider = readHook(getProviderQueryOptions)
/** A provider, its stake, where its nodes are and its rewards per pool. @example useProviderSnapshot({ provider }) */
export const useProviderSnapshot = readHook(getProviderSnapshotQueryOptions)
/** A provider's stake: active, unbonding, withdrawable. @example useStake({ provider }) */
export const useStake = readHook(getStakeQueryOptions)
/** The stake a provider needs. @example useMinimumStake({ provider }) */
export const useMinimumStake = readHook(getMinimumStakeQueryOptions)
/** A node. @example useNode({ nodeKey }) */
export const useNode = readHook(getNodeQueryOptions)
/** A node's work, by its key. @example useWork({ nodeKey, workKey }) */
export const useWork = readHook(getWorkQueryOptions)
/** A domain. @example useDomain({ domainId: 1n }) */
export const useDomain = readHook(getDomainQueryOptions)
/** The network's parameters, roles and pause. @example useNetworkSnapshot({}) */
export const useNetworkSnapshot = readHook(getNetworkSnapshotQueryOptions)
/** Who may accept a role. @example usePendingRoleHolder({ role: 'validator' }) */
export const usePendingRoleHolder = readHook(getPendingRoleHolderQueryOptions)
/** Whether an invite nonce is spent. @example useIsInviteNonceUsed({ poolId, nonce }) */
export const useIsInviteNonceUsed = readHook(isInviteNonceUsedQueryOptions)
