import { type Address, isAddressEqual } from 'viem'
import type { Deployment } from '../deployments.js'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import { nodeRewards, poolNodeKeys } from '../internal/poolNodes.js'
import type { LogParameters } from '../internal/reads.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  type DeploymentParameter,
  resolveDeployment,
} from '../internal/utils.js'

export type GetPendingRewardsParameters = DeploymentParameter &
  LogParameters & {
    poolId: bigint
    /** Where to start reading join events (default: the deployment block). */
    fromBlock?: bigint | undefined
  } & (
    | { /** One node. */ nodeKey: Address; provider?: undefined }
    | {
        /**
         * Every node whose reward record in the pool is this provider's: the keys it joined there,
         * including keys it has removed since (their rewards are still its own).
         */
        provider: Address
        nodeKey?: undefined
      }
  )

/** What one node has earned in the pool and not claimed. */
export type PendingNodeRewards = {
  nodeKey: Address
  /** What its provider could claim now: `time + workClaimable`. */
  amount: bigint
  /** Earned for compute time. */
  time: bigint
  /** Earned for work whose window has ended. */
  workClaimable: bigint
  /** Reserved for work still in its window (claimable once it ends, unless invalidated). */
  workLocked: bigint
}

export type GetPendingRewardsReturnType = {
  /** What could be claimed now, summed over `nodes`. */
  total: bigint
  /** Work rewards still locked, summed over `nodes`. */
  totalLocked: bigint
  nodes: PendingNodeRewards[]
}

export type GetPendingRewardsErrorType = PrimeNetworkErrorType

/**
 * What can be claimed from a pool now, for one node or across all of a provider's reward records
 * there (found from its join events, so keys it removed still count and keys it re-added from
 * another provider do not count until they join for it). Two to three requests whatever the
 * number of nodes: the join events, then one multicall.
 *
 * @param client - Any client.
 * @param parameters - {@link GetPendingRewardsParameters}
 * @returns The total and the amount per node.
 * @example
 * const { total } = await getPendingRewards(client, { poolId, provider })
 */
export async function getPendingRewards(
  client: AnyClient,
  parameters: GetPendingRewardsParameters,
): Promise<GetPendingRewardsReturnType> {
  const { poolId, nodeKey, provider } = parameters
  assertId('poolId', poolId)
  if ((nodeKey === undefined) === (provider === undefined))
    throw new InvalidInputError('nodeKey', 'pass exactly one of `nodeKey` and `provider`')
  if (nodeKey !== undefined) assertAddress('nodeKey', nodeKey)
  if (provider !== undefined) assertAddress('provider', provider)
  const deployment = resolveDeployment(client, parameters.deployment)
  // A provider's records in a pool are those of the keys it joined there, including keys it has
  // removed since; a key it holds now may still carry another provider's record. So candidates
  // come from its NodeJoinedPool events, and each record says whose it is.
  const candidates = provider
    ? await poolNodeKeys(client, deployment, { ...parameters, poolId, provider })
    : [nodeKey!]
  return (await pendingRewards(client, deployment, poolId, candidates, provider)).rewards
}

/**
 * What `candidates` have pending in pool `poolId`, keeping only records that are `provider`'s
 * when one is given, and which of those are in the pool now. One request: the reads go out
 * together as one multicall.
 */
export async function pendingRewards(
  client: AnyClient,
  deployment: Deployment,
  poolId: bigint,
  candidates: readonly Address[],
  provider?: Address,
): Promise<{ rewards: GetPendingRewardsReturnType; inPool: Address[] }> {
  const rows = await nodeRewards(client, deployment, poolId, candidates)
  const nodes: PendingNodeRewards[] = []
  const inPool: Address[] = []
  for (const { nodeKey, record, time, workClaimable, workLocked } of rows) {
    if (provider && !isAddressEqual(record.provider, provider)) continue
    if (record.joinedAt !== 0) inPool.push(nodeKey)
    nodes.push({ nodeKey, amount: time + workClaimable, time, workClaimable, workLocked })
  }
  const rewards = {
    total: nodes.reduce((sum, node) => sum + node.amount, 0n),
    totalLocked: nodes.reduce((sum, node) => sum + node.workLocked, 0n),
    nodes,
  }
  return { rewards, inPool }
}
