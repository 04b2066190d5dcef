import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  rewardsDistributorBudgetWithdrawnEvent,
  rewardsDistributorWithdrawUnusedBudgetAbi,
} from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type WithdrawUnusedBudgetParameters = WriteParameters & {
  /** The ended (COMPLETED) pool. */
  poolId: bigint
}

export type WithdrawUnusedBudgetReturnType = WriteReturnType & {
  /** The tokens sent to the creator: the budget no node accrued. */
  amount: bigint
}

/** Includes `ContractErrors.PoolNotEnded`, `NoUnusedBudget` and `CallerNotPoolCreator`. */
export type WithdrawUnusedBudgetErrorType = PrimeNetworkErrorType

/**
 * Takes back the budget of an ended pool that no node accrued; the tokens go to the caller.
 * Pool creator only.
 *
 * @param client - A wallet client with the pool creator's account.
 * @param parameters - {@link WithdrawUnusedBudgetParameters}
 * @returns {@link WithdrawUnusedBudgetReturnType}
 * @example
 * const { amount } = await withdrawUnusedBudget(creatorClient, { poolId })
 */
export async function withdrawUnusedBudget(
  client: AnyClient,
  parameters: WithdrawUnusedBudgetParameters,
): Promise<WithdrawUnusedBudgetReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  const result = await execute(client, parameters, {
    contract: 'rewardsDistributor',
    abi: rewardsDistributorWithdrawUnusedBudgetAbi,
    args: [poolId],
  })
  const [withdrawn] = eventArgs(result.receipt.logs, rewardsDistributorBudgetWithdrawnEvent)
  return { ...result, amount: withdrawn!.amount }
}
