import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkAcceptRoleAbi, primeNetworkRoleTransferredEvent } from '../generated/abis.js'
import { type Role, roleId } from '../internal/roles.js'
import {
  type AnyClient,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type AcceptRoleParameters = WriteParameters & {
  /** The role the caller was proposed for. */
  role: Role
}

export type AcceptRoleReturnType = WriteReturnType & {
  /** Who held the role before; it lost the role in the same transaction. */
  previousHolder: Address
}

/** Includes `ContractErrors.CallerNotPendingRoleHolder`. */
export type AcceptRoleErrorType = PrimeNetworkErrorType

/**
 * Takes a role the caller was proposed for (`proposeRoleTransfer`, by the role's holder or, as the
 * admin, the federator). The previous holder
 * loses it at once and every module sees the change. Only the proposed holder.
 *
 * @param client - A wallet client with the proposed holder's account.
 * @param parameters - {@link AcceptRoleParameters}
 * @returns The previous holder, from the RoleTransferred event. {@link AcceptRoleReturnType}
 * @example
 * const { previousHolder } = await acceptRole(newValidatorClient, { role: 'validator' })
 */
export async function acceptRole(
  client: AnyClient,
  parameters: AcceptRoleParameters,
): Promise<AcceptRoleReturnType> {
  const id = roleId(parameters.role)
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkAcceptRoleAbi,
    args: [id],
  })
  const [transferred] = eventArgs(result.receipt.logs, primeNetworkRoleTransferredEvent)
  return { ...result, previousHolder: transferred!.previousHolder }
}
