import { spawn } from 'node:child_process'

const FORK_TIMEOUT_MS = 60_000

/** A local anvil forked from the command's chain: where a dry run sends its transactions. */
export type Fork = {
  rpcUrl: string
  /** The chain's block the fork starts from. */
  blockNumber: bigint
  stop: () => void
}

/**
 * Starts `anvil --fork-url rpcUrl` on a free local port. `anvil` is Foundry's (the same install
 * that gives operators `cast wallet import`); PRIME_ANVIL names another binary. Returns undefined
 * when there is no anvil to start, so the dry run falls back to simulating the first step only.
 */
export async function startFork(
  rpcUrl: string,
  env: Record<string, string | undefined>,
): Promise<Fork | undefined> {
  const binary = env.PRIME_ANVIL ?? 'anvil'
  // A missing binary is reported as the child's 'error' event (below), not thrown here.
  const child = spawn(binary, ['--port', '0', '--fork-url', rpcUrl], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  // A dry run must never leave a fork behind, whatever ends the process.
  process.once('exit', stop)
  let output = ''
  return new Promise<Fork | undefined>((resolve) => {
    // A fork that cannot reach the chain in time is no fork: the first-step simulation still runs.
    const timer = setTimeout(() => done(undefined), FORK_TIMEOUT_MS)
    const done = (fork: Fork | undefined) => {
      clearTimeout(timer)
      child.stdout.removeAllListeners('data')
      child.stderr.removeAllListeners('data')
      if (!fork) stop()
      resolve(fork)
    }
    const onData = (data: Buffer) => {
      output += data.toString()
      const port = /Listening on [\d.]+:(\d+)/.exec(output)?.[1]
      const block = /Block number:\s+(\d+)/.exec(output)?.[1]
      if (port && block)
        done({ rpcUrl: `http://127.0.0.1:${port}`, blockNumber: BigInt(block), stop })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    // No anvil installed (ENOENT), or it could not fork this chain: simulate the first step only.
    child.once('error', () => done(undefined))
    child.once('exit', () => done(undefined))
  })
}
