import type { Address, Hex } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  primeNetworkSoftInvalidateWorkAbi,
  rewardsDistributorWorkInvalidatedEvent,
} from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'
import { assertWorkKey } from '../internal/work.js'

export type SoftInvalidateWorkParameters = WriteParameters & {
  /** The node that did the work: with the key, it names exactly one submission. */
  nodeKey: Address
  workKey: Hex
}

export type SoftInvalidateWorkReturnType = WriteReturnType & {
  poolId: bigint
  /** The work's reward, returned to the pool's budget. */
  reward: bigint
}

/** Includes `ContractErrors.WorkFinal`, `WorkNotFound`, `WorkAlreadyInvalidated` and `MissingRole`. */
export type SoftInvalidateWorkErrorType = PrimeNetworkErrorType

/**
 * Invalidates a node's work while its reward is locked, without penalty: exactly that reward goes
 * back to the pool's budget. The work stays rejected: "soft" means no penalty, not "try again".
 * Validator only.
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link SoftInvalidateWorkParameters}
 * @returns {@link SoftInvalidateWorkReturnType}
 * @example
 * await softInvalidateWork(validatorClient, { nodeKey, workKey })
 */
export async function softInvalidateWork(
  client: AnyClient,
  parameters: SoftInvalidateWorkParameters,
): Promise<SoftInvalidateWorkReturnType> {
  const { nodeKey, workKey } = parameters
  assertAddress('nodeKey', nodeKey)
  assertWorkKey(workKey)
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkSoftInvalidateWorkAbi,
    args: [nodeKey, workKey],
  })
  const [invalidated] = eventArgs(result.receipt.logs, rewardsDistributorWorkInvalidatedEvent)
  const { poolId, reward } = invalidated!
  return { ...result, poolId, reward }
}
