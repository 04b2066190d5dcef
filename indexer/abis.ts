import {
  computePoolAbi,
  computeRegistryAbi,
  domainRegistryAbi,
  primeNetworkAbi,
  rewardsDistributorAbi,
  stakeManagerAbi,
  workUnitsValidationAbi,
} from '@prime-network/sdk/abis'

/**
 * The contracts the indexer reads, by the names its handlers use (`ponder.on('ComputePool:…')`),
 * with the SDK's generated ABIs as they are. The network token is not indexed: on a real chain it
 * is any ERC-20, and its transfers are not protocol events.
 */
export const contractAbis = {
  PrimeNetwork: primeNetworkAbi,
  StakeManager: stakeManagerAbi,
  ComputeRegistry: computeRegistryAbi,
  DomainRegistry: domainRegistryAbi,
  ComputePool: computePoolAbi,
  RewardsDistributor: rewardsDistributorAbi,
  WorkUnitsValidation: workUnitsValidationAbi,
} as const

export type ContractName = keyof typeof contractAbis
