import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkCancelRoleTransferAbi } from '../generated/abis.js'
import { type Role, roleId } from '../internal/roles.js'
import {
  type AnyClient,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type CancelRoleTransferParameters = WriteParameters & {
  /** The role whose pending handover to withdraw. */
  role: Role
}

export type CancelRoleTransferReturnType = WriteReturnType

/** Includes `ContractErrors.NoPendingRoleTransfer` and `MissingRole`. */
export type CancelRoleTransferErrorType = PrimeNetworkErrorType

/**
 * Withdraws the pending handover of a role: the proposed holder can no longer accept. The role's
 * holder or the federator.
 *
 * @param client - A wallet client with the role holder's or the federator's account.
 * @param parameters - {@link CancelRoleTransferParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await cancelRoleTransfer(federatorClient, { role: 'federator' })
 */
export async function cancelRoleTransfer(
  client: AnyClient,
  parameters: CancelRoleTransferParameters,
): Promise<CancelRoleTransferReturnType> {
  const id = roleId(parameters.role)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkCancelRoleTransferAbi,
    args: [id],
  })
}
