/**
 * `pnpm dashboard`: a local chain with the demo's story, the indexer and the app, until Ctrl-C.
 * `--rpc-url <url> --deployment <file>` (or PRIME_RPC_URL / PRIME_DEPLOYMENT) point it at
 * another network instead; `--indexer <url>` (PRIME_INDEXER_URL) reads history from that indexer.
 */
import { parseArgs } from 'node:util'
import { startStack } from './stack.js'

const { values } = parseArgs({
  options: {
    'rpc-url': { type: 'string' },
    deployment: { type: 'string' },
    indexer: { type: 'string' },
    'no-indexer': { type: 'boolean' },
    port: { type: 'string' },
    'block-time': { type: 'string' },
  },
})

const say = (line: string) => process.stderr.write(`${line}\n`)
const indexer = values.indexer ?? process.env.PRIME_INDEXER_URL
const stack = await startStack({
  rpcUrl: values['rpc-url'] ?? process.env.PRIME_RPC_URL,
  deploymentPath: values.deployment ?? process.env.PRIME_DEPLOYMENT,
  indexerUrl: values['no-indexer'] ? false : indexer,
  port: values.port ? Number(values.port) : undefined,
  // A block a second once the story has played, as a live chain does: rewards accrue on screen,
  // countdowns move, and the indexer does not warn about an idle chain.
  blockTime: Number(values['block-time'] ?? 1),
  say,
})

say('')
say(`Chain    ${stack.rpcUrl} (chain ${stack.deployment.chainId})`)
say(`Indexer  ${stack.indexerUrl ?? 'none (history panels say so)'}`)
// The URL is the one line on stdout, so a script can read it.
process.stdout.write(`Dashboard ${stack.url}\n`)
say('Ctrl-C stops everything.')

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    say('\nStopping the app, the indexer and the chain…')
    stack.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
