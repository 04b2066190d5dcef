import { spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { http } from 'viem'

const FORK_TIMEOUT_MS = 60_000

/** A local anvil forked from the command's chain: where a dry run sends its transactions. */
export type Fork = {
  rpcUrl: string
  /** The chain's block the fork starts from. */
  blockNumber: bigint
  /**
   * The fork's own chain id, random and never the real chain's: every transaction, permit and
   * consent a dry run signs is bound to it, so none of them is valid on the real chain.
   */
  chainId: number
  /** Stops the fork; settles once its process has exited, so no fork outlives the command. */
  stop: () => Promise<void>
}

// What the fork may ask the real chain through the proxy: state reads. Anything that sends or
// signs is refused, so the proxy (a local port that carries the RPC's credentials) cannot be used
// to broadcast, whoever finds it.
const READ_METHOD =
  /^(eth_(get\w+|call|chainId|blockNumber|gasPrice|maxPriorityFeePerGas|feeHistory|blobBaseFee)|net_version|web3_clientVersion)$/

type RpcCall = { id?: unknown; method?: unknown; params?: unknown }

/**
 * A JSON-RPC proxy on 127.0.0.1 that forwards the fork's reads to `rpcUrl`. anvil takes its fork
 * URL only as a flag (no environment variable), and a flag is readable by every local user in the
 * process list: through the proxy, anvil's command line names a local port, and credentials in
 * the RPC URL stay in this process.
 */
async function startReadProxy(rpcUrl: string): Promise<{ url: string; server: Server }> {
  const upstream = http(rpcUrl, { retryCount: 0 })({})
  const answer = async ({ id = null, method, params }: RpcCall) => {
    if (typeof method !== 'string' || !READ_METHOD.test(method))
      return {
        jsonrpc: '2.0',
        id,
        error: { code: -32601, message: 'the dry-run fork only reads from the chain' },
      }
    try {
      return { jsonrpc: '2.0', id, result: await upstream.request({ method, params } as never) }
    } catch (error) {
      const {
        code = -32603,
        details,
        shortMessage,
        data,
      } = error as {
        code?: number
        details?: string
        shortMessage?: string
        data?: unknown
      }
      return { jsonrpc: '2.0', id, error: { code, message: details ?? shortMessage, data } }
    }
  }
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => {
      body += chunk
    })
    request.on('end', async () => {
      let parsed: RpcCall | RpcCall[]
      try {
        parsed = JSON.parse(body)
      } catch {
        response.writeHead(400).end()
        return
      }
      const reply = Array.isArray(parsed)
        ? await Promise.all(parsed.map(answer))
        : await answer(parsed)
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, server }
}

/**
 * A chain id for what a dry run signs: random, above 2^32 (where no public chain's id is) and
 * below 2^48 (randomInt's range; ids stay exact JavaScript numbers).
 */
export const randomChainId = () => randomInt(2 ** 32, 2 ** 48)

// All anvil needs from the environment: its binary's search path and a home for its caches. The
// operator's environment holds secrets (PRIME_PRIVATE_KEY, PRIME_PASSWORD, ...), which any local
// process of the same user could read from the fork's /proc/<pid>/environ, and ANVIL_* settings
// (ANVIL_IP_ADDR would open the fork to the network).
const FORK_ENV = ['PATH', 'HOME', 'TMPDIR'] as const

/**
 * Starts anvil forked from `rpcUrl` on a free port of 127.0.0.1, under a random chain id of its
 * own. `anvil` is Foundry's (the same install that gives operators `cast wallet import`);
 * PRIME_ANVIL names another binary. Returns undefined when there is no anvil to start, so the dry
 * run falls back to simulating the first step only.
 *
 * A different chain id still runs the deployment's signature checks: OpenZeppelin's EIP712
 * rebuilds its domain separator whenever block.chainid differs from the one it cached, so a permit
 * or consent signed for the fork's id verifies on the fork, and nowhere else.
 */
export async function startFork(
  rpcUrl: string,
  env: Record<string, string | undefined>,
): Promise<Fork | undefined> {
  const binary = env.PRIME_ANVIL ?? 'anvil'
  const proxy = await startReadProxy(rpcUrl)
  const chainId = randomChainId()
  // A missing binary is reported as the child's 'error' event (below), not thrown here.
  const child = spawn(
    binary,
    ['--host', '127.0.0.1', '--port', '0', '--chain-id', String(chainId), '--fork-url', proxy.url],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: Object.fromEntries(FORK_ENV.flatMap((name) => (env[name] ? [[name, env[name]]] : []))),
      // Its own process group, stopped as a whole: under pnpm, `anvil` on PATH is an npm wrapper
      // whose child (the real anvil) would outlive a kill of the wrapper alone.
      detached: true,
    },
  )
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
  let stopped = false
  const stop = () => {
    if (stopped) return exited
    stopped = true
    process.off('exit', stop)
    for (const signal of signals) process.off(signal, onSignal)
    proxy.server.close()
    proxy.server.closeAllConnections()
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
    return exited
  }
  // Stop the fork, then die of the same signal (its default action, once no listener is left), so
  // the exit status still says what ended the command.
  const onSignal = (signal: NodeJS.Signals) => {
    stop()
    process.kill(process.pid, signal)
  }
  // A dry run must never leave a fork behind, whatever ends the process (at 'exit' nothing can be
  // awaited any more: the kill is sent, and the command's own end awaited the stop before).
  process.once('exit', stop)
  for (const signal of signals) process.once(signal, onSignal)
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
      const port = /Listening on 127\.0\.0\.1:(\d+)/.exec(output)?.[1]
      const block = /Block number:\s+(\d+)/.exec(output)?.[1]
      if (port && block)
        done({ rpcUrl: `http://127.0.0.1:${port}`, blockNumber: BigInt(block), chainId, stop })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    // No anvil installed (ENOENT), or it could not fork this chain: simulate the first step only.
    child.once('error', () => done(undefined))
    child.once('exit', () => done(undefined))
  })
}
