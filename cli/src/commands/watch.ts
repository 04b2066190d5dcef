import { setTimeout as sleep } from 'node:timers/promises'
import type { Command } from '@commander-js/extra-typings'
import pc from 'picocolors'
import { type Context, run } from '../context.js'
import type { Output } from '../output.js'
import type { Connection } from '../protocol.js'
import { examples } from './command.js'
import { loadNetworkStatus, renderNetworkStatus } from './network.js'
import * as parse from './parse.js'
import { loadPool, renderPool } from './pool.js'
import { loadProviderStatus, renderProviderStatus } from './provider.js'

type WatchOptions = { blocks?: bigint | undefined; interval: bigint }

/**
 * Redraws a snapshot whenever the chain has a new block. Polling the block number (rather than a
 * subscription) works on every RPC, HTTP included; `--blocks` ends the watch for scripts and tests.
 */
async function watch<data extends object>(
  context: Context,
  options: WatchOptions,
  load: (connection: Connection) => Promise<data>,
  render: (out: Output, data: data) => void,
) {
  const connection = await context.reader()
  const { client } = connection
  let last: bigint | undefined
  let updates = 0n
  for (;;) {
    const blockNumber = await client.getBlockNumber()
    if (blockNumber !== last) {
      last = blockNumber
      const data = await load(connection)
      if (context.out.json) context.out.jsonLine({ blockNumber, ...data })
      else {
        context.out.clear()
        context.out.line(
          pc.dim(`block ${blockNumber} · ${new Date().toISOString()} · Ctrl-C to stop`),
        )
        render(context.out, data)
      }
      updates += 1n
      if (options.blocks !== undefined && updates >= options.blocks) return
    }
    await sleep(Number(options.interval))
  }
}

export function registerWatch(program: Command) {
  const watchCommand = program
    .command('watch')
    .description('a live view of a provider, a pool or the network, redrawn on every new block')
    .addHelpText(
      'after',
      examples(
        [
          'prime watch provider 0xProvider',
          'prime watch pool 1',
          'prime watch network --json --blocks 10 | jq -c .counts',
        ],
        'With --json, each update is one line of JSON (NDJSON) with the block number.',
      ),
    )
  // Each view takes the same two options; commander types them per command.
  const blocks = ['--blocks <n>', 'stop after this many updates (default: until Ctrl-C)'] as const
  const interval = ['--interval <ms>', 'how often to poll for a new block'] as const

  watchCommand
    .command('provider')
    .description("a provider's stake, unbonds and nodes")
    .argument('<address>', 'the provider', parse.address)
    .option(...blocks, parse.id)
    .option(...interval, parse.id, 1000n)
    .action(
      run(async (context, address, options) =>
        watch(
          context,
          options,
          ({ client }) => loadProviderStatus(client, address),
          renderProviderStatus,
        ),
      ),
    )
  watchCommand
    .command('pool')
    .description("a pool's state and budget")
    .argument('<pool-id>', 'the pool', parse.id)
    .option(...blocks, parse.id)
    .option(...interval, parse.id, 1000n)
    .action(
      run(async (context, poolId, options) =>
        watch(context, options, ({ client }) => loadPool(client, poolId), renderPool),
      ),
    )
  watchCommand
    .command('network')
    .description('parameters, roles, counts and totals')
    .option(...blocks, parse.id)
    .option(...interval, parse.id, 1000n)
    .action(
      run(async (context, options) =>
        watch(
          context,
          options,
          ({ client, deployment }) => loadNetworkStatus(client, deployment),
          renderNetworkStatus,
        ),
      ),
    )
}
