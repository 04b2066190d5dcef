import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkReclaimStakeAbi, stakeManagerUnbondStartedEvent } from '../generated/abis.js'
import {
  type AnyClient,
  assertPositive,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type ReclaimStakeParameters = WriteParameters & {
  /** Tokens to move from active stake into a pending unbond. */
  amount: bigint
}

export type ReclaimStakeReturnType = WriteReturnType & {
  /** When the unbond can be withdrawn (unix seconds). */
  unlockTime: bigint
  /** The provider's active stake afterwards. */
  activeStake: bigint
}

export type ReclaimStakeErrorType = PrimeNetworkErrorType

/**
 * Starts unbonding `amount` of the caller's stake; what remains must cover its nodes.
 *
 * @param client - A wallet client with the provider's account.
 * @param parameters - {@link ReclaimStakeParameters}
 * @returns {@link ReclaimStakeReturnType}
 * @example
 * const { unlockTime } = await reclaimStake(client, { amount: parseEther('50') })
 */
export async function reclaimStake(
  client: AnyClient,
  parameters: ReclaimStakeParameters,
): Promise<ReclaimStakeReturnType> {
  const { amount } = parameters
  assertPositive('amount', amount)
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkReclaimStakeAbi,
    args: [amount],
  })
  const [unbond] = eventArgs(result.receipt.logs, stakeManagerUnbondStartedEvent)
  return {
    ...result,
    unlockTime: BigInt(unbond!.unlockTime),
    activeStake: unbond!.activeStake,
  }
}
