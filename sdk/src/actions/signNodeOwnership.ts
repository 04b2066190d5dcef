import type { Account, Address, Hex } from 'viem'
import { signTypedData } from 'viem/actions'
import { getAction } from 'viem/utils'
import { computeRegistryAbi } from '../abis.js'
import type { Deployment } from '../deployments.js'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { type AnyClient, assertAddress, reader, resolveDeployment } from '../internal/utils.js'

/** The EIP-712 type a node key signs to let a provider add it. */
export const nodeOwnershipTypes = {
  NodeOwnership: [
    { name: 'provider', type: 'address' },
    { name: 'nodeKey', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const

export type SignNodeOwnershipParameters = {
  /** The node key's account. */
  node: Account
  /** The provider that will add the node. */
  provider: Address
  deployment?: Deployment | undefined
}

export type SignNodeOwnershipReturnType = Hex

export type SignNodeOwnershipErrorType = PrimeNetworkErrorType

/**
 * Signs the EIP-712 NodeOwnership proof with the node key: it binds provider, node key and the
 * node key's current nonce to this chain and PrimeNetwork deployment.
 *
 * @param client - Any client (reads the node key's nonce).
 * @param parameters - {@link SignNodeOwnershipParameters}
 * @returns The signature for `addNode`.
 * @example
 * const signature = await signNodeOwnership(client, { node: nodeAccount, provider })
 */
export async function signNodeOwnership(
  client: AnyClient,
  parameters: SignNodeOwnershipParameters,
): Promise<SignNodeOwnershipReturnType> {
  const { node, provider } = parameters
  assertAddress('provider', provider)
  const deployment = resolveDeployment(client, parameters.deployment)
  const nonce = await reader(client)({
    address: deployment.computeRegistry,
    abi: computeRegistryAbi,
    functionName: 'nodeKeyNonce',
    args: [node.address],
  })
  return getAction(
    client,
    signTypedData,
    'signTypedData',
  )({
    account: node,
    domain: {
      name: 'Prime Network',
      version: '1',
      chainId: deployment.chainId,
      verifyingContract: deployment.primeNetwork,
    },
    types: nodeOwnershipTypes,
    primaryType: 'NodeOwnership',
    message: { provider, nodeKey: node.address, nonce },
  })
}
