import type { PoolInvite } from '../actions/signPoolInvite.js'
import { InvalidInputError } from '../errors/base.js'
import { assertAddress, assertNonEmpty } from './utils.js'

/** Invites as joinPool and moveNodes take them: with or without their pool id. */
export type InviteInput = Omit<PoolInvite, 'poolId'> | PoolInvite

/** Checks invites for `poolId` before anything is sent: right pool, not expired by this clock. */
export function assertInvites(poolId: bigint, invites: readonly InviteInput[]) {
  assertNonEmpty('invites', invites)
  const now = BigInt(Math.floor(Date.now() / 1000))
  invites.forEach((invite, i) => {
    assertAddress(`invites[${i}].nodeKey`, invite.nodeKey)
    if ('poolId' in invite && invite.poolId !== poolId)
      throw new InvalidInputError(
        `invites[${i}].poolId`,
        `the invite is for pool ${invite.poolId}, not ${poolId}`,
      )
    if (typeof invite.expiry !== 'bigint' || invite.expiry < now)
      throw new InvalidInputError(`invites[${i}].expiry`, `the invite expired at ${invite.expiry}`)
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
