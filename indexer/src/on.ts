import { ponder } from 'ponder:registry'
import schema from 'ponder:schema'
import { replaceBigInts } from 'ponder'

type EventName = Parameters<typeof ponder.on>[0]
type Handler<name extends EventName> = Parameters<typeof ponder.on<name>>[1]

/**
 * Registers the handler of one protocol event: the raw event goes to `protocol_event` first (so
 * every event is in SQL, even those whose only effect is the log itself), then `handler` updates
 * the entities. The ABI-coverage test reads these calls to prove no event is left out.
 */
export function on<name extends EventName>(name: name, handler?: Handler<name>) {
  const [contract, eventName] = name.split(':') as [string, string]
  ponder.on(name, (async (parameters: Parameters<Handler<name>>[0]) => {
    const { event, context } = parameters as unknown as RawParameters
    await context.db.insert(schema.protocolEvent).values({
      id: event.id,
      contract,
      name: eventName,
      args: replaceBigInts(event.args ?? {}, (value) => String(value)),
      blockNumber: event.block.number,
      blockTimestamp: event.block.timestamp,
      transactionHash: event.transaction.hash,
      logIndex: event.log.logIndex,
    })
    await handler?.(parameters)
  }) as Handler<name>)
}

type RawParameters = {
  event: {
    id: string
    args: Record<string, unknown> | undefined
    block: { number: bigint; timestamp: bigint }
    transaction: { hash: `0x${string}` }
    log: { logIndex: number }
  }
  context: Parameters<Handler<EventName>>[0]['context']
}
