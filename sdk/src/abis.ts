import {
  protocolErrorsAbi as generatedErrorsAbi,
  protocolEventsAbi as generatedEventsAbi,
} from './generated/abis.js'

/** Every custom error any protocol contract or the network token can revert with, once each. */
export type ProtocolErrorsAbi = typeof generatedErrorsAbi

/** Every event the protocol contracts emit, once each. */
export type ProtocolEventsAbi = typeof generatedEventsAbi

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
 * All events of the protocol contracts (generated with the ABIs), for `getEvents` /
 * `watchEvents`.
 *
 * @example
 * parseEventLogs({ abi: protocolEventsAbi, logs: receipt.logs })
 */
export const protocolEventsAbi: ProtocolEventsAbi = generatedEventsAbi
