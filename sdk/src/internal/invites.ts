import { type Address, isAddressEqual } from 'viem'
import type { PoolInvite } from '../actions/signPoolInvite.js'
import { InvalidInputError } from '../errors/base.js'
import { assertAddress, assertNonEmpty } from './utils.js'

/** Invites as joinPool and moveNodes take them: with or without their pool id and provider. */
export type InviteInput = Omit<PoolInvite, 'poolId' | 'provider'> &
  Partial<Pick<PoolInvite, 'poolId' | 'provider'>>

/**
 * Checks invites for `poolId`, joined by `provider`, before anything is sent: right pool, right
 * provider, well formed. Expiry is left to the simulation, which judges it by chain time
 * (`ContractErrors.InviteExpired`): this computer's clock may run ahead of the chain (a fork, a
 * test chain).
 */
export function assertInvites(poolId: bigint, invites: readonly InviteInput[], provider: Address) {
  assertNonEmpty('invites', invites)
  invites.forEach((invite, i) => {
    assertAddress(`invites[${i}].nodeKey`, invite.nodeKey)
    if (invite.poolId !== undefined && invite.poolId !== poolId)
      throw new InvalidInputError(
        `invites[${i}].poolId`,
        `the invite is for pool ${invite.poolId}, not ${poolId}`,
      )
    if (invite.provider !== undefined && !isAddressEqual(invite.provider, provider))
      throw new InvalidInputError(
        `invites[${i}].provider`,
        `the invite is made out to ${invite.provider}, not ${provider}: ask the pool for one of your own`,
      )
    if (typeof invite.expiry !== 'bigint' || invite.expiry < 0n)
      throw new InvalidInputError(
        `invites[${i}].expiry`,
        `expected a unix time, got ${invite.expiry}`,
      )
  })
}

/** The contract's Invite tuples. */
export function contractInvites(invites: readonly InviteInput[]) {
  return invites.map(({ nodeKey, nonce, expiry, signature }) => ({
    nodeKey,
    nonce,
    expiry,
    signature,
  }))
}
