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
      // `pnpm generate` builds first with `build:contracts` (sources and scripts, never the tests):
      // the plugin's own build would compile the whole test suite.
      forge: { path: 'contracts/tools/bin/forge', build: false },
      include: [
        'PrimeNetwork.sol/PrimeNetwork.json',
        'StakeManager.sol/StakeManager.json',
        'ComputeRegistry.sol/ComputeRegistry.json',
        'DomainRegistry.sol/DomainRegistry.json',
        'ComputePool.sol/ComputePool.json',
        'RewardsDistributor.sol/RewardsDistributor.json',
        'PrimeToken.sol/PrimeToken.json',
        'WorkUnitsValidation.sol/WorkUnitsValidation.json',
      ],
    }),
  ],
})
