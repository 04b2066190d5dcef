import type { Address } from 'viem'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import {
  computePoolBlacklistProvidersAbi,
  primeNetworkBlacklistProviderAbi,
} from '../generated/abis.js'
import { assertPoolNodes, type NodeInPool, nodesThatLeft } from '../internal/poolNodes.js'
import {
  type AnyClient,
  assertAddress,
  assertAddresses,
  assertId,
  assertNonEmpty,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type BlacklistProviderParameters = WriteParameters &
  (
    | {
        /** Without a pool: removes the provider from the network whitelist (validator only). */
        provider: Address
        poolId?: undefined
        purgeNodeKeys?: undefined
        /** Its nodes and their pools, taken out in the same transaction. */
        evict?: readonly NodeInPool[] | undefined
      }
    | {
        /** With a pool: blacklists one provider, or several at once, from that pool. */
        provider: Address | readonly Address[]
        /** The pool (its creator or compute manager key calls). */
        poolId: bigint
        /**
         * Nodes of the blacklisted providers to eject now (default: none, only future joins are
         * blocked); nodes already out are skipped.
         */
        purgeNodeKeys?: readonly Address[] | undefined
        evict?: undefined
      }
  )

export type BlacklistProviderReturnType = WriteReturnType & {
  /** The nodes taken out of their pools (evicted or purged). */
  removed: NodeInPool[]
}

export type BlacklistProviderErrorType = PrimeNetworkErrorType

/**
 * Blacklists a provider: from the whole network (validator; its nodes can no longer join or stay
 * in pools, and `evict` takes them out now) or, with `poolId`, one or more providers from one pool
 * (creator or compute manager key; optionally ejecting their nodes).
 *
 * @param client - A wallet client with the validator's or the pool operator's account.
 * @param parameters - {@link BlacklistProviderParameters}
 * @returns The receipt and the nodes taken out of their pools. {@link BlacklistProviderReturnType}
 * @example
 * await blacklistProvider(validatorClient, { provider })
 * await blacklistProvider(managerClient, { provider, poolId, purgeNodeKeys: [nodeKey] })
 */
export async function blacklistProvider(
  client: AnyClient,
  parameters: BlacklistProviderParameters,
): Promise<BlacklistProviderReturnType> {
  const { poolId, purgeNodeKeys, evict = [] } = parameters
  const providers =
    typeof parameters.provider === 'string' ? [parameters.provider] : parameters.provider
  if (typeof parameters.provider === 'string') assertAddress('provider', parameters.provider)
  else {
    assertNonEmpty('provider', providers)
    assertAddresses('provider', providers)
  }
  if (poolId !== undefined) assertId('poolId', poolId)
  else if (purgeNodeKeys)
    throw new InvalidInputError('purgeNodeKeys', 'only applies to a pool blacklist')
  if (purgeNodeKeys) assertAddresses('purgeNodeKeys', purgeNodeKeys)
  assertPoolNodes('evict', evict)
  const result =
    poolId === undefined
      ? await execute(client, parameters, {
          contract: 'primeNetwork',
          abi: primeNetworkBlacklistProviderAbi,
          args: [providers[0]!, evict],
        })
      : await execute(client, parameters, {
          contract: 'computePool',
          abi: computePoolBlacklistProvidersAbi,
          args: [poolId, providers, purgeNodeKeys ?? []],
        })
  return { ...result, removed: nodesThatLeft(result.receipt.logs) }
}
