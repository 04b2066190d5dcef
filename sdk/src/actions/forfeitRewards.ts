import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  rewardsDistributorForfeitRewardsAbi,
  rewardsDistributorRewardsForfeitedEvent,
} from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type ForfeitRewardsParameters = WriteParameters & {
  poolId: bigint
  /** The misbehaving node whose unclaimed rewards return to the pool's budget. */
  nodeKey: Address
}

export type ForfeitRewardsReturnType = WriteReturnType & {
  /** The tokens returned to the pool's budget (0 when the node had nothing unclaimed). */
  amount: bigint
}

/** Includes `ContractErrors.MissingRole` and `NodeNotInPool`. */
export type ForfeitRewardsErrorType = PrimeNetworkErrorType

/**
 * Returns a node's unclaimed rewards in a pool to that pool's budget. Validator only (a pool's
 * own creator or manager cannot).
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link ForfeitRewardsParameters}
 * @returns {@link ForfeitRewardsReturnType}
 * @example
 * const { amount } = await forfeitRewards(validatorClient, { poolId, nodeKey })
 */
export async function forfeitRewards(
  client: AnyClient,
  parameters: ForfeitRewardsParameters,
): Promise<ForfeitRewardsReturnType> {
  const { poolId, nodeKey } = parameters
  assertId('poolId', poolId)
  assertAddress('nodeKey', nodeKey)
  const result = await execute(client, parameters, {
    contract: 'rewardsDistributor',
    abi: rewardsDistributorForfeitRewardsAbi,
    args: [poolId, nodeKey],
  })
  const [forfeited] = eventArgs(result.receipt.logs, rewardsDistributorRewardsForfeitedEvent)
  return { ...result, amount: forfeited!.amount }
}
