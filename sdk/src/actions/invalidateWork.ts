import type { Address, Hex } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  primeNetworkInvalidateWorkAbi,
  rewardsDistributorLockedWorkReturnedEvent,
  rewardsDistributorWorkInvalidatedEvent,
  stakeManagerSlashedEvent,
} from '../generated/abis.js'
import { assertPoolNodes, type NodeInPool, nodesThatLeft } from '../internal/poolNodes.js'
import {
  type AnyClient,
  assertAddress,
  assertNonNegative,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'
import { assertWorkKey } from '../internal/work.js'

export type InvalidateWorkParameters = WriteParameters & {
  /** The node that did the work: with the key, it names exactly one submission. */
  nodeKey: Address
  workKey: Hex
  /** The most to slash from the provider that submitted it (0 for none); it goes to the treasury. */
  penalty: bigint
  /**
   * Also invalidate the node, while it still belongs to the provider that submitted the work
   * (default false); all of its other locked work rewards in the pool go back to the budget too.
   */
  invalidateNode?: boolean | undefined
  /**
   * Nodes to take out of their pools in the same transaction when no longer eligible: typically
   * the node and the pool it is in now (it may have moved since it submitted the work).
   */
  evict?: readonly NodeInPool[] | undefined
}

export type InvalidateWorkReturnType = WriteReturnType & {
  poolId: bigint
  /** The work's reward, returned to the pool's budget (0 when an earlier invalidation of the node returned it). */
  reward: bigint
  /** With `invalidateNode`: the node's other locked work rewards, returned to the pool's budget too. */
  returnedLocked: bigint
  /** The penalty actually slashed. */
  slashed: bigint
  /** The listed nodes that left their pools. */
  evicted: NodeInPool[]
}

/** Includes `ContractErrors.WorkFinal`, `WorkNotFound`, `WorkAlreadyInvalidated` and `MissingRole`. */
export type InvalidateWorkErrorType = PrimeNetworkErrorType

/**
 * Invalidates a node's work while its reward is locked: exactly that reward goes back to the pool's
 * budget, the penalty is slashed from its provider's stake to the treasury, with `invalidateNode`
 * the node is invalidated and all of its locked work rewards in the pool go back to the budget,
 * and the nodes in `evict` are ejected when no longer eligible. The work stays rejected. Validator
 * only.
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link InvalidateWorkParameters}
 * @returns {@link InvalidateWorkReturnType}
 * @example
 * await invalidateWork(validatorClient, {
 *   nodeKey,
 *   workKey,
 *   penalty: parseEther('50'),
 *   invalidateNode: true,
 *   evict: [{ poolId, nodeKey }],
 * })
 */
export async function invalidateWork(
  client: AnyClient,
  parameters: InvalidateWorkParameters,
): Promise<InvalidateWorkReturnType> {
  const { nodeKey, workKey, penalty, invalidateNode = false, evict = [] } = parameters
  assertAddress('nodeKey', nodeKey)
  assertWorkKey(workKey)
  assertNonNegative('penalty', penalty)
  assertPoolNodes('evict', evict)
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkInvalidateWorkAbi,
    args: [nodeKey, workKey, penalty, invalidateNode, evict],
  })
  const [invalidated] = eventArgs(result.receipt.logs, rewardsDistributorWorkInvalidatedEvent)
  const [slashed] = eventArgs(result.receipt.logs, stakeManagerSlashedEvent)
  const [returned] = eventArgs(result.receipt.logs, rewardsDistributorLockedWorkReturnedEvent)
  const { poolId, reward } = invalidated!
  const taken = slashed ? slashed.fromActive + slashed.fromUnbonding : 0n
  return {
    ...result,
    poolId,
    reward,
    returnedLocked: returned?.amount ?? 0n,
    slashed: taken,
    evicted: nodesThatLeft(result.receipt.logs),
  }
}
