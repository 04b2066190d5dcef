import type { Address, Hex } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { rewardsDistributorGetWorkAbi } from '../generated/abis.js'
import {
  type AnyClient,
  chainTime,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'
import { assertWorkKey } from '../internal/work.js'

export const workStatuses = ['NONE', 'ACCEPTED', 'INVALIDATED', 'SOFT_INVALIDATED'] as const

/** An accepted work, as the protocol recorded it. */
export type Work = {
  workKey: Hex
  poolId: bigint
  nodeKey: Address
  /** The node's provider when it was submitted (paid for it, slashed if it is invalidated). */
  provider: Address
  units: bigint
  /** The reward reserved for it. */
  reward: bigint
  submittedAt: bigint
  /** When its reward unlocks and the work becomes final. */
  unlockAt: bigint
  status: Exclude<(typeof workStatuses)[number], 'NONE'>
  /** Accepted and past its window (by chain time): claimable, no longer invalidatable. */
  final: boolean
}

export type GetWorkParameters = DeploymentParameter & { workKey: Hex }

/** The work, or `undefined` when no work has this key. */
export type GetWorkReturnType = Work | undefined

export type GetWorkErrorType = PrimeNetworkErrorType

/**
 * Reads a work by its key.
 *
 * @param client - Any client.
 * @param parameters - {@link GetWorkParameters}
 * @returns The work, or `undefined`. {@link GetWorkReturnType}
 * @example
 * const work = await getWork(client, { workKey })
 */
export async function getWork(
  client: AnyClient,
  parameters: GetWorkParameters,
): Promise<GetWorkReturnType> {
  const { workKey } = parameters
  assertWorkKey(workKey)
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  const [[work, unlockAt], now] = await read(
    Promise.all([
      call({
        address: deployment.rewardsDistributor,
        abi: rewardsDistributorGetWorkAbi,
        functionName: 'getWork',
        args: [workKey],
      }),
      chainTime(client),
    ]),
  )
  if (work.status === 0) return undefined
  const status = workStatuses[work.status] as Work['status']
  return {
    workKey,
    poolId: BigInt(work.poolId),
    nodeKey: work.nodeKey,
    provider: work.provider,
    units: BigInt(work.units),
    reward: work.reward,
    submittedAt: BigInt(work.submittedAt),
    unlockAt,
    status,
    final: status === 'ACCEPTED' && now >= unlockAt,
  }
}
