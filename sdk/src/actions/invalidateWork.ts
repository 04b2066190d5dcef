import type { Address, Hex } from 'viem'
import { parseEventLogs } from 'viem/utils'
import { primeNetworkAbi, rewardsDistributorAbi, stakeManagerAbi } from '../abis.js'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  assertNonNegative,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'
import { assertWorkKey } from '../internal/work.js'

export type InvalidateWorkParameters = WriteParameters & {
  workKey: Hex
  /** The most to slash from the provider that submitted it (0 for none); it goes to the treasury. */
  penalty: bigint
  /** Also invalidate the node and eject it from the work's pool (default false). */
  invalidateNode?: boolean | undefined
}

export type InvalidateWorkReturnType = WriteReturnType & {
  poolId: bigint
  nodeKey: Address
  /** The work's reward, returned to the pool's budget. */
  reward: bigint
  /** The penalty actually slashed. */
  slashed: bigint
}

/** Includes `ContractErrors.WorkFinal`, `WorkNotFound`, `WorkAlreadyInvalidated` and `MissingRole`. */
export type InvalidateWorkErrorType = PrimeNetworkErrorType

/**
 * Invalidates a work while its reward is locked: exactly that reward goes back to the pool's budget,
 * the penalty is slashed from its provider's stake to the treasury, and with `invalidateNode` the
 * node is invalidated and ejected. Validator only.
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link InvalidateWorkParameters}
 * @returns {@link InvalidateWorkReturnType}
 * @example
 * await invalidateWork(validatorClient, { workKey, penalty: parseEther('50'), invalidateNode: true })
 */
export async function invalidateWork(
  client: AnyClient,
  parameters: InvalidateWorkParameters,
): Promise<InvalidateWorkReturnType> {
  const { workKey, penalty, invalidateNode = false } = parameters
  assertWorkKey(workKey)
  assertNonNegative('penalty', penalty)
  const deployment = resolveDeployment(client, parameters.deployment)
  const result = await execute(client, {
    account: resolveAccount(client, parameters.account),
    address: deployment.primeNetwork,
    abi: primeNetworkAbi,
    functionName: 'invalidateWork',
    args: [workKey, penalty, invalidateNode],
  })
  const [invalidated] = parseEventLogs({
    abi: rewardsDistributorAbi,
    logs: result.receipt.logs,
    eventName: 'WorkInvalidated',
  })
  const [slashed] = parseEventLogs({
    abi: stakeManagerAbi,
    logs: result.receipt.logs,
    eventName: 'Slashed',
  })
  const { poolId, nodeKey, reward } = invalidated!.args
  const taken = slashed ? slashed.args.fromActive + slashed.args.fromUnbonding : 0n
  return { ...result, poolId, nodeKey, reward, slashed: taken }
}
