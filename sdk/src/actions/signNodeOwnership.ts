import type { Account, Address, Hex } from 'viem'
import type { Deployment } from '../deployments.js'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { computeRegistryNodeKeyNonceAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertNonNegative,
  chainTime,
  reader,
  resolveDeployment,
  signTyped,
} from '../internal/utils.js'

/** The EIP-712 type a node key signs to let a provider add it. */
export const nodeOwnershipTypes = {
  NodeOwnership: [
    { name: 'provider', type: 'address' },
    { name: 'nodeKey', type: 'address' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

/** How long a consent signed with the default deadline stays usable: one hour of chain time. */
export const defaultNodeOwnershipValidity = 3600n

export type SignNodeOwnershipParameters = {
  /** The node key's account. */
  node: Account
  /** The provider that will add the node. */
  provider: Address
  /**
   * The last second (unix time) at which the consent can be used. Default: the latest block's
   * time plus {@link defaultNodeOwnershipValidity}.
   */
  deadline?: bigint | undefined
  deployment?: Deployment | undefined
}

/** The consent `addNode` takes: the signature and the deadline it binds. */
export type SignNodeOwnershipReturnType = { signature: Hex; deadline: bigint }

export type SignNodeOwnershipErrorType = PrimeNetworkErrorType

/**
 * Signs the EIP-712 NodeOwnership proof with the node key: it binds provider, node key, the node
 * key's current nonce and a deadline to this chain and PrimeNetwork deployment.
 *
 * @param client - Any client (reads the node key's nonce and, without a deadline, chain time).
 * @param parameters - {@link SignNodeOwnershipParameters}
 * @returns The signature and its deadline, for `addNode`.
 * @example
 * const consent = await signNodeOwnership(client, { node: nodeAccount, provider })
 * await addNode(providerClient, { node: { nodeKey: nodeAccount.address, ...consent }, computeUnits: 1n, specsURI })
 */
export async function signNodeOwnership(
  client: AnyClient,
  parameters: SignNodeOwnershipParameters,
): Promise<SignNodeOwnershipReturnType> {
  const { node, provider } = parameters
  assertAddress('provider', provider)
  if (parameters.deadline !== undefined) assertNonNegative('deadline', parameters.deadline)
  const deployment = resolveDeployment(client, parameters.deployment)
  const deadline = parameters.deadline ?? (await chainTime(client)) + defaultNodeOwnershipValidity
  const call = reader(client, deployment)
  const nonce = await call('computeRegistry', computeRegistryNodeKeyNonceAbi, [node.address])
  const signature = await signTyped(client, 'node', {
    account: node,
    domain: {
      name: 'Prime Network',
      version: '1',
      chainId: deployment.chainId,
      verifyingContract: deployment.primeNetwork,
    },
    types: nodeOwnershipTypes,
    primaryType: 'NodeOwnership',
    message: { provider, nodeKey: node.address, nonce, deadline },
  })
  return { signature, deadline }
}
