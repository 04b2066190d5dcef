import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkWithdrawAbi, stakeManagerWithdrawnEvent } from '../generated/abis.js'
import {
  type AnyClient,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type WithdrawStakeParameters = WriteParameters

export type WithdrawStakeReturnType = WriteReturnType & {
  /** The tokens transferred to the provider. */
  amount: bigint
}

export type WithdrawStakeErrorType = PrimeNetworkErrorType

/**
 * Withdraws all of the caller's matured unbonds to its wallet. Works while the network is paused.
 *
 * @param client - A wallet client with the provider's account.
 * @param parameters - {@link WithdrawStakeParameters}
 * @returns {@link WithdrawStakeReturnType}
 * @example
 * const { amount } = await withdrawStake(client)
 */
export async function withdrawStake(
  client: AnyClient,
  parameters: WithdrawStakeParameters = {},
): Promise<WithdrawStakeReturnType> {
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkWithdrawAbi,
    args: [],
  })
  const [withdrawn] = eventArgs(result.receipt.logs, stakeManagerWithdrawnEvent)
  return { ...result, amount: withdrawn!.amount }
}
