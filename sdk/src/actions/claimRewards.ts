import type { Address } from 'viem'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import {
  rewardsDistributorClaimRewardsAbi,
  rewardsDistributorRewardsClaimedEvent,
} from '../generated/abis.js'
import type { LogParameters } from '../internal/reads.js'
import {
  type AnyClient,
  assertAddresses,
  assertId,
  eventArgs,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'
import { getPendingRewards } from './getPendingRewards.js'

export type ClaimRewardsParameters = WriteParameters &
  LogParameters & {
    poolId: bigint
    /**
     * The nodes to claim for (default: every node whose reward record in the pool is the
     * caller's and has something to claim, including keys it has removed since).
     */
    nodeKeys?: readonly Address[] | undefined
  }

export type ClaimRewardsReturnType = WriteReturnType & {
  /** The tokens transferred to the provider. */
  total: bigint
  /** What each node earned, from the RewardsClaimed events: for time, for work, and both. */
  claims: { nodeKey: Address; amount: bigint; timeRewards: bigint; workRewards: bigint }[]
}

/**
 * A claim writes each node's record, may release matured work, and pays the provider. Estimated in
 * the second the records were last settled (a claim just before, or a join), those writes change
 * nothing and nothing is paid; landing a second later, each record costs 2,800 gas more, a work
 * lock 2,900 and the transfer up to 35,000 (measured in requests.test.ts: 575,466 for 200 nodes
 * without work, 15,466 of it the transfer). The percent headroom alone ran out for large batches.
 */
const lateGas = (nodes: number) => 35_000n + 5_700n * BigInt(nodes)

export type ClaimRewardsErrorType = PrimeNetworkErrorType

/**
 * Claims what the caller's nodes earned in a pool; the tokens go to the caller (the provider).
 * Works while the network is paused.
 *
 * @param client - A wallet client with the provider's account.
 * @param parameters - {@link ClaimRewardsParameters}
 * @returns The total and the amount per node. {@link ClaimRewardsReturnType}
 * @example
 * const { total, claims } = await claimRewards(providerClient, { poolId })
 */
export async function claimRewards(
  client: AnyClient,
  parameters: ClaimRewardsParameters,
): Promise<ClaimRewardsReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  if (parameters.nodeKeys) assertAddresses('nodeKeys', parameters.nodeKeys)
  if (parameters.nodeKeys?.length === 0)
    throw new InvalidInputError('nodeKeys', 'expected at least one item')
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  let nodeKeys = parameters.nodeKeys
  if (!nodeKeys) {
    const pending = await getPendingRewards(client, {
      poolId,
      provider: account.address,
      deployment,
      logBlockRange: parameters.logBlockRange,
      logRetryCount: parameters.logRetryCount,
    })
    nodeKeys = pending.nodes.filter(({ amount }) => amount > 0n).map(({ nodeKey }) => nodeKey)
    if (nodeKeys.length === 0)
      throw new InvalidInputError(
        'nodeKeys',
        `${account.address} has nothing to claim in pool ${poolId}`,
      )
  }
  const result = await execute(client, parameters, {
    contract: 'rewardsDistributor',
    abi: rewardsDistributorClaimRewardsAbi,
    args: [poolId, nodeKeys],
    lateGas: lateGas(nodeKeys.length),
  })
  const claims = eventArgs(result.receipt.logs, rewardsDistributorRewardsClaimedEvent).map(
    ({ nodeKey, timeRewards, workRewards }) => ({
      nodeKey,
      amount: timeRewards + workRewards,
      timeRewards,
      workRewards,
    }),
  )
  return { ...result, total: claims.reduce((sum, claim) => sum + claim.amount, 0n), claims }
}
