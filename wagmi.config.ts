import { defineConfig, type Plugin } from '@wagmi/cli'
import { foundry } from '@wagmi/cli/plugins'

/**
 * Every custom error of the contracts, once each, and each event on its own (`computePoolAbi`'s
 * NodeJoinedPool is `computePoolNodeJoinedPoolEvent`), as separate constants: an action that
 * decodes reverts or reads another contract's events then bundles those items, not every
 * contract's full ABI.
 */
const abiSlices: Plugin = {
  name: 'abi slices',
  async run({ contracts }) {
    const errors = new Map<string, unknown>()
    const events: string[] = []
    for (const { name, abi } of contracts)
      for (const item of abi) {
        if (item.type === 'error') errors.set(item.name, item)
        if (item.type === 'event')
          events.push(
            `export const ${name[0]!.toLowerCase()}${name.slice(1)}${item.name}Event = ${JSON.stringify(item)} as const`,
          )
      }
    return {
      content: `/** Every custom error of the protocol contracts and the token, once each. */
export const protocolErrorsAbi = ${JSON.stringify([...errors.values()], null, 2)} as const

${events.join('\n')}`,
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
    abiSlices,
  ],
})
