import { type Hex, keccak256, toHex } from 'viem'
import { InvalidInputError } from '../errors/base.js'

/** The network's two roles, by the names the SDK uses for them. */
export type Role = 'federator' | 'validator'

/** The role ids PrimeNetwork.hasRole understands: keccak256 of the role's Solidity name. */
export const roleIds = {
  federator: keccak256(toHex('FEDERATOR_ROLE')),
  validator: keccak256(toHex('VALIDATOR_ROLE')),
} as const satisfies Record<Role, Hex>

export function roleId(role: Role): Hex {
  const id = roleIds[role as Role]
  if (!id) throw new InvalidInputError('role', "expected 'federator' or 'validator'")
  return id
}
