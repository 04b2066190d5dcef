// The SDK's ABI slices are human-readable signatures that viem parses when a module loads (a third
// of the JSON in a dApp's bundle). Each must parse back to exactly its item in the contract's JSON
// ABI from the Foundry artifacts, or an action would encode, decode or type something else.
import type { Abi } from 'viem'
import { expect, test } from 'vitest'
import * as generated from './generated/abis.js'

const contracts: Record<string, Abi> = {
  computePool: generated.computePoolAbi,
  computeRegistry: generated.computeRegistryAbi,
  domainRegistry: generated.domainRegistryAbi,
  primeNetwork: generated.primeNetworkAbi,
  primeToken: generated.primeTokenAbi,
  rewardsDistributor: generated.rewardsDistributorAbi,
  stakeManager: generated.stakeManagerAbi,
  workUnitsValidation: generated.workUnitsValidationAbi,
}

/** An ABI item without what parsing leaves out and means nothing: false flags and empty names. */
function normal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normal)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, field]) => field !== false && !(key === 'name' && field === ''))
      .map(([key, field]) => [key, normal(field)])
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  )
}

const slices = Object.entries(generated).filter(
  ([name]) => !(name.slice(0, -'Abi'.length) in contracts) && !name.startsWith('protocol'),
)

test('every slice is its contract items, as the JSON ABI declares them', () => {
  let checked = 0
  for (const [name, slice] of slices) {
    const contract = Object.keys(contracts).find((c) => name.startsWith(c))!
    const item = name.endsWith('Event')
      ? contracts[contract]!.filter(
          (i) => i.type === 'event' && name === `${contract}${i.name}Event`,
        )
      : contracts[contract]!.filter(
          (i) =>
            i.type === 'function' &&
            name === `${contract}${i.name[0]!.toUpperCase()}${i.name.slice(1)}Abi`,
        )
    expect(normal(name.endsWith('Event') ? [slice] : slice), name).toEqual(normal(item))
    checked++
  }
  // Every function and event of the eight contracts has its slice.
  const items = Object.values(contracts)
    .flat()
    .filter((i) => i.type === 'function' || i.type === 'event').length
  expect(checked).toBeGreaterThan(0)
  expect(
    slices.reduce((n, [, s]) => n + (Array.isArray(s) ? s.length : 1), 0),
    'slices cover every item',
  ).toBe(items)
})

test('the error and event lists are every error and protocol event, once each', () => {
  const all = Object.values(contracts).flat()
  const errors = new Map(all.filter((i) => i.type === 'error').map((i) => [i.name, i]))
  expect(normal(generated.protocolErrorsAbi)).toEqual(normal([...errors.values()]))
  const { primeToken: _, ...protocol } = contracts
  const events = new Map(
    Object.values(protocol)
      .flat()
      .filter((i) => i.type === 'event')
      .map((i) => [i.name, i]),
  )
  expect(
    normal([...generated.protocolEventsAbi].sort((a, b) => (a.name < b.name ? -1 : 1))),
  ).toEqual(normal([...events.values()].sort((a, b) => (a.name < b.name ? -1 : 1))))
})
