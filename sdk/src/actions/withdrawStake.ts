import { parseEventLogs } from 'viem/utils'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkWithdrawAbi, stakeManagerWithdrawnEvent } from '../generated/abis.js'
import {
  type AnyClient,
  execute,
  resolveDeployment,
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
  const deployment = resolveDeployment(client, parameters.deployment)
  const result = await execute(client, parameters, {
    address: deployment.primeNetwork,
    abi: primeNetworkWithdrawAbi,
    functionName: 'withdraw',
    args: [],
  })
  const [withdrawn] = parseEventLogs({
    abi: [stakeManagerWithdrawnEvent],
    logs: result.receipt.logs,
    eventName: 'Withdrawn',
  })
  return { ...result, amount: withdrawn!.args.amount }
}
