import type { JsonValue, PrimeQueryKey, QueryKeyScope } from './keys.js'
import { queryKeyRoot, toKeyValue } from './keys.js'

/**
 * What a query reads, and what an event changes, as tags: `pool:<id>`, `provider:<address>`,
 * `node:<address>`, `domain:<id>`, `work:<node>:<key>`, or `network` (parameters, roles, pause).
 * A query is stale after an event when they share a tag.
 */
export type StaleTag = string

/** A decoded protocol event, as `getEvents` and `watchEvents` give them. */
export type ProtocolEventLike = { eventName: string; args?: unknown }

const tag = {
  pool: (poolId: JsonValue) => `pool:${poolId}`,
  provider: (address: JsonValue) => `provider:${address}`,
  node: (address: JsonValue) => `node:${address}`,
  domain: (domainId: JsonValue) => `domain:${domainId}`,
  work: (nodeKey: JsonValue, workKey: JsonValue) => `work:${nodeKey}:${workKey}`,
}

/**
 * The tags an event changes, from its arguments: each of `poolId`, `provider`, `nodeKey`,
 * `domainId` it names, and the work it names (`nodeKey` with `workKey`). An event that names none
 * of them changes the network: a parameter (`StakeMinimumSet`, `UnbondingPeriodSet`,
 * `MinWorkLockPeriodSet`, `TreasurySet`), the pause (`PauseSet`) or a role (`RoleTransferred`,
 * `RoleTransferProposed`, `RoleTransferCancelled`).
 *
 * @example staleTags({ eventName: 'RewardsClaimed', args: { poolId: 1n, nodeKey, provider } })
 * // ['pool:1', 'provider:0x…', 'node:0x…']
 */
export function staleTags(event: ProtocolEventLike): StaleTag[] {
  const args = toKeyValue(event.args ?? {}) as Record<string, JsonValue>
  const tags: StaleTag[] = []
  if (args.poolId !== undefined) tags.push(tag.pool(args.poolId))
  if (args.provider !== undefined) tags.push(tag.provider(args.provider))
  if (args.nodeKey !== undefined) tags.push(tag.node(args.nodeKey))
  if (args.domainId !== undefined) tags.push(tag.domain(args.domainId))
  if (args.workKey !== undefined && args.nodeKey !== undefined)
    tags.push(tag.work(args.nodeKey, args.workKey))
  return tags.length > 0 ? tags : ['network']
}

type Parameters = Record<string, JsonValue>
type Data = Record<string, unknown> | undefined

const nodesOf = (nodes: unknown) =>
  Array.isArray(nodes) ? nodes.map((node) => tag.node(toKeyValue(node.nodeKey))) : []

/**
 * The tags each read depends on: from its parameters, and for reads whose answer lists nodes or
 * pools, from the answer (`data`) too, so that an event naming only a node refreshes the provider
 * reads that show it.
 */
const readTags: Record<string, (parameters: Parameters, data: Data) => StaleTag[]> = {
  getPool: (p) => [tag.pool(p.poolId!)],
  getPoolRewards: (p) => [tag.pool(p.poolId!)],
  getPoolNodes: (p) => [tag.pool(p.poolId!)],
  getPoolSnapshot: (p) => [tag.pool(p.poolId!)],
  isInviteNonceUsed: (p) => [tag.pool(p.poolId!)],
  getPendingRewards: (p) => [tag.pool(p.poolId!)],
  getProvider: (p, data) => [tag.provider(p.provider!), ...nodesOf(data?.nodes)],
  getProviderSnapshot: (p, data) => {
    const snapshot = data as
      | { provider?: { nodes?: unknown }; rewards?: { poolId: bigint }[] }
      | undefined
    return [
      'network',
      tag.provider(p.provider!),
      ...nodesOf(snapshot?.provider?.nodes),
      ...(snapshot?.rewards ?? []).map((pool) => tag.pool(toKeyValue(pool.poolId))),
    ]
  },
  getStake: (p) => ['network', tag.provider(p.provider!)],
  getMinimumStake: (p) => ['network', ...(p.provider ? [tag.provider(p.provider)] : [])],
  getNode: (p) => [tag.node(p.nodeKey!)],
  getWork: (p) => [tag.work(p.nodeKey!, p.workKey!), tag.node(p.nodeKey!)],
  getDomain: (p) => [tag.domain(p.domainId!)],
  getNetworkSnapshot: () => ['network'],
  getPendingRoleHolder: () => ['network'],
}

/** Reads whose answer changes with chain time alone (accrual, unlocks): refresh them per block. */
const timeDependent = new Set([
  'getPendingRewards',
  'getPoolRewards',
  'getPoolNodes',
  'getPoolSnapshot',
  'getProviderSnapshot',
  'getStake',
  'getWork',
])

/** Whether `queryKey` is one of the SDK's query keys. */
export function isPrimeQueryKey(queryKey: readonly unknown[]): queryKey is PrimeQueryKey {
  return queryKey[0] === queryKeyRoot && typeof queryKey[2] === 'string' && queryKey[2] in readTags
}

/**
 * Whether the query with `queryKey` (whose last answer is `data`, if any) must be read again after
 * `event`, emitted by the deployment of `scope`. Any query cache can use it, e.g. TanStack Query's
 * `invalidateQueries({ predicate: (query) => isStaleAfter(query.queryKey, query.state.data, event, scope) })`.
 *
 * @example isStaleAfter(getPoolQueryOptions(client, { poolId: 1n }).queryKey, undefined, event, scope)
 */
export function isStaleAfter(
  queryKey: readonly unknown[],
  data: unknown,
  event: ProtocolEventLike,
  scope?: QueryKeyScope,
): boolean {
  if (!isPrimeQueryKey(queryKey)) return false
  const [, keyScope, read, parameters] = queryKey
  if (
    scope &&
    (keyScope.chainId !== scope.chainId ||
      keyScope.primeNetwork !== scope.primeNetwork.toLowerCase())
  )
    return false
  const reads = new Set(readTags[read]!(parameters, data as Data))
  return staleTags(event).some((changed) => reads.has(changed))
}

/** Whether the query with `queryKey` changes with chain time alone, so is read again per block. */
export function changesWithTime(queryKey: readonly unknown[]): boolean {
  return isPrimeQueryKey(queryKey) && timeDependent.has(queryKey[2])
}
