import { type Account, type Address, bytesToBigInt, type Hex, zeroAddress } from 'viem'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import { computePoolGetPoolAbi, computeRegistryGetNodeAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  assertNonNegative,
  chainTime,
  type DeploymentParameter,
  read,
  reader,
  resolveAccount,
  resolveDeployment,
  signTyped,
} from '../internal/utils.js'

/** A signed pool invite for one node, as `joinPool` takes it. */
export type PoolInvite = {
  poolId: bigint
  nodeKey: Address
  /** The node's provider the invite is made out to: only it can join with the invite. */
  provider: Address
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
    { name: 'provider', type: 'address' },
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
  /**
   * The node's provider, who will join with the invite (default: read from the chain, where the
   * node must then be registered). A node key that moves to another provider leaves its invites
   * behind.
   */
  provider?: Address | undefined
  /**
   * A nonce never used before in this pool (default: the next of this manager's sequence in this
   * process, see {@link nextInviteNonce}).
   */
  nonce?: bigint | undefined
  /**
   * The last second (unix time) at which the invite works. When the key version is read from the
   * chain, an expiry before the latest block's time is rejected; offline it is not checked.
   */
  expiry: bigint
  /** The pool's current manager key version (default: read from the chain; pass it and `provider` to sign offline). */
  keyVersion?: bigint | undefined
}

export type SignPoolInviteReturnType = PoolInvite & {
  /** The pool's manager key version the invite was signed for; a key rotation voids it. */
  keyVersion: bigint
}

export type SignPoolInviteErrorType = PrimeNetworkErrorType

/**
 * Signs an EIP-712 PoolInvite with the pool's compute manager key. The signature is bound to the
 * chain id and ComputePool address of the deployment, to the pool's manager key version (a key
 * rotation voids it) and to the node's provider, and works once (its nonce is consumed).
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
  const { poolId, nodeKey, expiry } = parameters
  assertId('poolId', poolId)
  assertAddress('nodeKey', nodeKey)
  if (parameters.provider !== undefined) assertAddress('provider', parameters.provider)
  if (parameters.nonce !== undefined) assertNonNegative('nonce', parameters.nonce)
  assertNonNegative('expiry', expiry)
  if (parameters.keyVersion !== undefined) assertNonNegative('keyVersion', parameters.keyVersion)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  let { keyVersion, provider } = parameters
  const call = reader(client, deployment)
  if (keyVersion === undefined || provider === undefined) {
    // Online anyway: judge the expiry by chain time (a fork or test chain may run behind this
    // computer's clock), in the same round trip as the key version and the node's provider.
    const [pool, node, now] = await read(
      Promise.all([
        call('computePool', computePoolGetPoolAbi, [poolId]),
        call('computeRegistry', computeRegistryGetNodeAbi, [nodeKey]),
        chainTime(client),
      ]),
    )
    if (expiry < now)
      throw new InvalidInputError('expiry', `the invite expired at ${expiry}, chain time is ${now}`)
    keyVersion ??= BigInt(pool.keyVersion)
    if (provider === undefined) {
      if (node.provider === zeroAddress)
        throw new InvalidInputError(
          'nodeKey',
          `${nodeKey} is not registered: pass the provider that will add it as \`provider\``,
        )
      provider = node.provider
    }
  }
  const nonce =
    parameters.nonce ??
    nextInviteNonce({ chainId: deployment.chainId, poolId, manager: account.address })
  const signature = await signTyped(client, 'account', {
    account,
    domain: {
      name: 'Prime Network ComputePool',
      version: '1',
      chainId: deployment.chainId,
      verifyingContract: deployment.computePool,
    },
    types: poolInviteTypes,
    primaryType: 'PoolInvite',
    message: { poolId, nodeKey, provider, nonce, expiry, keyVersion },
  })
  return { poolId, nodeKey, provider, nonce, expiry, keyVersion, signature }
}

/** Per manager key and pool: where this process's nonces start, and how many it handed out. */
const sequences = new Map<string, { base: bigint; next: bigint }>()

/**
 * The next default invite nonce of `manager` in pool `poolId`. The contract records used nonces
 * in a bitmap, 256 to a storage word, and the first nonce of a word costs a fresh slot (22,100
 * gas) while the others cost a warm rewrite: consecutive nonces make a 10-invite join about 30%
 * cheaper than random ones. The word index starts at a random 232-bit value per manager, pool and
 * process, so managers and processes (which cannot see each other's counters) never meet;
 * within a process the low bits count up.
 *
 * @param parameters - The chain, the pool and the compute manager key.
 * @returns A nonce this process has not handed out for that manager and pool.
 * @example
 * const nonce = nextInviteNonce({ chainId: 1, poolId: 1n, manager })
 */
export function nextInviteNonce(parameters: {
  chainId: number
  poolId: bigint
  manager: Address
}): bigint {
  const key = `${parameters.chainId}:${parameters.poolId}:${parameters.manager.toLowerCase()}`
  let sequence = sequences.get(key)
  if (!sequence) {
    // 232 random bits of word index, shifted past the 8 bits of a word and 16 bits of room.
    const random = bytesToBigInt(globalThis.crypto.getRandomValues(new Uint8Array(29)))
    sequence = { base: random << 24n, next: 0n }
    sequences.set(key, sequence)
  }
  return sequence.base + sequence.next++
}
