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

export type GetPendingRewardsReturnType = {
  /** The sum over `nodes`. */
  total: bigint
  /** What each node's provider could claim now. */
  nodes: { nodeKey: Address; amount: bigint }[]
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
  const amounts = await read(
    Promise.all(
      nodeKeys.map((key) =>
        call({
          address: deployment.rewardsDistributor,
          abi: rewardsDistributorAbi,
          functionName: 'calculateRewards',
          args: [poolId, key],
        }),
      ),
    ),
  )
  const nodes = nodeKeys.map((key, i) => ({ nodeKey: key, amount: amounts[i]! }))
  return { total: amounts.reduce((sum, amount) => sum + amount, 0n), nodes }
}
