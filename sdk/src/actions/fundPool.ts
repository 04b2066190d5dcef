import type { Hash } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  rewardsDistributorFundPoolAbi,
  rewardsDistributorPoolFundedEvent,
} from '../generated/abis.js'
import { approveIfShort } from '../internal/token.js'
import {
  type AnyClient,
  assertId,
  assertPositive,
  eventArgs,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type FundPoolParameters = WriteParameters & {
  poolId: bigint
  /** Tokens to add to the pool's reward budget. */
  amount: bigint
}

export type FundPoolReturnType = WriteReturnType & {
  /** The pool's unaccrued budget afterwards. */
  budget: bigint
  /** The approve transaction, when the allowance was short. */
  approveHash: Hash | undefined
}

export type FundPoolErrorType = PrimeNetworkErrorType

/**
 * Adds tokens from the caller to a pool's reward budget, approving the RewardsDistributor first
 * when the allowance is short. Anyone may fund a pool.
 *
 * Warning: funding is a gift to the pool, not a deposit. Its creator may end the pool at any time
 * and take back every token no node has earned yet (`withdrawUnusedBudget`), including what others
 * funded. Fund only pools whose creator you trust.
 *
 * @param client - A wallet client with the funder's account.
 * @param parameters - {@link FundPoolParameters}
 * @returns {@link FundPoolReturnType}
 * @example
 * const { budget } = await fundPool(client, { poolId, amount: parseEther('10000') })
 */
export async function fundPool(
  client: AnyClient,
  parameters: FundPoolParameters,
): Promise<FundPoolReturnType> {
  const { poolId, amount } = parameters
  assertId('poolId', poolId)
  assertPositive('amount', amount)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  const approveHash = await approveIfShort(client, {
    account,
    spender: deployment.rewardsDistributor,
    amount,
    write: parameters,
  })
  const result = await execute(client, parameters, {
    contract: 'rewardsDistributor',
    abi: rewardsDistributorFundPoolAbi,
    args: [poolId, amount],
  })
  const [funded] = eventArgs(result.receipt.logs, rewardsDistributorPoolFundedEvent)
  return { ...result, budget: funded!.budget, approveHash }
}
