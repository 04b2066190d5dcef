import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolIsInviteNonceUsedAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  assertNonNegative,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

export type IsInviteNonceUsedParameters = DeploymentParameter & {
  poolId: bigint
  nonce: bigint
}

/** True when an invite with this nonce was used to join or was cancelled. */
export type IsInviteNonceUsedReturnType = boolean

export type IsInviteNonceUsedErrorType = PrimeNetworkErrorType

/**
 * Whether a pool's invite nonce is spent (used to join, or cancelled), so an invite carrying it
 * can no longer be used.
 *
 * @param client - Any client.
 * @param parameters - {@link IsInviteNonceUsedParameters}
 * @returns {@link IsInviteNonceUsedReturnType}
 * @example
 * if (await isInviteNonceUsed(client, { poolId, nonce: invite.nonce })) console.log('spent')
 */
export async function isInviteNonceUsed(
  client: AnyClient,
  parameters: IsInviteNonceUsedParameters,
): Promise<IsInviteNonceUsedReturnType> {
  const { poolId, nonce } = parameters
  assertId('poolId', poolId)
  assertNonNegative('nonce', nonce)
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  return read(call('computePool', computePoolIsInviteNonceUsedAbi, [poolId, nonce]))
}
