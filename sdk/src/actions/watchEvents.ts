import type { Chain, WatchContractEventOnLogsParameter, WatchContractEventReturnType } from 'viem'
import { watchContractEvent } from 'viem/actions'
import { getAction } from 'viem/utils'
import { type ProtocolEventsAbi, protocolEventsAbi } from '../abis.js'
import { type AnyClient, type DeploymentParameter, resolveDeployment } from '../internal/utils.js'
import { type EventFilter, type ProtocolEventName, protocolAddresses } from './getEvents.js'

export type WatchEventsParameters<eventName extends ProtocolEventName | undefined = undefined> =
  DeploymentParameter &
    EventFilter<eventName> & {
      /** Called with each batch of new, decoded logs. */
      onLogs: (
        logs: WatchContractEventOnLogsParameter<
          ProtocolEventsAbi,
          eventName extends ProtocolEventName ? eventName : ProtocolEventName,
          true
        >,
      ) => void
      onError?: ((error: Error) => void) | undefined
      /** Polling interval in ms (default: the client's). */
      pollingInterval?: number | undefined
    }

export type WatchEventsReturnType = WatchContractEventReturnType

/**
 * Watches protocol events as they are emitted, with typed, decoded arguments.
 *
 * @param client - Any client.
 * @param parameters - {@link WatchEventsParameters}
 * @returns A function that stops watching.
 * @example
 * const unwatch = watchEvents(client, {
 *   eventName: 'NodeJoinedPool',
 *   args: { poolId },
 *   onLogs: (logs) => logs.forEach((log) => console.log(log.args.nodeKey)),
 * })
 */
export function watchEvents<eventName extends ProtocolEventName | undefined = undefined>(
  client: AnyClient,
  parameters: WatchEventsParameters<eventName>,
): WatchEventsReturnType {
  const deployment = resolveDeployment(client, parameters.deployment)
  return getAction(
    client,
    watchContractEvent,
    'watchContractEvent',
  )<
    Chain | undefined,
    ProtocolEventsAbi,
    eventName extends ProtocolEventName ? eventName : ProtocolEventName,
    true
  >({
    address: protocolAddresses(deployment),
    abi: protocolEventsAbi,
    eventName: parameters.eventName,
    args: parameters.args,
    // The same logs; TypeScript cannot relate viem's generic log type to its instantiation here.
    onLogs: (logs) =>
      parameters.onLogs(
        logs as unknown as WatchContractEventOnLogsParameter<
          ProtocolEventsAbi,
          eventName extends ProtocolEventName ? eventName : ProtocolEventName,
          true
        >,
      ),
    onError: parameters.onError,
    pollingInterval: parameters.pollingInterval,
    strict: true,
  })
}
