import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkMinimumStakeForAbi, primeNetworkStakeMinimumAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertNonNegative,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

export type GetMinimumStakeParameters = DeploymentParameter & {
  /** A provider whose requirement to compute; without it, the network's base minimum. */
  provider?: Address | undefined
  /** Extra compute units to add on top of the provider's (e.g. a node about to be added). */
  additionalComputeUnits?: bigint | undefined
}

export type GetMinimumStakeReturnType = bigint

export type GetMinimumStakeErrorType = PrimeNetworkErrorType

/**
 * The stake required: `stakeMinimum x (1 + compute units)`. Without a provider it is the stake
 * needed to register (plus `additionalComputeUnits` units).
 *
 * @param client - Any client.
 * @param parameters - {@link GetMinimumStakeParameters}
 * @returns The required stake in token units.
 * @example
 * const toRegister = await getMinimumStake(client)
 * const toAddNode = await getMinimumStake(client, { provider, additionalComputeUnits: 10n })
 */
export async function getMinimumStake(
  client: AnyClient,
  parameters: GetMinimumStakeParameters = {},
): Promise<GetMinimumStakeReturnType> {
  const { provider, additionalComputeUnits = 0n } = parameters
  if (provider !== undefined) assertAddress('provider', provider)
  assertNonNegative('additionalComputeUnits', additionalComputeUnits)
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  const [base, current] = await read(
    Promise.all([
      call('primeNetwork', primeNetworkStakeMinimumAbi, []),
      provider ? call('primeNetwork', primeNetworkMinimumStakeForAbi, [provider]) : undefined,
    ]),
  )
  return (current ?? base) + base * additionalComputeUnits
}
