import type { Command } from '@commander-js/extra-typings'
import type { Address } from 'viem'
import { formatPrime } from '../amount.js'
import { type Context, run } from '../context.js'
import { UsageError } from '../errors.js'
import { formatDuration, formatTime } from '../format.js'
import { type HistorySource, logHistory, type Stay } from '../history.js'
import { indexerHistory } from '../indexer.js'
import * as parse from './parse.js'

const sourceHelp = `
With --indexer (or PRIME_INDEXER_URL, or "indexer" in the config file) the Prime indexer answers,
after proving it follows this chain and deployment and has indexed the chain's head (it gets
--wait seconds to catch up; otherwise the command fails with exit 1). Without one, the same
history is read from the chain's logs since the deployment block (--log-block-range splits them
for RPCs that cap eth_getLogs). Both give the same result; "source" says which answered.`

/**
 * The chain's head, and the source that answers up to it: the indexer when one is configured
 * (once it has proved it follows this chain and deployment up to the head), else the logs.
 */
async function openSource(context: Context, wait: bigint) {
  // Settings first: bad usage exits 2 before anything is asked of the network.
  const { indexer: url, logBlockRange } = context.settings()
  const connection = await context.reader()
  const blockNumber = await connection.client.getBlockNumber({ cacheTime: 0 })
  const source: HistorySource =
    url.value === undefined
      ? logHistory(connection.client, {
          toBlock: blockNumber,
          logBlockRange:
            logBlockRange.value === undefined ? undefined : BigInt(logBlockRange.value),
        })
      : await indexerHistory({
          url: url.value,
          connection,
          blockNumber,
          waitSeconds: Number(wait),
        })
  return { source, blockNumber, chainId: connection.chain.id }
}

/** Every history subcommand waits the same way for a lagging indexer. */
const waitOption = [
  '--wait <seconds>',
  'how long a lagging indexer may take to reach the chain head',
  parse.uint,
  10n,
] as const

const time = (seconds: bigint | null) => (seconds === null ? '-' : formatTime(seconds))

const how = (stay: Stay) => (stay.ejectedBy ? `ejected by ${stay.ejectedBy}` : stay.status)

const asOf = (source: HistorySource, blockNumber: bigint) =>
  `(from the ${source.kind === 'indexer' ? 'indexer' : "chain's logs"}, up to block ${blockNumber})`

/**
 * Prints the stays of one pool or one node: `{ source, chainId, blockNumber, poolId | nodeKey,
 * stays }`, or a table whose first column is what varies (the node in a pool, the pool of a node).
 */
async function showStays(
  context: Context,
  wait: bigint,
  subject: { poolId: bigint } | { nodeKey: Address },
  read: (source: HistorySource) => Promise<Stay[]>,
) {
  const { source, blockNumber, chainId } = await openSource(context, wait)
  const stays = await read(source)
  const ofPool = 'poolId' in subject
  context.out.result({ source: source.kind, chainId, blockNumber, ...subject, stays }, () =>
    context.out.table(
      [ofPool ? 'node' : 'pool', 'provider', 'joined', 'left', 'active', 'how'],
      stays.map((stay) => [
        ofPool ? stay.nodeKey : stay.poolId,
        stay.provider,
        time(stay.joinedAt),
        time(stay.leftAt),
        stay.activeSeconds === null ? '-' : formatDuration(stay.activeSeconds),
        how(stay),
      ]),
      `${ofPool ? `Pool ${subject.poolId}` : `Node ${subject.nodeKey}`} ${asOf(source, blockNumber)}`,
    ),
  )
}

export function registerHistory(program: Command) {
  const history = program
    .command('history')
    .description(
      "the protocol's past: a pool's members ever, a node's pools, a provider's claims (indexer or chain logs)",
    )
    .addHelpText('after', sourceHelp)

  history
    .command('pool')
    .description('every stay of every node that was ever in a pool, in join order')
    .argument('<pool-id>', 'the pool', parse.id)
    .option(...waitOption)
    .addHelpText(
      'after',
      `\nExamples:\n  $ prime history pool 1\n  $ prime history pool 1 --indexer http://127.0.0.1:42069 --json`,
    )
    .action(
      run((context, poolId, options) =>
        showStays(context, options.wait, { poolId }, (source) => source.poolStays(poolId)),
      ),
    )

  history
    .command('node')
    .description("a node's pools over time, with the provider it earned for in each")
    .argument('<node-key>', 'the node', parse.address)
    .option(...waitOption)
    .addHelpText('after', '\nExamples:\n  $ prime history node 0xNodeKey --json')
    .action(
      run((context, nodeKey, options) =>
        showStays(context, options.wait, { nodeKey }, (source) => source.nodeStays(nodeKey)),
      ),
    )

  history
    .command('claims')
    .description("a provider's reward claims: pool, node, amount, time, transaction")
    .argument('[provider]', 'the provider (default: your account)', parse.address)
    .option(...waitOption)
    .addHelpText(
      'after',
      '\nExamples:\n  $ prime history claims --account provider\n  $ prime history claims 0xProvider --json',
    )
    .action(
      run(async (context, given, options) => {
        const settings = context.settings()
        if (!given && !settings.account.value && !settings.privateKey.value)
          throw new UsageError(
            'whose claims? pass a provider address, or --account / PRIME_PRIVATE_KEY for yours',
          )
        const provider = given ?? (await context.account()).address
        const { source, blockNumber, chainId } = await openSource(context, options.wait)
        const claims = await source.claims(provider)
        const total = claims.reduce((sum, claim) => sum + claim.amount, 0n)
        context.out.result(
          { source: source.kind, chainId, blockNumber, provider, total, claims },
          () => {
            context.out.table(
              ['pool', 'node', 'amount', 'time', 'transaction'],
              claims.map((claim) => [
                claim.poolId,
                claim.nodeKey,
                formatPrime(claim.amount),
                time(claim.timestamp),
                claim.transactionHash,
              ]),
              `Claims of ${provider} ${asOf(source, blockNumber)}`,
            )
            context.out.line(`total ${formatPrime(total)}`)
          },
        )
      }),
    )
}
