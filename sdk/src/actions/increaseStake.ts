import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  primeNetworkIncreaseStakeAbi,
  stakeManagerStakedEvent,
  stakeManagerUnbondingStakeAbi,
} from '../generated/abis.js'
import { approveIfShort } from '../internal/token.js'
import {
  type AnyClient,
  assertPositive,
  eventArgs,
  execute,
  reader,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type IncreaseStakeParameters = WriteParameters & {
  /** Tokens to add to the caller's active stake. */
  amount: bigint
}

export type IncreaseStakeReturnType = WriteReturnType & {
  /** The part of `amount` taken back from pending unbonds instead of the wallet. */
  rebonded: bigint
  /** The provider's active stake afterwards. */
  activeStake: bigint
}

export type IncreaseStakeErrorType = PrimeNetworkErrorType

/**
 * Adds `amount` to the caller's stake. Pending unbonds are rebonded first; only the rest is
 * pulled from the wallet, and approved to the StakeManager only when the allowance is short.
 *
 * @param client - A wallet client with the provider's account.
 * @param parameters - {@link IncreaseStakeParameters}
 * @returns {@link IncreaseStakeReturnType}
 * @example
 * const { activeStake } = await increaseStake(client, { amount: parseEther('100') })
 */
export async function increaseStake(
  client: AnyClient,
  parameters: IncreaseStakeParameters,
): Promise<IncreaseStakeReturnType> {
  const { amount } = parameters
  assertPositive('amount', amount)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)

  const call = reader(client, deployment)
  const unbonding = await call('stakeManager', stakeManagerUnbondingStakeAbi, [account.address])
  if (amount > unbonding)
    await approveIfShort(client, {
      account,
      spender: deployment.stakeManager,
      amount: amount - unbonding,
      write: parameters,
    })
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkIncreaseStakeAbi,
    args: [amount],
  })
  const [staked] = eventArgs(result.receipt.logs, stakeManagerStakedEvent)
  return { ...result, rebonded: staked!.rebonded, activeStake: staked!.activeStake }
}
