import type { Address } from 'viem'
import { computeRegistryAbi, rewardsDistributorAbi } from '../abis.js'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

export type GetPendingRewardsParameters = DeploymentParameter & { poolId: bigint } & (
    | { /** One node. */ nodeKey: Address; provider?: undefined }
    | { /** Every current node of this provider. */ provider: Address; nodeKey?: undefined }
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
 * What can be claimed from a pool now, for one node or across all of a provider's nodes.
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
  const call = reader(client)
  const nodeKeys = provider
    ? await read(
        call({
          address: deployment.computeRegistry,
          abi: computeRegistryAbi,
          functionName: 'getProviderNodes',
          args: [provider],
        }),
      )
    : [nodeKey!]
  const nodes = await read(
    Promise.all(
      nodeKeys.map(async (key): Promise<PendingNodeRewards> => {
        const [time, [workLocked, workClaimable]] = await Promise.all([
          call({
            address: deployment.rewardsDistributor,
            abi: rewardsDistributorAbi,
            functionName: 'calculateRewards',
            args: [poolId, key],
          }),
          call({
            address: deployment.rewardsDistributor,
            abi: rewardsDistributorAbi,
            functionName: 'getNodeWork',
            args: [poolId, key],
          }),
        ])
        return { nodeKey: key, amount: time + workClaimable, time, workClaimable, workLocked }
      }),
    ),
  )
  return {
    total: nodes.reduce((sum, node) => sum + node.amount, 0n),
    totalLocked: nodes.reduce((sum, node) => sum + node.workLocked, 0n),
    nodes,
  }
}
