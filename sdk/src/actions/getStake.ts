import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  primeNetworkMinimumStakeForAbi,
  stakeManagerActiveStakeAbi,
  stakeManagerPendingUnbondsAbi,
  stakeManagerUnbondingStakeAbi,
  stakeManagerWithdrawableStakeAbi,
} from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

export type Stake = {
  /** Bonded stake. */
  active: bigint
  /** The sum of pending unbonds, matured or not. */
  unbonding: bigint
  /** Pending unbonds, oldest first. */
  pendingUnbonds: { amount: bigint; unlockTime: bigint }[]
  /** The matured part of `unbonding`, withdrawable now. */
  withdrawable: bigint
  /** What the provider must keep staked for its nodes. */
  minimum: bigint
}

export type GetStakeParameters = DeploymentParameter & { provider: Address }

export type GetStakeReturnType = Stake

export type GetStakeErrorType = PrimeNetworkErrorType

/**
 * Reads a provider's stake: active, unbonding, pending unbonds, withdrawable and required minimum.
 *
 * @param client - Any client.
 * @param parameters - {@link GetStakeParameters}
 * @returns {@link Stake}
 * @example
 * const { active, withdrawable } = await getStake(client, { provider })
 */
export async function getStake(
  client: AnyClient,
  parameters: GetStakeParameters,
): Promise<GetStakeReturnType> {
  const { provider } = parameters
  assertAddress('provider', provider)
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  const [active, unbonding, withdrawable, pendingUnbonds, minimum] = await read(
    Promise.all([
      call('stakeManager', stakeManagerActiveStakeAbi, [provider]),
      call('stakeManager', stakeManagerUnbondingStakeAbi, [provider]),
      call('stakeManager', stakeManagerWithdrawableStakeAbi, [provider]),
      call('stakeManager', stakeManagerPendingUnbondsAbi, [provider]),
      call('primeNetwork', primeNetworkMinimumStakeForAbi, [provider]),
    ]),
  )
  return {
    active,
    unbonding,
    pendingUnbonds: pendingUnbonds.map(({ amount, unlockTime }) => ({
      amount,
      unlockTime: BigInt(unlockTime),
    })),
    withdrawable,
    minimum,
  }
}
