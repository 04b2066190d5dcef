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
  queryKeyRoot,
} from '@prime-network/sdk/query'
import { skipToken, type UseQueryResult, useQuery } from '@tanstack/react-query'
import type { Client } from 'viem'
import { useClient } from 'wagmi'
import { useDeployment } from './provider.js'

/**
 * A hook for one SDK read: `useX(parameters)` is TanStack Query's `useQuery` with the SDK's query
 * options, on wagmi's client for the deployment's chain. Pass `undefined` while a parameter is not
 * known yet: the query waits, under a key of its own read (never one entry shared by every
 * waiting hook, whatever its data), with `skipToken`, so no refetch of the whole tree can run it.
 *
 * Every hook below is one call of this, marked pure so that a bundler drops the hooks (and the
 * SDK actions behind them) that an app does not import.
 */
function readHook<parameters extends DeploymentParameter & object, data>(
  read: string,
  options: (client: Client, parameters: parameters) => PrimeQueryOptions<string, data>,
) {
  return (parameters: parameters | undefined): UseQueryResult<data> => {
    const deployment = useDeployment()
    const client = useClient({ chainId: deployment?.chainId })
    const ready = parameters !== undefined && client !== undefined
    return useQuery<data, Error, data, readonly unknown[]>(
      ready
        ? options(client, { deployment, ...parameters })
        : { queryKey: [queryKeyRoot, 'waiting', read], queryFn: skipToken },
    )
  }
}

/** A pool. @example const { data: pool } = usePool({ poolId: 1n }) */
export const usePool = /* @__PURE__ */ readHook('getPool', getPoolQueryOptions)
/** A pool's members with their time and pending rewards. @example usePoolNodes({ poolId }) */
export const usePoolNodes = /* @__PURE__ */ readHook('getPoolNodes', getPoolNodesQueryOptions)
/** A pool's budget, rates and work terms. @example usePoolRewards({ poolId }) */
export const usePoolRewards = /* @__PURE__ */ readHook('getPoolRewards', getPoolRewardsQueryOptions)
/** A pool, its rewards and its members in one read. @example usePoolSnapshot({ poolId }) */
export const usePoolSnapshot = /* @__PURE__ */ readHook(
  'getPoolSnapshot',
  getPoolSnapshotQueryOptions,
)
/** What a provider (or node) can claim in a pool, and what is locked. @example usePendingRewards({ poolId, provider }) */
export const usePendingRewards = /* @__PURE__ */ readHook(
  'getPendingRewards',
  getPendingRewardsQueryOptions,
)
/** A provider and its nodes. @example useProvider({ provider }) */
export const useProvider = /* @__PURE__ */ readHook('getProvider', getProviderQueryOptions)
/** A provider, its stake, where its nodes are and its rewards per pool. @example useProviderSnapshot({ provider }) */
export const useProviderSnapshot = /* @__PURE__ */ readHook(
  'getProviderSnapshot',
  getProviderSnapshotQueryOptions,
)
/** A provider's stake: active, unbonding, withdrawable. @example useStake({ provider }) */
export const useStake = /* @__PURE__ */ readHook('getStake', getStakeQueryOptions)
/** The stake a provider needs. @example useMinimumStake({ provider }) */
export const useMinimumStake = /* @__PURE__ */ readHook(
  'getMinimumStake',
  getMinimumStakeQueryOptions,
)
/** A node. @example useNode({ nodeKey }) */
export const useNode = /* @__PURE__ */ readHook('getNode', getNodeQueryOptions)
/** A node's work, by its key. @example useWork({ nodeKey, workKey }) */
export const useWork = /* @__PURE__ */ readHook('getWork', getWorkQueryOptions)
/** A domain. @example useDomain({ domainId: 1n }) */
export const useDomain = /* @__PURE__ */ readHook('getDomain', getDomainQueryOptions)
/** The network's parameters, roles and pause. @example useNetworkSnapshot({}) */
export const useNetworkSnapshot = /* @__PURE__ */ readHook(
  'getNetworkSnapshot',
  getNetworkSnapshotQueryOptions,
)
/** Who may accept a role. @example usePendingRoleHolder({ role: 'validator' }) */
export const usePendingRoleHolder = /* @__PURE__ */ readHook(
  'getPendingRoleHolder',
  getPendingRoleHolderQueryOptions,
)
/** Whether an invite nonce is spent. @example useIsInviteNonceUsed({ poolId, nonce }) */
export const useIsInviteNonceUsed = /* @__PURE__ */ readHook(
  'isInviteNonceUsed',
  isInviteNonceUsedQueryOptions,
)
