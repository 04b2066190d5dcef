import type { Address, Hex } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { rewardsDistributorGetWorkAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  chainTime,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'
import { assertWorkKey } from '../internal/work.js'

export const workStatuses = ['NONE', 'ACCEPTED', 'INVALIDATED', 'SOFT_INVALIDATED'] as const

/**
 * An accepted work, as the protocol recorded it. A work belongs to the node that did it: the node
 * and the key together name it, and a node submits a key once (invalidated work stays rejected).
 */
export type Work = {
  nodeKey: Address
  workKey: Hex
  poolId: bigint
  /**
   * The provider of the node's record in the work's pool: while the work is in its window, the
   * provider that submitted it (paid for it, slashed if it is invalidated).
   */
  provider: Address
  units: bigint
  /** The reward reserved for it. */
  reward: bigint
  submittedAt: bigint
  /** When its reward unlocks and the work becomes final. */
  unlockAt: bigint
  status: Exclude<(typeof workStatuses)[number], 'NONE'>
  /** Accepted and past its window (by chain time): no longer invalidatable. */
  final: boolean
  /**
   * Whether its reward went back to the pool's budget: it was invalidated, or a validator
   * invalidated its node while the work was locked (which returns all of the node's locked
   * rewards): it then stays `ACCEPTED`, and becomes final, but pays nothing.
   */
  rewardReturned: boolean
}

export type GetWorkParameters = DeploymentParameter & {
  /** The node that did the work. */
  nodeKey: Address
  workKey: Hex
}

/** The work, or `undefined` when the node submitted no work with this key. */
export type GetWorkReturnType = Work | undefined

export type GetWorkErrorType = PrimeNetworkErrorType

/**
 * Reads a node's work by its key.
 *
 * @param client - Any client.
 * @param parameters - {@link GetWorkParameters}
 * @returns The work, or `undefined`. {@link GetWorkReturnType}
 * @example
 * const work = await getWork(client, { nodeKey, workKey })
 */
export async function getWork(
  client: AnyClient,
  parameters: GetWorkParameters,
): Promise<GetWorkReturnType> {
  const { nodeKey, workKey } = parameters
  assertAddress('nodeKey', nodeKey)
  assertWorkKey(workKey)
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  const [[work, provider, unlockAt, rewardReturned], now] = await read(
    Promise.all([
      call('rewardsDistributor', rewardsDistributorGetWorkAbi, [nodeKey, workKey]),
      chainTime(client),
    ]),
  )
  if (work.status === 0) return undefined
  const status = workStatuses[work.status] as Work['status']
  return {
    nodeKey,
    workKey,
    poolId: BigInt(work.poolId),
    provider,
    units: BigInt(work.units),
    reward: work.reward,
    submittedAt: BigInt(work.submittedAt),
    unlockAt,
    status,
    final: status === 'ACCEPTED' && now >= unlockAt,
    rewardReturned,
  }
}
