import type { PrimeNetworkErrorType } from '../errors/base.js'
import { rewardsDistributorSetWorkRewardRateAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  assertNonNegative,
  execute,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetWorkRewardRateParameters = WriteParameters & {
  poolId: bigint
  /** Token units paid per accepted work unit (0 pays nothing for work). */
  rate: bigint
}

export type SetWorkRewardRateReturnType = WriteReturnType

/** Includes `ContractErrors.CallerNotPoolCreator` and `PoolAlreadyEnded`. */
export type SetWorkRewardRateErrorType = PrimeNetworkErrorType

/**
 * Sets what a pool pays per accepted work unit, for works accepted from now on. Pool creator only.
 *
 * @param client - A wallet client with the pool creator's account.
 * @param parameters - {@link SetWorkRewardRateParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setWorkRewardRate(creatorClient, { poolId, rate: parseEther('0.01') })
 */
export async function setWorkRewardRate(
  client: AnyClient,
  parameters: SetWorkRewardRateParameters,
): Promise<SetWorkRewardRateReturnType> {
  const { poolId, rate } = parameters
  assertId('poolId', poolId)
  assertNonNegative('rate', rate)
  const deployment = resolveDeployment(client, parameters.deployment)
  return execute(client, parameters, {
    address: deployment.rewardsDistributor,
    abi: rewardsDistributorSetWorkRewardRateAbi,
    functionName: 'setWorkRewardRate',
    args: [poolId, rate],
  })
}
