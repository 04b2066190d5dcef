import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { startAnvil } from './anvil.js'
import { repoRoot } from './paths.js'

export type RunDeployScriptParameters = {
  rpcUrl: string
  /** Where deploy.sh writes `<chainId>.json`; forge may only write under ./deployments. */
  deploymentsDir?: string
  /** Added to (or, when undefined, removed from) the environment deploy.sh inherits. */
  env?: Record<string, string | undefined>
  /** Called with each line deploy.sh prints (stdout and stderr). */
  onLine?: (line: string) => void
  signal?: AbortSignal
}

export type RunDeployScriptReturnType = { code: number | null; stdout: string; stderr: string }

/** Runs ./deploy.sh, the same path a user takes, and resolves with its exit code and output. */
export function runDeployScript(
  parameters: RunDeployScriptParameters,
): Promise<RunDeployScriptReturnType> {
  const { rpcUrl, deploymentsDir, onLine, signal } = parameters
  const env: Record<string, string | undefined> = { ...process.env, RPC_URL: rpcUrl }
  if (deploymentsDir) env.DEPLOYMENTS_DIR = deploymentsDir
  for (const [name, value] of Object.entries(parameters.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'deploy.sh'), [], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so an abort stops forge (and the solc it runs) with it.
      detached: true,
    })
    const output = { stdout: '', stderr: '' }
    for (const stream of ['stdout', 'stderr'] as const) {
      let pending = ''
      child[stream].on('data', (data: Buffer) => {
        output[stream] += data.toString()
        pending += data.toString()
        const lines = pending.split('\n')
        pending = lines.pop() ?? ''
        for (const line of lines) onLine?.(line)
      })
      child[stream].on('end', () => {
        if (pending) onLine?.(pending)
      })
    }
    const abort = () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
    }
    signal?.addEventListener('abort', abort, { once: true })
    child.once('error', reject)
    child.once('close', (code) => {
      signal?.removeEventListener('abort', abort)
      resolve({ code, ...output })
    })
  })
}

/** A local chain with the protocol deployed on it, for a test suite. */
export type DeployedChain = {
  rpcUrl: string
  /** The deployment file deploy.sh wrote. */
  deploymentPath: string
  /** Stops anvil and removes the deployment's folder. */
  stop: () => Promise<void>
}

/**
 * Starts an anvil and deploys the protocol on it with ./deploy.sh, the way a user does, into a
 * throwaway folder `deployments/<label>-…` (forge may write only under ./deployments).
 */
export async function startDeployedChain(label: string): Promise<DeployedChain> {
  await mkdir(join(repoRoot, 'deployments'), { recursive: true })
  const deploymentsDir = await mkdtemp(join(repoRoot, 'deployments', `${label}-`))
  const anvil = await startAnvil()
  const stop = async () => {
    await anvil.stop()
    await rm(deploymentsDir, { recursive: true, force: true })
  }
  const result = await runDeployScript({
    rpcUrl: anvil.rpcUrl,
    deploymentsDir: relative(repoRoot, deploymentsDir),
    env: { FOUNDRY_BROADCAST: join(deploymentsDir, 'broadcast') },
  })
  if (result.code !== 0) {
    await stop()
    throw new Error(`deploy.sh failed:\n${result.stderr}`)
  }
  return {
    rpcUrl: anvil.rpcUrl,
    deploymentPath: join(deploymentsDir, `${anvil.chainId}.json`),
    stop,
  }
}
