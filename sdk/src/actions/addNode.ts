import type { Account, Address, Hex } from 'viem'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import { computeRegistryNodeAddedEvent, primeNetworkAddComputeNodeAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertNonNegative,
  assertPositive,
  eventArgs,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'
import { signNodeOwnership } from './signNodeOwnership.js'

/**
 * The node key's consent: its account (the SDK signs, valid for an hour of chain time) or a
 * consent made beforehand with `signNodeOwnership` (its signature and deadline).
 */
export type NodeOwnershipProof = Account | { nodeKey: Address; signature: Hex; deadline: bigint }

export type AddNodeParameters = WriteParameters & {
  /** The node's key as a viem Account (signs the ownership proof), or its address and signature. */
  node: NodeOwnershipProof
  /** The node's compute units (1 to the registry's maximum). */
  computeUnits: bigint
  /** Where the node's hardware specification is published. */
  specsURI: string
}

export type AddNodeReturnType = WriteReturnType & {
  nodeKey: Address
  /** The node's compute units, as the registry recorded them. */
  computeUnits: bigint
}

export type AddNodeErrorType = PrimeNetworkErrorType

/**
 * Adds a compute node to the caller (a provider). Signs the node-ownership proof with the node's
 * account when given one.
 *
 * @param client - A wallet client with the provider's account.
 * @param parameters - {@link AddNodeParameters}
 * @returns {@link AddNodeReturnType}
 * @example
 * await addNode(client, { node: privateKeyToAccount(nodeKey), computeUnits: 10n, specsURI: 'ipfs://...' })
 */
export async function addNode(
  client: AnyClient,
  parameters: AddNodeParameters,
): Promise<AddNodeReturnType> {
  const { node, computeUnits, specsURI } = parameters
  if (!node || typeof node !== 'object')
    throw new InvalidInputError('node', 'expected an account or { nodeKey, signature, deadline }')
  const nodeKey = 'signature' in node ? node.nodeKey : node.address
  assertAddress('node', nodeKey)
  if ('signature' in node) assertNonNegative('node.deadline', node.deadline)
  assertPositive('computeUnits', computeUnits)
  if (typeof specsURI !== 'string') throw new InvalidInputError('specsURI', 'expected a string')
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  const { signature, deadline } =
    'signature' in node
      ? node
      : await signNodeOwnership(client, { node, provider: account.address, deployment })
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkAddComputeNodeAbi,
    args: [nodeKey, specsURI, computeUnits, deadline, signature],
  })
  const [added] = eventArgs(result.receipt.logs, computeRegistryNodeAddedEvent)
  return { ...result, nodeKey: added!.nodeKey, computeUnits: added!.computeUnits }
}
