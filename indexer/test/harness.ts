/**
 * Starts what the indexer's tests run against: anvil with the protocol deployed, a store, and the
 * real `ponder` process. Exported as `@prime-network/indexer/testing`, so other packages' tests
 * (the CLI's history commands) start the indexer the same way instead of keeping a copy.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Anvil, startAnvil } from '@prime-network/localnet'
import { type Deployment, loadDeployment } from '@prime-network/sdk'
import pg from 'pg'
import type { Hex } from 'viem'
import { inject } from 'vitest'

export const packageRoot = resolve(import.meta.dirname, '..')
const repoRoot = resolve(packageRoot, '..')
const ponderBin = join(packageRoot, 'node_modules/.bin/ponder')
/** The pnpm the README tells users to run (`npx -y pnpm@…`). */
const pnpm = 'pnpm@10.34.9'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The deployed chain's state and deployment file (test/globalSetup.ts), for startChain. */
    chainState: Hex
    deploymentPath: string
  }
}

/** A chain of the test file's own with the protocol deployed, and what was deployed. */
export type Chain = Anvil & { deploymentPath: string; deployment: Deployment }

/**
 * A fresh copy of the chain test/globalSetup.ts deployed with ./deploy.sh (same addresses, blocks
 * and logs), started from its saved state: a second instead of a deployment per file.
 */
export async function startChain(): Promise<Chain> {
  const chain = await startAnvil({ state: inject('chainState') })
  const deploymentPath = inject('deploymentPath')
  try {
    return { ...chain, deploymentPath, deployment: await loadDeployment(deploymentPath) }
  } catch (error) {
    await chain.stop()
    throw error
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolvePort(port))
    })
  })
}

/**
 * Where an indexer keeps its tables: a fresh PGlite directory, or, given a Postgres cluster's URL,
 * a fresh database in it.
 */
export type Store = {
  env: Record<string, string>
  kind: 'pglite' | 'postgres'
  drop: () => Promise<void>
}

export async function createStore(cluster?: string): Promise<Store> {
  if (!cluster) {
    const dir = await mkdtemp(join(tmpdir(), 'prime-indexer-pglite-'))
    return {
      kind: 'pglite',
      env: { PRIME_PGLITE_DIR: dir },
      drop: () => rm(dir, { recursive: true, force: true }),
    }
  }
  const name = `prime_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`
  const admin = new pg.Client({ connectionString: cluster })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(cluster)
  url.pathname = `/${name}`
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: cluster })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

export type Indexer = {
  url: string
  /** What the process printed so far (for failure messages). */
  output: () => string
  /** Resolves once the index holds every block up to `blockNumber`. */
  waitForBlock: (blockNumber: bigint, timeoutMs?: number) => Promise<void>
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>
  stop: () => Promise<void>
}

export type StartIndexerParameters = {
  chain: { rpcUrl: string; deploymentPath: string }
  store: Store
  /** `start` indexes and serves; `serve` only serves what a writer indexed (Postgres only). */
  command?: 'start' | 'serve'
  schema?: string
  /** Resolve once /ready answers 200 (default), or at once (to watch a startup failure). */
  waitReady?: boolean
  /** More environment for the process (after the chain's and the store's). */
  env?: Record<string, string>
  /**
   * `ponder` itself on 127.0.0.1 (default), or the README's command (`pnpm indexer`, or the
   * package's `serve` script), which takes the port and everything else from the environment.
   */
  launcher?: 'ponder' | 'pnpm'
}

/** Spawns the real `ponder` CLI, as `pnpm indexer` does, on a free port. */
export async function startIndexer(parameters: StartIndexerParameters): Promise<Indexer> {
  const { chain, store, command = 'start', schema = 'prime', waitReady = true } = parameters
  const port = await freePort()
  const [file, args, cwd] =
    parameters.launcher === 'pnpm'
      ? [
          'npx',
          ['-y', pnpm, command === 'start' ? 'indexer' : 'serve'],
          command === 'start' ? repoRoot : packageRoot,
        ]
      : [
          ponderBin,
          [command, '--schema', schema, '--hostname', '127.0.0.1', '--port', String(port)],
          packageRoot,
        ]
  const child = spawn(file, args, {
    cwd,
    // pnpm runs ponder in a shell: stop() ends the whole process group.
    detached: parameters.launcher === 'pnpm',
    env: {
      ...process.env,
      ...store.env,
      PONDER_TELEMETRY_DISABLED: 'true',
      PRIME_RPC_URL: chain.rpcUrl,
      PRIME_DEPLOYMENT: chain.deploymentPath,
      PRIME_POLLING_INTERVAL_MS: '100',
      PRIME_INDEXER_PORT: String(port),
      PRIME_INDEXER_SCHEMA: schema,
      NO_COLOR: '1',
      ...parameters.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (data: Buffer) => {
    output += data.toString()
  })
  child.stderr.on('data', (data: Buffer) => {
    output += data.toString()
  })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const url = `http://127.0.0.1:${port}`
  const indexer: Indexer = {
    url,
    output: () => output,
    waitForBlock: async (blockNumber, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        if (child.exitCode !== null)
          throw new Error(`ponder exited (${child.exitCode}) while waiting:\n${output}`)
        const status = await fetch(`${url}/status`)
          .then((response) => (response.ok ? response.json() : undefined))
          .catch(() => undefined)
        const indexed = (status as { prime?: { block: { number: number } } } | undefined)?.prime
          ?.block.number
        if (indexed !== undefined && BigInt(indexed) >= blockNumber) return
        if (Date.now() > deadline)
          throw new Error(`ponder did not reach block ${blockNumber} (at ${indexed}):\n${output}`)
        await sleep(100)
      }
    },
    exited,
    stop: () => stopChild(child, exited, parameters.launcher === 'pnpm'),
  }
  if (!waitReady) return indexer
  try {
    await waitUntilReady(url, child, () => output)
  } catch (error) {
    await indexer.stop()
    throw error
  }
  return indexer
}

/** Runs `ponder start` to its end and returns its exit code and output (for startup failures). */
export async function runIndexerToExit(
  parameters: Omit<StartIndexerParameters, 'waitReady'>,
  timeoutMs = 60_000,
) {
  const indexer = await startIndexer({ ...parameters, waitReady: false })
  const code = await Promise.race([indexer.exited, sleep(timeoutMs).then(() => 'timeout' as const)])
  await indexer.stop()
  return { code, output: indexer.output() }
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`ponder exited (${child.exitCode}):\n${output()}`)
    const ready = await fetch(`${url}/ready`)
      .then((response) => response.status === 200)
      .catch(() => false)
    if (ready) return
    if (Date.now() > deadline) throw new Error(`ponder was not ready within 120 s:\n${output()}`)
    await sleep(200)
  }
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>, group: boolean) {
  const running = () => {
    if (!group) return child.exitCode === null && child.signalCode === null
    try {
      process.kill(-child.pid!, 0)
      return true
    } catch {
      return false
    }
  }
  const kill = (signal: NodeJS.Signals) => {
    if (running()) group ? process.kill(-child.pid!, signal) : child.kill(signal)
  }
  // Ponder shuts down cleanly on SIGTERM (closes the database); SIGKILL only if it hangs.
  kill('SIGTERM')
  const timer = setTimeout(() => kill('SIGKILL'), 10_000)
  await exited
  // pnpm exits on the signal at once, while ponder, in its group, may still be closing the
  // database that the caller removes next.
  while (running()) await sleep(50)
  clearTimeout(timer)
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
