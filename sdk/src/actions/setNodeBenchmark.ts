import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkSetNodeBenchmarkAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetNodeBenchmarkParameters = WriteParameters & {
  /** The registered node. */
  nodeKey: Address
  /** The measured score (at most 2^32 - 1). */
  score: bigint
}

export type SetNodeBenchmarkReturnType = WriteReturnType

/** Includes `ContractErrors.NodeNotRegistered`, `BenchmarkScoreTooLarge` and `MissingRole`. */
export type SetNodeBenchmarkErrorType = PrimeNetworkErrorType

/**
 * Records a node's benchmark score. Validator only.
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link SetNodeBenchmarkParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setNodeBenchmark(validatorClient, { nodeKey, score: 870n })
 */
export async function setNodeBenchmark(
  client: AnyClient,
  parameters: SetNodeBenchmarkParameters,
): Promise<SetNodeBenchmarkReturnType> {
  const { nodeKey, score } = parameters
  assertAddress('nodeKey', nodeKey)
  assertNonNegative('score', score)
  return execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkSetNodeBenchmarkAbi,
    args: [nodeKey, score],
  })
}
