import type { Address } from 'viem'
import type { Deployment } from '../deployments.js'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import {
  computePoolLeaveComputePoolAbi,
  computePoolNodeLeftPoolEvent,
  computeRegistryGetProviderNodesAbi,
  rewardsDistributorGetNodeRecordAbi,
} from '../generated/abis.js'
import {
  type AnyClient,
  assertAddresses,
  assertId,
  eventArgs,
  execute,
  reader,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type LeavePoolParameters = WriteParameters & {
  poolId: bigint
  /** The caller's nodes to take out (default: all of its nodes active in the pool). */
  nodeKeys?: readonly Address[] | undefined
}

export type LeavePoolReturnType = WriteReturnType & {
  /** The nodes that left, from the NodeLeftPool events. */
  nodeKeys: Address[]
}

export type LeavePoolErrorType = PrimeNetworkErrorType

/**
 * Takes the caller's nodes out of a pool (any status, paused or not). Without `nodeKeys`, all of
 * the caller's nodes that are in the pool leave.
 *
 * @param client - A wallet client with the nodes' provider account.
 * @param parameters - {@link LeavePoolParameters}
 * @returns {@link LeavePoolReturnType}
 * @example
 * const { nodeKeys } = await leavePool(providerClient, { poolId })
 */
export async function leavePool(
  client: AnyClient,
  parameters: LeavePoolParameters,
): Promise<LeavePoolReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  if (parameters.nodeKeys) assertAddresses('nodeKeys', parameters.nodeKeys)
  if (parameters.nodeKeys?.length === 0)
    throw new InvalidInputError('nodeKeys', 'expected at least one item')
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  const nodeKeys =
    parameters.nodeKeys ?? (await providerNodesInPool(client, deployment, account.address, poolId))
  if (nodeKeys.length === 0)
    throw new InvalidInputError('nodeKeys', `${account.address} has no nodes in pool ${poolId}`)
  const result = await execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolLeaveComputePoolAbi,
    args: [poolId, nodeKeys],
  })
  const left = eventArgs(result.receipt.logs, computePoolNodeLeftPoolEvent)
  return { ...result, nodeKeys: left.map((args) => args.nodeKey) }
}

/** The provider's nodes whose current record in `poolId` shows them in the pool. */
export async function providerNodesInPool(
  client: AnyClient,
  deployment: Pick<Deployment, 'chainId' | 'computeRegistry' | 'rewardsDistributor' | 'multicall3'>,
  provider: Address,
  poolId: bigint,
): Promise<Address[]> {
  const call = reader(client, deployment)
  const nodes = await call('computeRegistry', computeRegistryGetProviderNodesAbi, [provider])
  const records = await Promise.all(
    nodes.map((nodeKey) =>
      call('rewardsDistributor', rewardsDistributorGetNodeRecordAbi, [poolId, nodeKey]),
    ),
  )
  return nodes.filter((_, i) => records[i]!.joinedAt !== 0)
}
