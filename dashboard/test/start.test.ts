/**
 * `pnpm dashboard` as a user runs it: it prints the app's URL, serves the app, and Ctrl-C stops
 * the chain and the indexer it started, leaving no process behind.
 */
import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { expect, inject, test } from 'vitest'

const dashboardRoot = fileURLToPath(new URL('..', import.meta.url))

/** Every process below `pid` (its children, theirs, ...), read from /proc. */
async function descendants(pid: number): Promise<{ pid: number; command: string }[]> {
  const parents = new Map<number, { ppid: number; command: string }>()
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => undefined)
    if (!stat) continue
    // `pid (command) state ppid …`: the command may hold spaces, so split after its parenthesis.
    const close = stat.lastIndexOf(')')
    const command = stat.slice(stat.indexOf('(') + 1, close)
    const ppid = Number(stat.slice(close + 2).split(' ')[1])
    parents.set(Number(entry), { ppid, command })
  }
  const found: { pid: number; command: string }[] = []
  const walk = (parent: number) => {
    for (const [child, info] of parents)
      if (info.ppid === parent) {
        found.push({ pid: child, command: info.command })
        walk(child)
      }
  }
  walk(pid)
  return found
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Runs `pnpm dashboard`'s script with `args` until it prints the app's URL. */
async function startDashboard(args: string[]) {
  // Node runs the script itself (tsx as a loader), so the signal reaches it as Ctrl-C would.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    cwd: dashboardRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (data: Buffer) => {
    stdout += data.toString()
  })
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /^Dashboard (\S+)$/m.exec(stdout)
      if (match) {
        clearInterval(timer)
        resolve(match[1]!)
      }
      if (child.exitCode !== null) {
        clearInterval(timer)
        reject(new Error(`pnpm dashboard exited early:\n${stderr}`))
      }
    }, 100)
  })
  return { child, exited, url }
}

test('Ctrl-C stops the app, the indexer and the chain it started', {
  timeout: 180_000,
}, async () => {
  const { child, exited, url } = await startDashboard([])
  const page = await fetch(url)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<div id="root">')
  const config = await fetch(new URL('config.json', url)).then((r) => r.json())
  expect(config.deployment.chainId).toBe(31337)
  const started = await descendants(child.pid!)
  const commands = started.map((p) => p.command)
  expect(commands).toContain('anvil')
  expect(commands.some((command) => command.startsWith('node'))).toBe(true)
  expect(await fetch(`${config.indexerUrl}/health`).then((r) => r.status)).toBe(200)

  child.kill('SIGINT')
  expect(await exited).toBe(0)
  // Helpers that end when their parent's pipe closes (esbuild's service) may take a moment;
  // anvil or ponder left running would stay forever.
  const deadline = Date.now() + 5_000
  while (started.some((p) => alive(p.pid)) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100))
  expect(started.filter((p) => alive(p.pid))).toEqual([])
  await expect(fetch(config.rpcUrl, { method: 'POST' })).rejects.toThrow()
  await expect(fetch(`${config.indexerUrl}/health`)).rejects.toThrow()
})

test('--rpc-url, --deployment and --indexer point it at another network', async () => {
  // The suite's chain and indexer stand for another network: nothing new is started for them.
  const other = inject('dashboard')
  const { child, exited, url } = await startDashboard([
    '--rpc-url',
    other.rpcUrl,
    '--deployment',
    other.deploymentPath,
    '--indexer',
    other.indexerUrl,
  ])
  const config = await fetch(new URL('config.json', url)).then((r) => r.json())
  expect(config.rpcUrl).toBe(other.rpcUrl)
  expect(config.indexerUrl).toBe(other.indexerUrl)
  expect(config.deployment).toEqual(JSON.parse(await readFile(other.deploymentPath, 'utf8')))
  const commands = (await descendants(child.pid!)).map((p) => p.command)
  expect(commands).not.toContain('anvil')
  child.kill('SIGINT')
  expect(await exited).toBe(0)
  // The other network keeps running.
  expect(await fetch(`${other.indexerUrl}/health`).then((r) => r.status)).toBe(200)
})
