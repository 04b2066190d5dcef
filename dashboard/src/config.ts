import { type Deployment, parseDeployment } from '@prime-network/sdk'

/** Where the dashboard reads from: the chain, the protocol's addresses and (optionally) the indexer. */
export type DashboardConfig = {
  rpcUrl: string
  deployment: Deployment
  /** The indexer's base URL (it serves `/sql`); without one the history panels say so. */
  indexerUrl: string | undefined
  /** How often to ask the chain for new blocks and events, in ms. */
  pollingInterval: number
}

/**
 * The runtime `config.json` served next to index.html (what `pnpm dashboard` serves, and what a
 * host of the static build writes), else the build's `VITE_PRIME_*` environment. A runtime file
 * comes first so one build serves any network.
 */
export async function loadConfig(): Promise<DashboardConfig> {
  const response = await fetch('./config.json').catch(() => undefined)
  const file: Record<string, unknown> | undefined =
    response?.ok && response.headers.get('content-type')?.includes('json')
      ? await response.json()
      : undefined
  const env = import.meta.env
  const rpcUrl = file?.rpcUrl ?? env.VITE_PRIME_RPC_URL
  const deployment = file?.deployment ?? env.VITE_PRIME_DEPLOYMENT
  if (typeof rpcUrl !== 'string' || deployment === undefined)
    throw new Error(
      'No network configured: serve a config.json next to index.html with rpcUrl and deployment (the file deploy.sh writes), or build with VITE_PRIME_RPC_URL and VITE_PRIME_DEPLOYMENT.',
    )
  const indexerUrl = file?.indexerUrl ?? env.VITE_PRIME_INDEXER_URL
  const pollingInterval = Number(file?.pollingInterval ?? env.VITE_PRIME_POLLING_INTERVAL ?? 1000)
  return {
    rpcUrl,
    deployment: parseDeployment(deployment),
    indexerUrl: typeof indexerUrl === 'string' && indexerUrl ? indexerUrl : undefined,
    pollingInterval,
  }
}
