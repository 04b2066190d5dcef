import type { Address } from 'viem'
import { computePoolAbi, primeNetworkAbi } from '../abis.js'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  assertAddress,
  assertAddresses,
  assertId,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type BlacklistProviderParameters = WriteParameters & {
  provider: Address
} & (
    | {
        /** Without a pool: removes the provider from the network whitelist (validator only). */
        poolId?: undefined
        purgeNodeKeys?: undefined
      }
    | {
        /** With a pool: blacklists the provider from that pool (pool creator or manager key). */
        poolId: bigint
        /** The provider's nodes in the pool to eject now (default: none, only future joins are blocked). */
        purgeNodeKeys?: readonly Address[] | undefined
      }
  )

export type BlacklistProviderReturnType = WriteReturnType

export type BlacklistProviderErrorType = PrimeNetworkErrorType

/**
 * Blacklists a provider: from the whole network (validator; its nodes can no longer join pools)
 * or, with `poolId`, from one pool (creator or compute manager key; optionally ejecting nodes).
 *
 * @param client - A wallet client with the validator's or the pool operator's account.
 * @param parameters - {@link BlacklistProviderParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await blacklistProvider(validatorClient, { provider })
 * await blacklistProvider(managerClient, { provider, poolId, purgeNodeKeys: [nodeKey] })
 */
export async function blacklistProvider(
  client: AnyClient,
  parameters: BlacklistProviderParameters,
): Promise<BlacklistProviderReturnType> {
  const { provider, poolId, purgeNodeKeys } = parameters
  assertAddress('provider', provider)
  if (poolId !== undefined) assertId('poolId', poolId)
  else if (purgeNodeKeys)
    throw new InvalidInputError('purgeNodeKeys', 'only applies to a pool blacklist')
  if (purgeNodeKeys) assertAddresses('purgeNodeKeys', purgeNodeKeys)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  if (poolId === undefined)
    return execute(client, {
      account,
      address: deployment.primeNetwork,
      abi: primeNetworkAbi,
      functionName: 'blacklistProvider',
      args: [provider],
    })
  return execute(client, {
    account,
    address: deployment.computePool,
    abi: computePoolAbi,
    functionName: 'blacklistProvider',
    args: [poolId, provider, purgeNodeKeys ?? []],
  })
}
