import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { type Anvil, type StartAnvilOptions, startAnvil } from './anvil.js'
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

/**
 * Runs ./deploy.sh, the same path a user takes, and resolves with its exit code and output (it
 * does not throw on a failed deploy: the deploy script's own tests check its failures).
 */
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

export type DeployProtocolParameters = Pick<
  RunDeployScriptParameters,
  'rpcUrl' | 'env' | 'onLine' | 'signal'
> & {
  /** Names the throwaway folder, `deployments/<label>-…`, so a leftover says who left it. */
  label: string
}

/** The protocol deployed by deploy.sh into a throwaway folder. */
export type Deployed = {
  /** The deployment file deploy.sh wrote (`<chainId>.json`), which the SDK's loadDeployment reads. */
  deploymentPath: string
  /** The throwaway folder: the deployment file and forge's broadcast records. */
  dir: string
  /** Removes the folder. */
  remove: () => Promise<void>
}

/**
 * Deploys the protocol on the chain at `rpcUrl` with ./deploy.sh, the way a user does, into a
 * throwaway folder under ./deployments (forge may write only there). Throws with deploy.sh's
 * output when it fails, and leaves no folder behind.
 */
export async function deployProtocol(parameters: DeployProtocolParameters): Promise<Deployed> {
  const { label, rpcUrl, env, onLine, signal } = parameters
  await mkdir(join(repoRoot, 'deployments'), { recursive: true })
  const dir = await mkdtemp(join(repoRoot, 'deployments', `${label}-`))
  const remove = () => rm(dir, { recursive: true, force: true })
  try {
    const result = await runDeployScript({
      rpcUrl,
      deploymentsDir: relative(repoRoot, dir),
      // Broadcast records of a throwaway chain would only clutter ./broadcast.
      env: { FOUNDRY_BROADCAST: join(dir, 'broadcast'), ...env },
      ...(onLine ? { onLine } : {}),
      ...(signal ? { signal } : {}),
    })
    signal?.throwIfAborted()
    if (result.code !== 0)
      throw new Error(`deploy.sh failed (exit ${result.code}):\n${result.stderr || result.stdout}`)
    const chainId = /Deploying Prime Network to chain (\d+)/.exec(result.stdout)?.[1]
    if (!chainId)
      throw new Error(`deploy.sh did not say which chain it deployed to:\n${result.stdout}`)
    return { deploymentPath: join(dir, `${chainId}.json`), dir, remove }
  } catch (error) {
    await remove()
    throw error
  }
}

/** A local chain with the protocol deployed on it. `stop` also removes the deployment's folder. */
export type DeployedChain = Anvil & Omit<Deployed, 'remove'>

/**
 * Starts an anvil and deploys the protocol on it with ./deploy.sh: what a test suite, the demo or
 * the dashboard runs against.
 *
 * @example
 * const chain = await startDeployedChain({ label: 'cli-test' })
 * // … loadDeployment(chain.deploymentPath), chain.rpcUrl …
 * await chain.stop()
 */
export async function startDeployedChain(
  options: StartAnvilOptions &
    Pick<DeployProtocolParameters, 'label' | 'env' | 'onLine' | 'signal'>,
): Promise<DeployedChain> {
  const { label, env, onLine, signal, ...anvilOptions } = options
  const anvil = await startAnvil(anvilOptions)
  let deployed: Deployed
  try {
    deployed = await deployProtocol({
      label,
      rpcUrl: anvil.rpcUrl,
      ...(env ? { env } : {}),
      ...(onLine ? { onLine } : {}),
      ...(signal ? { signal } : {}),
    })
  } catch (error) {
    await anvil.stop()
    throw error
  }
  return {
    ...anvil,
    deploymentPath: deployed.deploymentPath,
    dir: deployed.dir,
    stop: async () => {
      await anvil.stop()
      await deployed.remove()
    },
  }
}
