import { defineConfig, type Plugin } from '@wagmi/cli'
import { foundry } from '@wagmi/cli/plugins'

type Parameter = { type: string; name?: string; indexed?: boolean; components?: Parameter[] }
type Item = {
  type: string
  name?: string
  inputs?: Parameter[]
  outputs?: Parameter[]
  stateMutability?: string
}

/** A parameter in Solidity's human-readable form: `(uint32 poolId, address nodeKey)[] nodes`. */
function parameter({ type, name, indexed, components }: Parameter): string {
  const base = components
    ? `(${components.map(parameter).join(', ')})${type.slice('tuple'.length)}`
    : type
  return [base, indexed ? 'indexed' : '', name].filter(Boolean).join(' ')
}

/** An ABI item as the signature viem's `parseAbi` reads back into the same item. */
function signature(item: Item): string {
  const inputs = `(${(item.inputs ?? []).map(parameter).join(', ')})`
  if (item.type !== 'function') return `${item.type} ${item.name}${inputs}`
  const mutability = item.stateMutability === 'nonpayable' ? '' : ` ${item.stateMutability}`
  const outputs = item.outputs?.length ? ` returns (${item.outputs.map(parameter).join(', ')})` : ''
  return `function ${item.name}${inputs}${mutability}${outputs}`
}

/** A `parseAbi` call the bundler may drop when nothing uses its result. */
const parsed = (items: Item[]) =>
  `/* @__PURE__ */ parseAbi(${JSON.stringify(items.map(signature), null, 2)})`

/**
 * Every custom error of the contracts, once each, each event on its own (`computePoolAbi`'s
 * NodeJoinedPool is `computePoolNodeJoinedPoolEvent`) and each function's ABI
 * (`computePoolJoinComputePoolAbi`), as separate constants: an action bundles the items it
 * calls, decodes and reads, not every contract's full ABI. They are written as human-readable
 * signatures that viem's `parseAbi` turns into the same items (types included) when a module
 * loads: a dApp already has viem, and the signatures are about a third of the JSON a bundle would
 * otherwise carry (abis.test.ts checks each one against its contract's JSON ABI).
 */
const abiSlices: Plugin = {
  name: 'abi slices',
  async run({ contracts }) {
    const errors = new Map<string, Item>()
    // Each event once, as its own constant (the first contract that declares it): the list of all
    // events and each action's one-event slice are then the same object, not two copies in a bundle.
    const events = new Map<string, { constant: string; signature: string }>()
    const slices: string[] = []
    for (const { name, abi } of contracts) {
      const contract = `${name[0]!.toLowerCase()}${name.slice(1)}`
      const functions = new Map<string, Item[]>()
      for (const item of abi as readonly Item[]) {
        if (item.type === 'error') errors.set(item.name!, item)
        if (item.type === 'event') {
          const constant = `${contract}${item.name}Event`
          const first = events.get(item.name!)
          // The token's events are not the protocol's (getEvents reads the protocol contracts).
          if (!first && name !== 'PrimeToken')
            events.set(item.name!, { constant, signature: signature(item) })
          slices.push(
            `export const ${constant} = ${first?.signature === signature(item) ? first.constant : `/* @__PURE__ */ parseAbiItem(${JSON.stringify(signature(item))})`}`,
          )
        }
        if (item.type === 'function')
          functions.set(item.name!, [...(functions.get(item.name!) ?? []), item])
      }
      // One function's ABI (all its overloads): what a single call needs to encode and decode.
      for (const [fn, items] of functions)
        slices.push(
          `export const ${contract}${fn[0]!.toUpperCase()}${fn.slice(1)}Abi = ${parsed(items)}`,
        )
    }
    return {
      imports: `import { parseAbi, parseAbiItem } from 'viem'`,
      content: `/** Every custom error of the protocol contracts and the token, once each. */
export const protocolErrorsAbi = ${parsed([...errors.values()])}

${slices.join('\n')}

/** Every event of the protocol contracts, once each. */
export const protocolEventsAbi = [${[...events.values()].map(({ constant }) => constant).join(', ')}] as const`,
    }
  },
}

/**
 * Drops solc's `internalType` annotations (`struct ComputePool.Pool`, `contract IERC20`): viem
 * encodes and decodes without them and abitype does not type by them, yet they were about a fifth
 * of every ABI a dApp bundles.
 */
function withoutInternalTypes(plugin: Plugin): Plugin {
  const strip = (abi: unknown) =>
    JSON.parse(JSON.stringify(abi, (key, value) => (key === 'internalType' ? undefined : value)))
  return {
    ...plugin,
    contracts: async () =>
      (await plugin.contracts!()).map((contract) => ({ ...contract, abi: strip(contract.abi) })),
  }
}

/**
 * Writes the SDK's ABIs from the Foundry artifacts. The implementations (not the interfaces) are
 * included because their ABIs also carry the errors inherited from OpenZeppelin (SafeERC20, ECDSA,
 * reentrancy), which the SDK must decode as well.
 */
export default defineConfig({
  // sdk/scripts/generate.mjs (`pnpm generate`) points this at a temporary file it then renames.
  out: process.env.PRIME_ABIS_OUT ?? 'sdk/src/generated/abis.ts',
  plugins: [
    withoutInternalTypes(
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
    ),
    abiSlices,
  ],
})
