import { defineConfig, type Plugin } from '@wagmi/cli'
import { foundry } from '@wagmi/cli/plugins'

/**
 * Every custom error of the contracts, once each, as its own constant: the SDK decodes reverts
 * with it, and deriving it from the full ABIs at runtime would bundle every contract's ABI into
 * every action.
 */
const protocolErrors: Plugin = {
  name: 'protocol errors',
  async run({ contracts }) {
    const errors = new Map<string, unknown>()
    for (const { abi } of contracts)
      for (const item of abi) if (item.type === 'error') errors.set(item.name, item)
    return {
      content: `/** Every custom error of the protocol contracts and the token, once each. */
export const protocolErrorsAbi = ${JSON.stringify([...errors.values()], null, 2)} as const`,
    }
  },
}

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
    protocolErrors,
  ],
})
