import { parseEventLogs } from 'viem/utils'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  rewardsDistributorBudgetWithdrawnEvent,
  rewardsDistributorWithdrawUnusedBudgetAbi,
} from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  execute,
  resolveDeployment,
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
  const deployment = resolveDeployment(client, parameters.deployment)
  const result = await execute(client, parameters, {
    address: deployment.rewardsDistributor,
    abi: rewardsDistributorWithdrawUnusedBudgetAbi,
    functionName: 'withdrawUnusedBudget',
    args: [poolId],
  })
  const [withdrawn] = parseEventLogs({
    abi: [rewardsDistributorBudgetWithdrawnEvent],
    logs: result.receipt.logs,
    eventName: 'BudgetWithdrawn',
  })
  return { ...result, amount: withdrawn!.args.amount }
}
