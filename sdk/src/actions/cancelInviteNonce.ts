import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolCancelInviteNonceAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type CancelInviteNonceParameters = WriteParameters & {
  poolId: bigint
  /** The nonce of the unused invite to revoke. */
  nonce: bigint
}

export type CancelInviteNonceReturnType = WriteReturnType

/** Includes `ContractErrors.InviteNonceUsed` and `CallerNotPoolOperator`. */
export type CancelInviteNonceErrorType = PrimeNetworkErrorType

/**
 * Revokes an invite that was handed out but not used yet: its nonce is spent, so joining with it
 * fails. Pool creator or compute manager key.
 *
 * @param client - A wallet client with the pool creator's or manager's account.
 * @param parameters - {@link CancelInviteNonceParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await cancelInviteNonce(managerClient, { poolId, nonce: invite.nonce })
 */
export async function cancelInviteNonce(
  client: AnyClient,
  parameters: CancelInviteNonceParameters,
): Promise<CancelInviteNonceReturnType> {
  const { poolId, nonce } = parameters
  assertId('poolId', poolId)
  assertNonNegative('nonce', nonce)
  return execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolCancelInviteNonceAbi,
    args: [poolId, nonce],
  })
}
