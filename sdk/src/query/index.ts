export {
  type JsonValue,
  type PrimeQueryKey,
  type QueryKeyScope,
  queryKey,
  queryKeyRoot,
  toKeyValue,
} from './keys.js'
export {
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
} from './options.js'
export {
  changesWithTime,
  isPrimeQueryKey,
  isStaleAfter,
  type ProtocolEventLike,
  type StaleTag,
  staleTags,
} from './stale.js'
