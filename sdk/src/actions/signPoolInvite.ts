import { type Account, type Address, bytesToBigInt, type Hex } from 'viem'
import { signTypedData } from 'viem/actions'
import { getAction } from 'viem/utils'
import { computePoolAbi } from '../abis.js'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  assertNonNegative,
  type DeploymentParameter,
  read,
  reader,
  resolveAccount,
  resolveDeployment,
} from '../internal/utils.js'

/** A signed pool invite for one node, as `joinPool` takes it. */
export type PoolInvite = {
  poolId: bigint
  nodeKey: Address
  nonce: bigint
  /** The last second (unix time) at which the invite works. */
  expiry: bigint
  signature: Hex
}

/** The EIP-712 type a pool's compute manager key signs to invite a node. */
export const poolInviteTypes = {
  PoolInvite: [
    { name: 'poolId', type: 'uint256' },
    { name: 'nodeKey', type: 'address' },
    { name: 'nonce', type: 'uint256' },
    { name: 'expiry', type: 'uint256' },
    { name: 'keyVersion', type: 'uint256' },
  ],
} as const

export type SignPoolInviteParameters = DeploymentParameter & {
  /** The compute manager key; defaults to the client's account. */
  account?: Account | Address | undefined
  poolId: bigint
  /** The invited node. */
  nodeKey: Address
  /** A nonce never used before in this pool (default: random). */
  nonce?: bigint | undefined
  /** The last second (unix time) at which the invite works. */
  expiry: bigint
  /** The pool's current manager key version (default: read from the chain). */
  keyVersion?: bigint | undefined
}

export type SignPoolInviteReturnType = PoolInvite & {
  /** The pool's manager key version the invite was signed for; a key rotation voids it. */
  keyVersion: bigint
}

export type SignPoolInviteErrorType = PrimeNetworkErrorType

/**
 * Signs an EIP-712 PoolInvite with the pool's compute manager key. The signature is bound to the
 * chain id and ComputePool address of the deployment and to the pool's manager key version (a key
 * rotation voids it), and works once (its nonce is consumed).
 *
 * @param client - A client with the compute manager key's account (local accounts sign offline).
 * @param parameters - {@link SignPoolInviteParameters}
 * @returns The invite to hand to the node's provider. {@link PoolInvite}
 * @example
 * const invite = await signPoolInvite(managerClient, { poolId, nodeKey, expiry: BigInt(Math.floor(Date.now() / 1000) + 3600) })
 */
export async function signPoolInvite(
  client: AnyClient,
  parameters: SignPoolInviteParameters,
): Promise<SignPoolInviteReturnType> {
  const { poolId, nodeKey, expiry, nonce = randomNonce() } = parameters
  assertId('poolId', poolId)
  assertAddress('nodeKey', nodeKey)
  assertNonNegative('nonce', nonce)
  assertNonNegative('expiry', expiry)
  if (expiry < BigInt(Math.floor(Date.now() / 1000)))
    throw new InvalidInputError('expiry', `the invite expired at ${expiry}`)
  if (parameters.keyVersion !== undefined) assertNonNegative('keyVersion', parameters.keyVersion)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  const keyVersion =
    parameters.keyVersion ??
    BigInt(
      (
        await read(
          reader(client)({
            address: deployment.computePool,
            abi: computePoolAbi,
            functionName: 'getPool',
            args: [poolId],
          }),
        )
      ).keyVersion,
    )
  const signature = await getAction(
    client,
    signTypedData,
    'signTypedData',
  )({
    account,
    domain: {
      name: 'Prime Network ComputePool',
      version: '1',
      chainId: deployment.chainId,
      verifyingContract: deployment.computePool,
    },
    types: poolInviteTypes,
    primaryType: 'PoolInvite',
    message: { poolId, nodeKey, nonce, expiry, keyVersion },
  })
  return { poolId, nodeKey, nonce, expiry, keyVersion, signature }
}

function randomNonce(): bigint {
  return bytesToBigInt(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}
