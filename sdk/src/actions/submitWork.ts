import { type Address, encodeAbiParameters, type Hex, isHex } from 'viem'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import {
  computePoolSubmitWorkAbi,
  rewardsDistributorGetPoolWorkAbi,
  rewardsDistributorWorkAcceptedEvent,
} from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  assertNonNegative,
  assertPositive,
  eventArgs,
  execute,
  read,
  reader,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'
import { assertWorkKey } from '../internal/work.js'

export type SubmitWorkParameters = WriteParameters & {
  poolId: bigint
  /** The node that did the work. The caller is the node key itself or its provider. */
  nodeKey: Address
  /**
   * The least reward per work unit this submission accepts (default: the pool's rate as read
   * now). If the pool lowers its rate before the submission lands, it reverts with
   * `WorkRateBelowTerms` and nothing is recorded.
   */
  minWorkRate?: bigint | undefined
  /**
   * The longest lock window this submission accepts, in seconds (default: the pool's window as
   * read now). A longer one makes it revert with `WorkLockPeriodAboveTerms`.
   */
  maxLockPeriod?: bigint | undefined
} & (
    | {
        /** For the shipped validation logic (WorkUnitsValidation): the work's key, e.g. the hash of its output. */
        workKey: Hex
        /** The work units claimed (at most the domain's cap). */
        units: bigint
        data?: undefined
      }
    | {
        /** The submission in the domain's own format, for any other validation logic. */
        data: Hex
        workKey?: undefined
        units?: undefined
      }
  )

export type SubmitWorkReturnType = WriteReturnType & {
  workKey: Hex
  units: bigint
  /** The reward reserved from the pool's budget. */
  reward: bigint
  /** When the reward becomes claimable and the work final (unix seconds). */
  unlockAt: bigint
}

/** Includes `ContractErrors.WorkKeyUsed`, `WorkRateBelowTerms`, `WorkLockPeriodAboveTerms`,
 * `NodeLockedWorkAboveLimit`, `InsufficientBudget`, `NoValidationLogic`, `NodeNotInPool` and the
 * validation logic's own errors (`WorkUnitsAboveCap`, ...). */
export type SubmitWorkErrorType = PrimeNetworkErrorType

/**
 * Submits work a node did in a pool. The domain's validation logic says what it is worth; its
 * reward is reserved from the pool's budget and locked for the pool's window, during which
 * validators may invalidate it; then `claimRewards` pays it. The work belongs to the node: a copy
 * of the transaction sent for another node is that node's own claim and leaves this one's alone.
 * The terms (least rate, longest window) default to the pool's as read now, which costs one read;
 * pass both to skip it.
 *
 * @param client - A wallet client with the node key's account (or its provider's).
 * @param parameters - {@link SubmitWorkParameters}
 * @returns The work's key, units, reserved reward and unlock time. {@link SubmitWorkReturnType}
 * @example
 * const { reward, unlockAt } = await submitWork(nodeClient, { poolId, nodeKey, workKey: keccak256(output), units: 10n })
 */
export async function submitWork(
  client: AnyClient,
  parameters: SubmitWorkParameters,
): Promise<SubmitWorkReturnType> {
  const { poolId, nodeKey } = parameters
  assertId('poolId', poolId)
  assertAddress('nodeKey', nodeKey)
  if (parameters.minWorkRate !== undefined) assertNonNegative('minWorkRate', parameters.minWorkRate)
  if (parameters.maxLockPeriod !== undefined)
    assertNonNegative('maxLockPeriod', parameters.maxLockPeriod)
  let data: Hex
  if (parameters.data !== undefined) {
    if (!isHex(parameters.data)) throw new InvalidInputError('data', 'expected hex bytes')
    data = parameters.data
  } else {
    assertWorkKey(parameters.workKey)
    assertPositive('units', parameters.units)
    data = encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'uint256' }],
      [parameters.workKey, parameters.units],
    )
  }
  const deployment = resolveDeployment(client, parameters.deployment)
  let { minWorkRate, maxLockPeriod } = parameters
  if (minWorkRate === undefined || maxLockPeriod === undefined) {
    const call = reader(client, deployment)
    const terms = await read(call('rewardsDistributor', rewardsDistributorGetPoolWorkAbi, [poolId]))
    minWorkRate ??= terms.workRate
    maxLockPeriod ??= BigInt(terms.lockPeriod)
  }
  const result = await execute(client, parameters, {
    contract: 'computePool',
    abi: computePoolSubmitWorkAbi,
    args: [poolId, nodeKey, data, minWorkRate, maxLockPeriod],
  })
  const [accepted] = eventArgs(result.receipt.logs, rewardsDistributorWorkAcceptedEvent)
  const { workKey, units, reward, unlockAt } = accepted!
  return { ...result, workKey, units, reward, unlockAt }
}
