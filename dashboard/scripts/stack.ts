/**
 * Everything the dashboard runs on, started in one call: the chain (a local one with the demo's
 * story played on it, or another network), the indexer, and the app's dev server. `pnpm
 * dashboard` (start.ts), the browser tests and the benchmark all start it here.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { acts } from '@prime-network/demo/acts'
import { createStage } from '@prime-network/demo/stage'
import {
  createStore,
  freePort,
  type Indexer,
  type Store,
  startIndexer,
} from '@prime-network/indexer/testing'
import { buildSdk, type DeployedChain, startDeployedChain } from '@prime-network/localnet'
import { type Deployment, parseDeployment } from '@prime-network/sdk'
import { createServer, type Plugin, type ViteDevServer } from 'vite'

export const dashboardRoot = fileURLToPath(new URL('..', import.meta.url))

export type StackOptions = {
  /** Another network's RPC URL (with `deploymentPath`); default: a local chain with the story. */
  rpcUrl?: string | undefined
  /** The deployment file deploy.sh wrote for `rpcUrl`. */
  deploymentPath?: string | undefined
  /** An indexer to read history from; `false` for none; default: one started here on PGlite. */
  indexerUrl?: string | false | undefined
  /** The app's port (default: a free one). */
  port?: number | undefined
  /**
   * After the story, mine a block every this many seconds (0: only when a transaction arrives).
   * The story itself always runs on automine: it pins each block's time, so every reward is exact.
   */
  blockTime?: number | undefined
  /** How often the page asks the chain for new blocks and events, in ms. */
  pollingInterval?: number | undefined
  /**
   * Build the same chain run after run: genesis at this unix time, the story from an hour later,
   * and every block from then on one second after the one before, whatever the wall clock does.
   * Pages then show the same dates and figures each run (the browser tests' screenshots rely on
   * it). Default: the chain's clock follows the wall clock, as a real chain's does.
   */
  fixedClock?: bigint | undefined
  /** Progress lines (default: none). */
  say?: ((line: string) => void) | undefined
}

export type Stack = {
  /** The app's URL. */
  url: string
  rpcUrl: string
  deployment: Deployment
  deploymentPath: string
  indexer: Indexer | undefined
  indexerUrl: string | undefined
  /** What the story created, when it played here. */
  story: { poolId: bigint; domainId: bigint } | undefined
  /** Stops the app, the indexer and the chain this call started (not a network it was pointed at). */
  stop: () => Promise<void>
}

/** The acts the dashboard plays: the story up to the validator's checks, so work is still locked. */
function storyActs() {
  const last = acts.findIndex((act) => act.title.startsWith('The validator checks the work'))
  if (last < 0) throw new Error('the demo story no longer has the validator’s check of the work')
  // Stopping here leaves a running pool: nodes earning, work inside its window, a budget to spend.
  return acts.slice(0, last + 1)
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const say = options.say ?? (() => {})
  const cleanups: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {})
  }
  try {
    await buildSdk({ sink: { write: (text: string) => say(text.trimEnd()) } })
    let chain: DeployedChain | undefined
    let rpcUrl = options.rpcUrl
    let deploymentPath = options.deploymentPath
    let story: Stack['story']
    if (rpcUrl === undefined) {
      say('Starting a local chain and deploying the protocol (./deploy.sh)…')
      chain = await startDeployedChain({
        label: 'dashboard',
        ...(options.fixedClock === undefined ? {} : { timestamp: options.fixedClock }),
      })
      cleanups.push(() => chain!.stop())
      rpcUrl = chain.rpcUrl
      deploymentPath = chain.deploymentPath
    } else if (deploymentPath === undefined) {
      throw new Error('--rpc-url needs --deployment: the file deploy.sh wrote for that network')
    }
    const deployment = parseDeployment(await readFile(deploymentPath!, 'utf8'))
    if (chain) {
      say('Playing the demo’s story on it…')
      const stage = createStage({
        say: (line = '') => say(`  ${line}`),
        signal: undefined,
        rpcUrl,
        deployment,
      })
      if (options.fixedClock !== undefined) {
        // The deploy's blocks followed the wall clock from genesis, for as long as it took.
        const start = options.fixedClock + 3600n
        const deployed = (await stage.chain.getBlock()).timestamp
        if (deployed >= start)
          throw new Error(`the deploy ran past ${start}, where the story's fixed clock starts`)
        await stage.chain.setNextBlockTimestamp({ timestamp: start })
        await stage.chain.setBlockTimestampInterval({ interval: 1 })
      }
      for (const act of storyActs()) {
        say(`» ${act.title}`)
        await act.run(stage)
      }
      story = { poolId: stage.results.poolId!, domainId: stage.results.domainId! }
      if (options.blockTime) await stage.chain.setIntervalMining({ interval: options.blockTime })
    }
    const port = options.port ?? (await freePort())
    const origin = `http://127.0.0.1:${port}`
    let indexer: Indexer | undefined
    let indexerUrl = options.indexerUrl === false ? undefined : options.indexerUrl
    if (options.indexerUrl === undefined && chain) {
      say('Starting the indexer on PGlite…')
      const store: Store = await createStore()
      cleanups.push(() => store.drop())
      indexer = await startIndexer({
        chain: { rpcUrl, deploymentPath: deploymentPath! },
        store,
        env: {
          PRIME_INDEXER_ORIGINS: `${origin},http://localhost:${port}`,
          PRIME_POLLING_INTERVAL_MS: String(options.pollingInterval ?? 1000),
        },
      })
      cleanups.push(() => indexer!.stop())
      indexerUrl = indexer.url
    }
    const config = {
      rpcUrl,
      deployment: JSON.parse(await readFile(deploymentPath!, 'utf8')),
      indexerUrl,
      pollingInterval: options.pollingInterval ?? 1000,
    }
    const server: ViteDevServer = await createServer({
      root: dashboardRoot,
      configFile: `${dashboardRoot}/vite.config.ts`,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port, strictPort: true },
      plugins: [serveConfig(config)],
    })
    cleanups.push(() => server.close())
    await server.listen()
    return {
      url: `${origin}/`,
      rpcUrl,
      deployment,
      deploymentPath: deploymentPath!,
      indexer,
      indexerUrl,
      story,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Serves config.json next to index.html, as a host of the static build would. */
function serveConfig(config: object): Plugin {
  const body = JSON.stringify(config, null, 2)
  return {
    name: 'prime-dashboard-config',
    configureServer(server) {
      server.middlewares.use('/config.json', (_request, response) => {
        response.setHeader('content-type', 'application/json')
        response.end(body)
      })
    },
  }
}
