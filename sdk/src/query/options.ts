import { getDomain } from '../actions/getDomain.js'
import { getMinimumStake } from '../actions/getMinimumStake.js'
import { getNetworkSnapshot } from '../actions/getNetworkSnapshot.js'
import { getNode } from '../actions/getNode.js'
import { getPendingRewards } from '../actions/getPendingRewards.js'
import { getPendingRoleHolder } from '../actions/getPendingRoleHolder.js'
import { getPool } from '../actions/getPool.js'
import { getPoolNodes } from '../actions/getPoolNodes.js'
import { getPoolRewards } from '../actions/getPoolRewards.js'
import { getPoolSnapshot } from '../actions/getPoolSnapshot.js'
import { getProvider } from '../actions/getProvider.js'
import { getProviderSnapshot } from '../actions/getProviderSnapshot.js'
import { getStake } from '../actions/getStake.js'
import { getWork } from '../actions/getWork.js'
import { isInviteNonceUsed } from '../actions/isInviteNonceUsed.js'
import type { AnyClient, DeploymentParameter } from '../internal/utils.js'
import { type PrimeQueryKey, queryKey } from './keys.js'

/** What a query cache needs to run one read: its key and the function that reads. */
export type PrimeQueryOptions<read extends string, data> = {
  queryKey: PrimeQueryKey<read>
  queryFn: () => Promise<data>
}

/**
 * Query options for one SDK read: the key is built from the parameters (and the deployment), the
 * function calls the read with exactly those parameters. Each call below is marked pure, so a
 * bundler drops the options (and the read behind them) that an app does not import.
 */
function queryOptions<read extends string, parameters extends DeploymentParameter & object, data>(
  read: read,
  action: (client: AnyClient, parameters: parameters) => Promise<data>,
) {
  return (client: AnyClient, parameters: parameters): PrimeQueryOptions<read, data> => ({
    queryKey: queryKey(client, read, parameters),
    queryFn: () => action(client, parameters),
  })
}

/** @example const { queryKey, queryFn } = getPoolQueryOptions(client, { poolId: 1n }) */
export const getPoolQueryOptions = /* @__PURE__ */ queryOptions('getPool', getPool)
/** @example getPoolNodesQueryOptions(client, { poolId: 1n }) */
export const getPoolNodesQueryOptions = /* @__PURE__ */ queryOptions('getPoolNodes', getPoolNodes)
/** @example getPoolRewardsQueryOptions(client, { poolId: 1n }) */
export const getPoolRewardsQueryOptions = /* @__PURE__ */ queryOptions(
  'getPoolRewards',
  getPoolRewards,
)
/** @example getPoolSnapshotQueryOptions(client, { poolId: 1n }) */
export const getPoolSnapshotQueryOptions = /* @__PURE__ */ queryOptions(
  'getPoolSnapshot',
  getPoolSnapshot,
)
/** @example getPendingRewardsQueryOptions(client, { poolId: 1n, provider }) */
export const getPendingRewardsQueryOptions = /* @__PURE__ */ queryOptions(
  'getPendingRewards',
  getPendingRewards,
)
/** @example getProviderQueryOptions(client, { provider }) */
export const getProviderQueryOptions = /* @__PURE__ */ queryOptions('getProvider', getProvider)
/** @example getProviderSnapshotQueryOptions(client, { provider }) */
export const getProviderSnapshotQueryOptions = /* @__PURE__ */ queryOptions(
  'getProviderSnapshot',
  getProviderSnapshot,
)
/** @example getStakeQueryOptions(client, { provider }) */
export const getStakeQueryOptions = /* @__PURE__ */ queryOptions('getStake', getStake)
/** @example getMinimumStakeQueryOptions(client, { provider }) */
export const getMinimumStakeQueryOptions = /* @__PURE__ */ queryOptions(
  'getMinimumStake',
  getMinimumStake,
)
/** @example getNodeQueryOptions(client, { nodeKey }) */
export const getNodeQueryOptions = /* @__PURE__ */ queryOptions('getNode', getNode)
/** @example getWorkQueryOptions(client, { nodeKey, workKey }) */
export const getWorkQueryOptions = /* @__PURE__ */ queryOptions('getWork', getWork)
/** @example getDomainQueryOptions(client, { domainId: 1n }) */
export const getDomainQueryOptions = /* @__PURE__ */ queryOptions('getDomain', getDomain)
/** @example getNetworkSnapshotQueryOptions(client, {}) */
export const getNetworkSnapshotQueryOptions = /* @__PURE__ */ queryOptions(
  'getNetworkSnapshot',
  getNetworkSnapshot,
)
/** @example getPendingRoleHolderQueryOptions(client, { role: 'validator' }) */
export const getPendingRoleHolderQueryOptions = /* @__PURE__ */ queryOptions(
  'getPendingRoleHolder',
  getPendingRoleHolder,
)
/** @example isInviteNonceUsedQueryOptions(client, { poolId: 1n, nonce: 7n }) */
export const isInviteNonceUsedQueryOptions = /* @__PURE__ */ queryOptions(
  'isInviteNonceUsed',
  isInviteNonceUsed,
)
