import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkProposeRoleTransferAbi } from '../generated/abis.js'
import { type Role, roleId } from '../internal/roles.js'
import {
  type AnyClient,
  assertAddress,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type ProposeRoleTransferParameters = WriteParameters & {
  /** The role to hand over. */
  role: Role
  /** Who may accept it (with `acceptRole`); replaces any earlier proposal. */
  newHolder: Address
}

export type ProposeRoleTransferReturnType = WriteReturnType

/** Includes `ContractErrors.MissingRole` and `ZeroAddress`. */
export type ProposeRoleTransferErrorType = PrimeNetworkErrorType

/**
 * Proposes `newHolder` as the next federator or validator. Nothing changes until `newHolder`
 * calls `acceptRole`, so a mistyped address loses nothing: propose again or cancel. The role's holder, or the federator
 * (the network's admin may also replace the validator).
 *
 * @param client - A wallet client with the role holder's or the federator's account.
 * @param parameters - {@link ProposeRoleTransferParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await proposeRoleTransfer(federatorClient, { role: 'validator', newHolder: '0x...' })
 */
export async function proposeRoleTransfer(
  client: AnyClient,
  parameters: ProposeRoleTransferParameters,
): Promise<ProposeRoleTransferReturnType> {
  const { role, newHolder } = parameters
  const id = roleId(role)
  assertAddress('newHolder', newHolder)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkProposeRoleTransferAbi,
    args: [id, newHolder],
  })
}
