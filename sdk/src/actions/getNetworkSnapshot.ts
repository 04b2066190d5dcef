import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  computePoolPoolCountAbi,
  domainRegistryDomainCountAbi,
  primeNetworkFederatorAbi,
  primeNetworkMinWorkLockPeriodAbi,
  primeNetworkPausedAbi,
  primeNetworkStakeMinimumAbi,
  primeNetworkValidatorAbi,
  primeTokenBalanceOfAbi,
  stakeManagerTreasuryAbi,
  stakeManagerUnbondingPeriodAbi,
} from '../generated/abis.js'
import {
  type AnyClient,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

export type GetNetworkSnapshotParameters = DeploymentParameter

/** The network's parameters and totals at one moment. */
export type NetworkSnapshot = {
  federator: Address
  validator: Address
  /** Registration, node adds, pool joins and work submissions are stopped (exits still work). */
  paused: boolean
  /** Stake per compute unit, and for the provider itself. */
  stakeMinimum: bigint
  /** Seconds before reclaimed stake can be withdrawn. */
  unbondingPeriod: bigint
  /** The shortest work lock window a pool may set, in seconds. */
  minWorkLockPeriod: bigint
  /** Where slashed stake goes. */
  treasury: Address
  poolCount: bigint
  domainCount: bigint
  /** All stake held by the StakeManager: active stake plus pending unbonds. */
  totalStaked: bigint
}

export type GetNetworkSnapshotReturnType = NetworkSnapshot

export type GetNetworkSnapshotErrorType = PrimeNetworkErrorType

/**
 * The network's roles, parameters and totals in one request (one multicall).
 *
 * @param client - Any client.
 * @param parameters - {@link GetNetworkSnapshotParameters}
 * @returns {@link NetworkSnapshot}
 * @example
 * const { paused, stakeMinimum, poolCount } = await getNetworkSnapshot(client)
 */
export async function getNetworkSnapshot(
  client: AnyClient,
  parameters: GetNetworkSnapshotParameters = {},
): Promise<GetNetworkSnapshotReturnType> {
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  const [
    federator,
    validator,
    paused,
    stakeMinimum,
    minWorkLockPeriod,
    unbondingPeriod,
    treasury,
    poolCount,
    domainCount,
    totalStaked,
  ] = await read(
    Promise.all([
      call('primeNetwork', primeNetworkFederatorAbi, []),
      call('primeNetwork', primeNetworkValidatorAbi, []),
      call('primeNetwork', primeNetworkPausedAbi, []),
      call('primeNetwork', primeNetworkStakeMinimumAbi, []),
      call('primeNetwork', primeNetworkMinWorkLockPeriodAbi, []),
      call('stakeManager', stakeManagerUnbondingPeriodAbi, []),
      call('stakeManager', stakeManagerTreasuryAbi, []),
      call('computePool', computePoolPoolCountAbi, []),
      call('domainRegistry', domainRegistryDomainCountAbi, []),
      call('token', primeTokenBalanceOfAbi, [deployment.stakeManager]),
    ]),
  )
  return {
    federator,
    validator,
    paused,
    stakeMinimum,
    unbondingPeriod,
    minWorkLockPeriod,
    treasury,
    poolCount,
    domainCount,
    totalStaked,
  }
}
