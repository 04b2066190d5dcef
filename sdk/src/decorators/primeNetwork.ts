import type { Account, Chain, Client, Transport } from 'viem'
import { type BuildCallsReturnType, buildCalls } from '../actions/buildCalls.js'
import {
  type GetEventsParameters,
  type GetEventsReturnType,
  getEvents,
  type ProtocolEventName,
} from '../actions/getEvents.js'
import {
  type WatchEventsParameters,
  type WatchEventsReturnType,
  watchEvents,
} from '../actions/watchEvents.js'
import type { Deployment } from '../deployments.js'
import type { LogParameters } from '../internal/reads.js'
import type { AnyClient, WriteOptions, WriteParameters } from '../internal/utils.js'
import * as actions from './actions.js'
import type { BoundActions } from './boundActions.js'

/**
 * The Prime Network actions, bound to a client. Each method is its standalone action (same
 * parameters after the client, same result, same documentation on hover).
 */
export type PrimeNetworkActions = BoundActions & {
  /**
   * Reads protocol events with typed, decoded arguments, from the deployment block by default;
   * with `logBlockRange`, in chunks of that many blocks (public RPCs cap one `eth_getLogs`).
   *
   * @example
   * const logs = await client.getEvents({ eventName: 'PoolCreated', args: { creator } })
   */
  getEvents: <eventName extends ProtocolEventName | undefined = undefined>(
    parameters?: GetEventsParameters<eventName>,
  ) => Promise<GetEventsReturnType<eventName>>
  /**
   * Watches protocol events as they are emitted, typed by event name. The bound form of
   * {@link watchEvents}.
   *
   * @example
   * const unwatch = client.watchEvents({ eventName: 'NodeJoinedPool', onLogs: (logs) => {} })
   */
  watchEvents: <eventName extends ProtocolEventName | undefined = undefined>(
    parameters: WatchEventsParameters<eventName>,
  ) => WatchEventsReturnType
  /**
   * The calls a write would send, as data (for a multisig or a batch), with the client's defaults
   * (deployment, ...) applied. The bound form of {@link buildCalls}.
   *
   * @example
   * const calls = await client.buildCalls(startPool, { poolId, account: safe })
   */
  buildCalls: <parameters extends WriteParameters>(
    action: (client: AnyClient, parameters: parameters) => Promise<unknown>,
    parameters: parameters,
  ) => Promise<BuildCallsReturnType>
}

/** Defaults for every action of the decorated client; a call's own parameters win. */
export type PrimeNetworkActionsParameters = WriteOptions &
  LogParameters & {
    /** The deployment every action uses unless a call passes its own (default: the registered one of the client's chain). */
    deployment?: Deployment | undefined
  }

/**
 * Adds every Prime Network action to a viem client.
 *
 * @param parameters - {@link PrimeNetworkActionsParameters}: the deployment and defaults for
 * writes (gas headroom, confirmations, progress) and log reads (block range, retries).
 * @returns A decorator for `client.extend`.
 * @example
 * const client = createWalletClient({ account, chain: anvil, transport: http() })
 *   .extend(publicActions)
 *   .extend(primeNetworkActions({ deployment }))
 * const { poolId } = await client.createPool({ domainId: 1n, computeManagerKey, name, poolDataURI })
 */
export function primeNetworkActions(parameters: PrimeNetworkActionsParameters = {}) {
  const defaults = Object.fromEntries(
    Object.entries(parameters).filter(([, value]) => value !== undefined),
  )
  return <
    transport extends Transport,
    chain extends Chain | undefined,
    account extends Account | undefined,
  >(
    client: Client<transport, chain, account>,
  ): PrimeNetworkActions => {
    // Every action takes (client, parameters); the mapped type above gives each method its own
    // signature, so the loop only needs that shape.
    type Action = (client: AnyClient, parameters?: object) => unknown
    const bound: Record<string, (parameters?: object) => unknown> = {}
    for (const [name, action] of Object.entries(actions) as [string, Action][])
      bound[name] = (p) => action(client, { ...defaults, ...p })
    return {
      ...(bound as BoundActions),
      getEvents: <eventName extends ProtocolEventName | undefined = undefined>(
        p?: GetEventsParameters<eventName>,
      ) => getEvents<eventName>(client, Object.assign({}, defaults, p)),
      watchEvents: <eventName extends ProtocolEventName | undefined = undefined>(
        p: WatchEventsParameters<eventName>,
      ) => watchEvents<eventName>(client, Object.assign({}, defaults, p)),
      buildCalls: <parameters extends WriteParameters>(
        action: (client: AnyClient, parameters: parameters) => Promise<unknown>,
        p: parameters,
      ) => buildCalls(client, action, Object.assign({}, defaults, p)),
    }
  }
}
