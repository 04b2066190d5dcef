import type { Abi, AbiEvent } from 'viem'

import {
  computePoolAbi,
  computeRegistryAbi,
  domainRegistryAbi,
  protocolErrorsAbi as generatedErrorsAbi,
  primeNetworkAbi,
  primeTokenAbi,
  rewardsDistributorAbi,
  stakeManagerAbi,
  workUnitsValidationAbi,
} from './generated/abis.js'

export {
  computePoolAbi,
  computeRegistryAbi,
  domainRegistryAbi,
  primeNetworkAbi,
  primeTokenAbi,
  rewardsDistributorAbi,
  stakeManagerAbi,
  workUnitsValidationAbi,
}

const protocolAbis = [
  primeNetworkAbi,
  stakeManagerAbi,
  computeRegistryAbi,
  domainRegistryAbi,
  computePoolAbi,
  rewardsDistributorAbi,
  // The default validation logic's errors bubble up through submitWork.
  workUnitsValidationAbi,
] as const

/** Every custom error any protocol contract or the network token can revert with, once each. */
export type ProtocolErrorsAbi = typeof generatedErrorsAbi

/** Every event the six protocol contracts emit, once each. */
export type ProtocolEventsAbi = readonly Extract<
  (typeof protocolAbis)[number][number],
  { type: 'event' }
>[]

function unique<item extends AbiEvent>(abis: readonly Abi[], type: item['type']) {
  const items = new Map<string, item>()
  for (const abi of abis)
    for (const item of abi) if (item.type === type) items.set(item.name, item as item)
  return [...items.values()]
}

/**
 * All custom errors of the protocol and its token (generated with the ABIs). Reverts bubble up
 * from modules and the token through PrimeNetwork, so decoding needs all of them whichever
 * contract was called.
 *
 * @example
 * decodeErrorResult({ abi: protocolErrorsAbi, data })
 */
export const protocolErrorsAbi: ProtocolErrorsAbi = generatedErrorsAbi

/**
 * All events of the six protocol contracts, for `getEvents` / `watchEvents`.
 *
 * @example
 * parseEventLogs({ abi: protocolEventsAbi, logs: receipt.logs })
 */
export const protocolEventsAbi = /* @__PURE__ */ unique<AbiEvent>(
  protocolAbis,
  'event',
) as unknown as ProtocolEventsAbi
