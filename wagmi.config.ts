import { defineConfig } from '@wagmi/cli'
import { foundry } from '@wagmi/cli/plugins'

/**
 * Writes the SDK's ABIs from the Foundry artifacts. The implementations (not the interfaces) are
 * included because their ABIs also carry the errors inherited from OpenZeppelin (SafeERC20, ECDSA,
 * reentrancy), which the SDK must decode as well.
 */
export default defineConfig({
  out: 'sdk/src/generated/abis.ts',
  plugins: [
    foundry({
      project: '.',
      // The project's shim runs the native binary; the npm wrapper drops forge's exit status.
      forge: { path: 'contracts/tools/bin/forge' },
      include: [
        'PrimeNetwork.sol/PrimeNetwork.json',
        'StakeManager.sol/StakeManager.json',
        'ComputeRegistry.sol/ComputeRegistry.json',
        'DomainRegistry.sol/DomainRegistry.json',
        'ComputePool.sol/ComputePool.json',
        'RewardsDistributor.sol/RewardsDistributor.json',
        'PrimeToken.sol/PrimeToken.json',
      ],
    }),
  ],
})
