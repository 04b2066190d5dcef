import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Deployment, parseDeployment } from '@prime-network/sdk'
import { createConfig } from 'ponder'
import { contractAbis as abis } from './abis.js'

/**
 * Everything the indexer needs comes from the environment, so one build serves every deployment:
 *
 *   PRIME_DEPLOYMENT   the file deploy.sh wrote (default: deployments/31337.json at the repo root)
 *   PRIME_RPC_URL      the chain's JSON-RPC endpoint (default: http://127.0.0.1:8545)
 *   DATABASE_URL       Postgres; without it the index lives in an embedded PGlite database
 *   PRIME_PGLITE_DIR   where that PGlite database lives (default: indexer/.ponder/pglite)
 *   PRIME_POLLING_INTERVAL_MS  how often to ask the chain for new blocks (default: 1000)
 *   PRIME_INDEXER_ORIGINS  web origins whose pages may read the answers (default: the dashboard's
 *                          dev server, http://localhost:5173)
 *   PRIME_QUERY_TIMEOUT_MS  how long one query may run in `ponder serve` on Postgres (default: 5000)
 *
 * The address and port come from package.json's scripts (PRIME_INDEXER_HOST, PRIME_INDEXER_PORT),
 * since Ponder takes them on its command line.
 */
// `pnpm indexer` runs in indexer/; relative paths mean where the user typed the command, which
// pnpm passes on as INIT_CWD.
const userDir = process.env.INIT_CWD ?? process.cwd()
// Ponder loads this file through vite-node, where import.meta.dirname is not set.
const here = dirname(fileURLToPath(import.meta.url))
const deploymentPath = process.env.PRIME_DEPLOYMENT
  ? resolve(userDir, process.env.PRIME_DEPLOYMENT)
  : resolve(here, '../deployments/31337.json')
const rpcUrl = process.env.PRIME_RPC_URL ?? 'http://127.0.0.1:8545'
// Ponder's HTTP server reads the checked list from here (patches/README.md): one place for the
// default and the check, whichever command starts the server.
process.env.PRIME_INDEXER_ORIGINS = parseOrigins(
  process.env.PRIME_INDEXER_ORIGINS ?? 'http://localhost:5173',
)
const deployment = readDeployment(deploymentPath)
await checkRpc(rpcUrl, deployment.chainId)

const startBlock = Number(deployment.deploymentBlock)
// Ponder runs this file in the `ponder serve` or `ponder start` process itself.
const serving = process.argv.includes('serve')
const contract = <const abi>(abi: abi, address: `0x${string}`) =>
  ({ chain: 'prime', abi, address, startBlock }) as const

export default createConfig({
  // Without DATABASE_URL, Ponder falls back to PGlite; its directory is ours to choose (tests run
  // several indexers side by side).
  ...(process.env.DATABASE_URL || process.env.DATABASE_PRIVATE_URL
    ? serving
      ? {
          // `ponder serve` answers the public: no query may hold a connection for long. Only
          // there, since this setting reaches every pool, and `ponder start` writes the index
          // through them (its /sql queries keep Ponder's own 30 s limit).
          database: {
            kind: 'postgres' as const,
            poolConfig: { statement_timeout: Number(process.env.PRIME_QUERY_TIMEOUT_MS ?? 5_000) },
          },
        }
      : {}
    : {
        database: {
          kind: 'pglite' as const,
          directory: process.env.PRIME_PGLITE_DIR
            ? resolve(userDir, process.env.PRIME_PGLITE_DIR)
            : resolve(here, '.ponder/pglite'),
        },
      }),
  chains: {
    prime: {
      id: deployment.chainId,
      rpc: rpcUrl,
      pollingInterval: Number(process.env.PRIME_POLLING_INTERVAL_MS ?? 1_000),
      // A local chain restarts with the same chain id and other blocks: Ponder's RPC cache, keyed by
      // chain id, would serve the old chain's logs.
      disableCache: deployment.chainId === 31337 || process.env.PRIME_DISABLE_RPC_CACHE === 'true',
    },
  },
  contracts: {
    PrimeNetwork: contract(abis.PrimeNetwork, deployment.primeNetwork),
    StakeManager: contract(abis.StakeManager, deployment.stakeManager),
    ComputeRegistry: contract(abis.ComputeRegistry, deployment.computeRegistry),
    DomainRegistry: contract(abis.DomainRegistry, deployment.domainRegistry),
    ComputePool: contract(abis.ComputePool, deployment.computePool),
    RewardsDistributor: contract(abis.RewardsDistributor, deployment.rewardsDistributor),
    // A deployment without the default validation logic has nothing there to index; the zero
    // address then matches no log.
    WorkUnitsValidation: contract(
      abis.WorkUnitsValidation,
      deployment.workValidation ?? '0x0000000000000000000000000000000000000000',
    ),
  },
})

function readDeployment(path: string): Deployment {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new Error(
      `prime indexer: cannot read the deployment file ${path} (${(error as NodeJS.ErrnoException).code ?? error}). ` +
        'Set PRIME_DEPLOYMENT to the deployments/<chainId>.json that deploy.sh wrote.',
    )
  }
  try {
    return parseDeployment(text)
  } catch (error) {
    throw new Error(`prime indexer: ${path} is not a deployment file: ${(error as Error).message}`)
  }
}

/** Fails at startup with a plain message, instead of Ponder retrying a dead endpoint for minutes. */
async function checkRpc(url: string, chainId: number) {
  let answer: { result?: string }
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(10_000),
    })
    answer = (await response.json()) as { result?: string }
  } catch (error) {
    throw new Error(
      `prime indexer: no JSON-RPC answer at ${redact(url)} (${(error as Error).message}). Set PRIME_RPC_URL to the chain's RPC endpoint.`,
    )
  }
  const actual = Number(answer.result)
  if (actual !== chainId)
    throw new Error(
      `prime indexer: ${redact(url)} serves chain ${answer.result === undefined ? '?' : actual}, but the deployment is on chain ${chainId}.`,
    )
}

/** A comma-separated list of origins (`https://app.example.org`), or `*` for every origin. */
function parseOrigins(value: string) {
  if (value.trim() === '*') return '*'
  const origins = value.split(',').map((origin) => origin.trim())
  for (const origin of origins) {
    let parsed: URL | undefined
    try {
      parsed = new URL(origin)
    } catch {}
    if (parsed?.origin !== origin)
      throw new Error(
        `prime indexer: PRIME_INDEXER_ORIGINS holds '${origin}', which is not a web origin (scheme://host[:port], no path), or '*'.`,
      )
  }
  return origins.join(',')
}

/** RPC URLs often carry an API key in the path or query: print only where they point. */
function redact(url: string) {
  try {
    const { protocol, host } = new URL(url)
    return `${protocol}//${host}`
  } catch {
    return '(invalid URL)'
  }
}
