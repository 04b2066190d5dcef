import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { repoRoot } from './paths.js'

/** Where progress goes (process.stdout or process.stderr, or a collector in tests). */
export type Sink = { write: (text: string) => unknown }

/** What the SDK's build reads: when none of it is newer than sdk/dist, the build is skipped. */
const inputs = [
  'contracts/src',
  'sdk/src',
  'sdk/package.json',
  'sdk/tsup.config.ts',
  'wagmi.config.ts',
  'foundry.toml',
]
const outputs = ['sdk/dist/index.js', 'sdk/dist/index.d.ts']

async function newestChange(path: string): Promise<number> {
  const info = await stat(path)
  if (!info.isDirectory()) return info.mtimeMs
  const entries = await readdir(path)
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry))))
  return Math.max(info.mtimeMs, ...times)
}

/** Whether sdk/dist is newer than everything it is built from. */
export async function isSdkBuilt(): Promise<boolean> {
  try {
    const built = Math.min(
      ...(await Promise.all(outputs.map((p) => newestChange(join(repoRoot, p))))),
    )
    const changed = Math.max(
      ...(await Promise.all(inputs.map((p) => newestChange(join(repoRoot, p))))),
    )
    return built > changed
  } catch {
    return false
  }
}

/**
 * The SDK build's steps, recognised from the lines its tools print: pnpm echoes each script it
 * runs, forge says what it compiles, wagmi and tsup name their phases. Returns what the build is
 * doing now, or undefined when the line says nothing new.
 */
export function buildStep(line: string): string | undefined {
  const compiling = /Compiling (\d+) files? with (Solc [\d.]+)/.exec(line)
  if (compiling) return `compiling ${compiling[1]} contract files with ${compiling[2]} (via IR)`
  if (/^> .*forge build/.test(line)) return 'checking the contracts (forge build)'
  if (/No files changed, compilation skipped/.test(line)) return 'contracts up to date'
  if (/Solc [\d.]+ finished in/.test(line)) return 'contracts compiled'
  if (/Validating plugins|Resolving contracts|Writing to/.test(line))
    return 'writing the ABIs (wagmi generate)'
  if (/DTS Build start/.test(line)) return 'writing the type declarations (tsup)'
  if (/Build start/.test(line)) return 'bundling the modules (tsup)'
  return undefined
}

export type BuildSdkParameters = {
  sink: Sink
  /** Build even when sdk/dist looks up to date. */
  force?: boolean
  signal?: AbortSignal
  /** Seconds between "still at it" lines during a long step (default 10). */
  heartbeatSeconds?: number
}

/**
 * Builds @prime-network/sdk when sdk/dist is older than its sources (`pnpm --filter
 * @prime-network/sdk build`: forge build, wagmi generate, tsup), saying each step as it starts and,
 * during a long one (the contracts' first compile), how long it has run so far.
 */
export async function buildSdk(parameters: BuildSdkParameters): Promise<void> {
  const { sink, force = false, signal, heartbeatSeconds = 10 } = parameters
  const say = (line: string) => sink.write(`${line}\n`)
  if (!force && (await isSdkBuilt())) {
    say('SDK: sdk/dist is up to date (pass --rebuild to build it anyway)')
    return
  }
  say('SDK: building @prime-network/sdk (forge build, wagmi generate, tsup)')
  const started = Date.now()
  // pnpm sets npm_execpath to itself, so the nested call uses the same pnpm version.
  const pnpm = process.env.npm_execpath
  const [command, args] =
    pnpm?.endsWith('.cjs') || pnpm?.endsWith('.js')
      ? [process.execPath, [pnpm]]
      : [pnpm || 'pnpm', []]
  const child = spawn(command, [...args, '--filter', '@prime-network/sdk', 'build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const seconds = (since: number) => `${Math.round((Date.now() - since) / 1000)} s`
  let output = ''
  let step = { name: 'starting the build (pnpm)', since: Date.now() }
  let pending = ''
  const onData = (data: Buffer) => {
    output += data.toString()
    pending += data.toString()
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const name = buildStep(line)
      if (!name || name === step.name) continue
      step = { name, since: Date.now() }
      say(`  › ${seconds(started)}: ${name}`)
    }
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  const heartbeat = setInterval(
    () => say(`  … ${step.name}: ${seconds(step.since)} so far`),
    heartbeatSeconds * 1000,
  )
  const abort = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
  }
  signal?.addEventListener('abort', abort, { once: true })
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'ENOENT'
            ? new Error('pnpm not found: run it with `npx -y pnpm@10.34.9 …`', { cause: error })
            : error,
        ),
      )
      child.once('close', resolve)
    })
    signal?.throwIfAborted()
    if (code !== 0) throw new Error(`building the SDK failed (exit ${code}):\n${output.trim()}`)
  } finally {
    clearInterval(heartbeat)
    signal?.removeEventListener('abort', abort)
  }
  say(`  ✓ SDK built in ${seconds(started)}`)
}
