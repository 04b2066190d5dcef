import type {
  BlockNumber,
  BlockTag,
  Chain,
  ContractEventArgs,
  ContractEventName,
  GetContractEventsReturnType,
} from 'viem'
import { getContractEvents } from 'viem/actions'
import { getAction } from 'viem/utils'
import { type ProtocolEventsAbi, protocolEventsAbi } from '../abis.js'
import type { Deployment } from '../deployments.js'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import { type BlockRange, type LogParameters, readLogs } from '../internal/reads.js'
import {
  type AnyClient,
  type DeploymentParameter,
  read,
  resolveDeployment,
} from '../internal/utils.js'

/** The name of an event one of the protocol contracts emits. */
export type ProtocolEventName = ContractEventName<ProtocolEventsAbi>

/** Which protocol events to read or watch. */
export type EventFilter<eventName extends ProtocolEventName | undefined = undefined> = {
  /** The event (default: all protocol events). */
  eventName?: eventName | ProtocolEventName | undefined
  /** Filter on indexed arguments. */
  args?:
    | (eventName extends ProtocolEventName
        ? ContractEventArgs<ProtocolEventsAbi, eventName>
        : never)
    | undefined
}

export type GetEventsParameters<eventName extends ProtocolEventName | undefined = undefined> =
  DeploymentParameter &
    LogParameters &
    EventFilter<eventName> & {
      /**
       * Default: the deployment block. With block numbers (or no `toBlock`) the read is retried and
       * split by `logBlockRange`; a block tag is read in one request.
       */
      fromBlock?: BlockNumber | BlockTag | undefined
      toBlock?: BlockNumber | BlockTag | undefined
    }

export type GetEventsReturnType<eventName extends ProtocolEventName | undefined = undefined> =
  GetContractEventsReturnType<ProtocolEventsAbi, eventName, true>

export type GetEventsErrorType = PrimeNetworkErrorType

/** Every contract of the deployment that emits protocol events, the shipped validation logic included. */
export function protocolAddresses(deployment: Deployment) {
  return [
    deployment.primeNetwork,
    deployment.stakeManager,
    deployment.computeRegistry,
    deployment.domainRegistry,
    deployment.computePool,
    deployment.rewardsDistributor,
    ...(deployment.workValidation ? [deployment.workValidation] : []),
  ]
}

/**
 * Reads protocol events with typed, decoded arguments, from the deployment block by default; with
 * `logBlockRange`, in chunks of that many blocks (public RPCs cap the range of one `eth_getLogs`).
 *
 * @param client - Any client.
 * @param parameters - {@link GetEventsParameters}
 * @returns The decoded logs, oldest first.
 * @example
 * const logs = await getEvents(client, { eventName: 'PoolCreated', args: { creator } })
 * logs[0].args.poolId // bigint
 */
export async function getEvents<eventName extends ProtocolEventName | undefined = undefined>(
  client: AnyClient,
  parameters: GetEventsParameters<eventName> = {},
): Promise<GetEventsReturnType<eventName>> {
  const deployment = resolveDeployment(client, parameters.deployment)
  const fetch = (
    range:
      | BlockRange
      | { fromBlock: BlockNumber | BlockTag; toBlock?: BlockNumber | BlockTag | undefined },
  ) =>
    getAction(
      client,
      getContractEvents,
      'getContractEvents',
    )<Chain | undefined, ProtocolEventsAbi, eventName, true>({
      address: protocolAddresses(deployment),
      abi: protocolEventsAbi,
      eventName: parameters.eventName,
      args: parameters.args,
      fromBlock: range.fromBlock,
      toBlock: range.toBlock,
      strict: true,
    })
  const { fromBlock = deployment.deploymentBlock, toBlock } = parameters
  if (typeof fromBlock === 'bigint' && (toBlock === undefined || typeof toBlock === 'bigint'))
    return read(readLogs(client, { fromBlock, toBlock }, parameters, fetch))
  // A tag names a block only at the moment it is read: there is no range to split.
  if (parameters.logBlockRange !== undefined)
    throw new InvalidInputError('logBlockRange', 'splits a range of block numbers, not block tags')
  return read(fetch({ fromBlock, toBlock }))
}
