import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Sink } from './format.js'
import { repoRoot } from './paths.js'

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

async function isFresh(): Promise<boolean> {
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

/** wagmi's progress lines, said plainly. */
const phases: [RegExp, string][] = [
  [/Validating plugins/, 'reading the Foundry project'],
  [
    /Resolving contracts/,
    'compiling the contracts (forge with the wasm solc; first run ~30 s or more)',
  ],
  [/Writing to/, 'writing the ABIs'],
  [/Build start/, 'bundling the SDK (tsup)'],
  [/DTS Build start/, 'writing the SDK type declarations'],
]

export type BuildSdkParameters = {
  sink: Sink
  /** Build even when sdk/dist looks up to date. */
  force?: boolean
  signal?: AbortSignal
}

/**
 * Builds @prime-network/sdk (wagmi generate runs forge build, then tsup writes sdk/dist, which the
 * demo imports), reporting progress while it runs. Skipped when sdk/dist is newer than its inputs.
 */
export async function buildSdk(parameters: BuildSdkParameters): Promise<void> {
  const { sink, force = false, signal } = parameters
  const say = (line: string) => sink.write(`${line}\n`)
  if (!force && (await isFresh())) {
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
  let output = ''
  let phase = 'starting pnpm --filter @prime-network/sdk build'
  const onData = (data: Buffer) => {
    output += data.toString()
    for (const [pattern, description] of phases)
      if (pattern.test(data.toString())) phase = description
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`
  const ticker = setInterval(() => say(`  … ${elapsed()}: ${phase}`), 5_000)
  const abort = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
  }
  signal?.addEventListener('abort', abort, { once: true })
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'ENOENT'
            ? new Error('pnpm not found: run the demo with `npx -y pnpm@10.34.9 demo`', {
                cause: error,
              })
            : error,
        ),
      )
      child.once('close', resolve)
    })
    signal?.throwIfAborted()
    if (code !== 0) throw new Error(`building the SDK failed (exit ${code}):\n${output.trim()}`)
  } finally {
    clearInterval(ticker)
    signal?.removeEventListener('abort', abort)
  }
  say(`  ✓ SDK built in ${elapsed()}`)
}
