import type { Address, BlockNumber } from 'viem'
import { getContractEvents } from 'viem/actions'
import { getAction } from 'viem/utils'
import { computePoolAbi, rewardsDistributorAbi } from '../abis.js'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  assertId,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

/** A node in a pool, from its current reward record. */
export type PoolNode = {
  nodeKey: Address
  /** The provider it earns for. */
  provider: Address
  computeUnits: bigint
  /** When it joined (unix seconds). */
  joinedAt: bigint
  /** Active seconds accumulated in earlier stays. */
  activeSeconds: bigint
  /** What its provider could claim now. */
  pendingRewards: bigint
}

export type GetPoolNodesParameters = DeploymentParameter & {
  poolId: bigint
  /** Where to start reading join events (default: the deployment block). */
  fromBlock?: BlockNumber | undefined
}

export type GetPoolNodesReturnType = PoolNode[]

export type GetPoolNodesErrorType = PrimeNetworkErrorType

/**
 * Lists the nodes in a pool now: node keys come from NodeJoinedPool events since the deployment
 * block, then each node's current record decides whether it is still in.
 *
 * @param client - Any client.
 * @param parameters - {@link GetPoolNodesParameters}
 * @returns The nodes in the pool, in join order.
 * @example
 * const nodes = await getPoolNodes(client, { poolId })
 */
export async function getPoolNodes(
  client: AnyClient,
  parameters: GetPoolNodesParameters,
): Promise<GetPoolNodesReturnType> {
  const { poolId } = parameters
  assertId('poolId', poolId)
  const deployment = resolveDeployment(client, parameters.deployment)
  const joined = await read(
    getAction(
      client,
      getContractEvents,
      'getContractEvents',
    )({
      address: deployment.computePool,
      abi: computePoolAbi,
      eventName: 'NodeJoinedPool',
      args: { poolId },
      fromBlock: parameters.fromBlock ?? deployment.deploymentBlock,
      strict: true,
    }),
  )
  const nodeKeys = [...new Set(joined.map((log) => log.args.nodeKey))]
  const nodes = await read(
    Promise.all(
      nodeKeys.map(async (nodeKey) => {
        const [record, pendingRewards] = await Promise.all([
          reader(client)({
            address: deployment.rewardsDistributor,
            abi: rewardsDistributorAbi,
            functionName: 'getNodeRecord',
            args: [poolId, nodeKey],
          }),
          reader(client)({
            address: deployment.rewardsDistributor,
            abi: rewardsDistributorAbi,
            functionName: 'calculateRewards',
            args: [poolId, nodeKey],
          }),
        ])
        return {
          nodeKey,
          provider: record.provider,
          computeUnits: BigInt(record.computeUnits),
          joinedAt: BigInt(record.joinedAt),
          activeSeconds: BigInt(record.activeSeconds),
          pendingRewards,
        }
      }),
    ),
  )
  return nodes.filter((node) => node.joinedAt !== 0n)
}
