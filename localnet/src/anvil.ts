import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { createTestClient, type Hex, http } from 'viem'
import { repoRoot } from './paths.js'

export type Anvil = {
  rpcUrl: string
  chainId: number
  /** Stops anvil and waits for it to exit; safe to call more than once. */
  stop: () => Promise<void>
  /** Kills anvil at once without waiting (for `process.on('exit')`). */
  kill: () => void
}

export type StartAnvilOptions = {
  chainId?: number
  /** Start as a fork of this chain at its latest block (its history, then a life of its own). */
  forkUrl?: string
  /** Listen on this port (default: a free one, chosen by anvil). */
  port?: number
  /** Mine a block every this many seconds, as a live chain does (default: one per transaction). */
  blockTime?: number
  /**
   * The genesis block's time, in unix seconds (default: now). Later blocks follow the wall clock
   * from there, so a chain that must look the same run after run starts from a fixed time.
   */
  timestamp?: bigint
  /** Gives up when anvil has not said where it listens after this many milliseconds. */
  timeoutMs?: number
  /**
   * Start from this state, as {@link dumpState} returned it: the accounts, contracts, blocks and
   * logs of another chain, so a copy of a deployed chain costs a second instead of a deployment.
   */
  state?: Hex
}

/**
 * Starts anvil on a free port through the project's shim (which execs the native binary, so the
 * child's pid is anvil itself and a signal reaches it directly).
 */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<Anvil> {
  const {
    chainId = 31337,
    timeoutMs = 30_000,
    forkUrl,
    port = 0,
    blockTime,
    timestamp,
    state,
  } = options
  const child = spawn(
    join(repoRoot, 'contracts/tools/bin/anvil'),
    [
      ...['--port', String(port), '--chain-id', String(chainId)],
      ...(forkUrl ? ['--fork-url', forkUrl] : []),
      ...(blockTime ? ['--block-time', String(blockTime)] : []),
      ...(timestamp !== undefined ? ['--timestamp', String(timestamp)] : []),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  const listening = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`anvil did not start within ${timeoutMs} ms`)),
      timeoutMs,
    )
    const onData = (data: Buffer) => {
      output += data.toString()
      const match = /Listening on [\d.]+:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`anvil exited with code ${code} before listening:\n${output.trim()}`))
    })
  }).catch(async (error) => {
    await stopChild(child, exited)
    throw error
  })
  // anvil logs every request; keep draining its output so a full pipe never blocks it.
  child.stdout.removeAllListeners('data').resume()
  child.stderr.removeAllListeners('data').resume()
  const rpcUrl = `http://127.0.0.1:${listening}`
  if (state !== undefined)
    await testClient(rpcUrl)
      .loadState({ state })
      .catch(async (error) => {
        await stopChild(child, exited)
        throw error
      })
  return {
    rpcUrl,
    chainId,
    stop: () => stopChild(child, exited),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
}

/**
 * The whole state of the anvil at `rpcUrl` (accounts, code, storage, blocks and logs), for
 * {@link startAnvil}'s `state`.
 */
export function dumpState(rpcUrl: string): Promise<Hex> {
  return testClient(rpcUrl).dumpState()
}

const testClient = (rpcUrl: string) => createTestClient({ mode: 'anvil', transport: http(rpcUrl) })

async function stopChild(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode !== null || child.signalCode !== null) return
  // anvil exits at once on SIGINT; SIGKILL only if it does not.
  child.kill('SIGINT')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
