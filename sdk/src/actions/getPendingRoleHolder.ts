import { type Address, zeroAddress } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkPendingRoleHolderAbi } from '../generated/abis.js'
import { type Role, roleId } from '../internal/roles.js'
import {
  type AnyClient,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

export type GetPendingRoleHolderParameters = DeploymentParameter & { role: Role }

/** The proposed next holder, or `undefined` when no handover is pending. */
export type GetPendingRoleHolderReturnType = Address | undefined

export type GetPendingRoleHolderErrorType = PrimeNetworkErrorType

/**
 * Who was proposed as the next federator or validator and has not accepted yet.
 *
 * @param client - Any client.
 * @param parameters - {@link GetPendingRoleHolderParameters}
 * @returns The pending holder, or `undefined`.
 * @example
 * const pending = await getPendingRoleHolder(client, { role: 'federator' })
 */
export async function getPendingRoleHolder(
  client: AnyClient,
  parameters: GetPendingRoleHolderParameters,
): Promise<GetPendingRoleHolderReturnType> {
  const id = roleId(parameters.role)
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  const holder = await read(call('primeNetwork', primeNetworkPendingRoleHolderAbi, [id]))
  return holder === zeroAddress ? undefined : holder
}
