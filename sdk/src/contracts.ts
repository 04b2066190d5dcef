// The full ABI of each protocol contract and the token, on their own entry
// (`@prime-network/sdk/abis`): together they are larger than the rest of the SDK, and the actions
// use per-function slices, so an `import *` of the main entry should not carry them.
export {
  computePoolAbi,
  computeRegistryAbi,
  domainRegistryAbi,
  primeNetworkAbi,
  primeTokenAbi,
  rewardsDistributorAbi,
  stakeManagerAbi,
  workUnitsValidationAbi,
} from './generated/abis.js'
