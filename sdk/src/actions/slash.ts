import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { primeNetworkSlashAbi, stakeManagerSlashedEvent } from '../generated/abis.js'
import { assertPoolNodes, type NodeInPool, nodesThatLeft } from '../internal/poolNodes.js'
import {
  type AnyClient,
  assertAddress,
  assertPositive,
  eventArgs,
  execute,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SlashParameters = WriteParameters & {
  /** The provider to slash. */
  provider: Address
  /** The most to take; less is taken when the provider has less. */
  amount: bigint
  /**
   * The provider's nodes and their pools, taken out in the same transaction when the slash leaves
   * the provider short of its minimum stake (nodes still eligible or already out are skipped).
   */
  evict?: readonly NodeInPool[] | undefined
}

export type SlashReturnType = WriteReturnType & {
  /** The total actually slashed. */
  slashed: bigint
  fromActive: bigint
  fromUnbonding: bigint
  treasury: Address
  /** The listed nodes that left their pools. */
  evicted: NodeInPool[]
}

export type SlashErrorType = PrimeNetworkErrorType

/**
 * Slashes up to `amount` of a provider's stake (active first, then pending unbonds) to the
 * treasury. Validator only.
 *
 * @param client - A wallet client with the validator's account.
 * @param parameters - {@link SlashParameters}
 * @returns {@link SlashReturnType}
 * @example
 * const { slashed, evicted } = await slash(validatorClient, {
 *   provider,
 *   amount: parseEther('10'),
 *   evict: [{ poolId, nodeKey }],
 * })
 */
export async function slash(
  client: AnyClient,
  parameters: SlashParameters,
): Promise<SlashReturnType> {
  const { provider, amount, evict = [] } = parameters
  assertAddress('provider', provider)
  assertPositive('amount', amount)
  assertPoolNodes('evict', evict)
  const deployment = resolveDeployment(client, parameters.deployment)
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkSlashAbi,
    args: [provider, amount, evict],
  })
  const [slashed] = eventArgs(result.receipt.logs, stakeManagerSlashedEvent)
  const { fromActive = 0n, fromUnbonding = 0n, treasury = deployment.primeNetwork } = slashed ?? {}
  return {
    ...result,
    slashed: fromActive + fromUnbonding,
    fromActive,
    fromUnbonding,
    treasury,
    evicted: nodesThatLeft(result.receipt.logs),
  }
}
