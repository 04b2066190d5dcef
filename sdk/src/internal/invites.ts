import type { PoolInvite } from '../actions/signPoolInvite.js'
import { InvalidInputError } from '../errors/base.js'
import { assertAddress, assertNonEmpty } from './utils.js'

/** Invites as joinPool and moveNodes take them: with or without their pool id. */
export type InviteInput = Omit<PoolInvite, 'poolId'> | PoolInvite

/**
 * Checks invites for `poolId` before anything is sent: right pool, well formed. Expiry is left to
 * the simulation, which judges it by chain time (`ContractErrors.InviteExpired`): this computer's
 * clock may run ahead of the chain (a fork, a test chain).
 */
export function assertInvites(poolId: bigint, invites: readonly InviteInput[]) {
  assertNonEmpty('invites', invites)
  invites.forEach((invite, i) => {
    assertAddress(`invites[${i}].nodeKey`, invite.nodeKey)
    if ('poolId' in invite && invite.poolId !== poolId)
      throw new InvalidInputError(
        `invites[${i}].poolId`,
        `the invite is for pool ${invite.poolId}, not ${poolId}`,
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
