import { rmSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { loadDeployment } from '@prime-network/sdk'
import { acts } from './acts.js'
import { type Anvil, startAnvil } from './anvil.js'
import { runDeployScript } from './deploy.js'
import type { Sink } from './format.js'
import { repoRoot } from './paths.js'
import { createStage, type Say } from './stage.js'
import { type DemoSummary, summarize } from './summary.js'

export type { Sink } from './format.js'
export { plan, timeline, works } from './scenario.js'
export type { DemoNode, DemoProvider, DemoSummary } from './summary.js'

export type DemoOptions = {
  /** Where the report goes (default: process.stdout). */
  sink?: Sink
  /** Aborting stops anvil and deploy.sh; the pending step then fails and runDemo rejects. */
  signal?: AbortSignal
}

/**
 * Runs the whole protocol on a fresh local anvil: deploys with ./deploy.sh, then walks every
 * actor's part through the SDK and reports each step (actor, action, tx hash, gas, balances).
 * Stops anvil before returning, also on failure.
 *
 * @returns The final figures, read back from the chain.
 * @example
 * const summary = await runDemo({ sink: process.stdout })
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoSummary> {
  const sink = options.sink ?? process.stdout
  const { signal } = options
  const say = (line = '') => sink.write(`${line}\n`)
  signal?.throwIfAborted()

  say()
  say('Prime Network demo: the whole protocol on a local anvil, through @prime-network/sdk')
  let anvil: Anvil | undefined
  const deploymentsDir = await mkdtemp(join(repoRoot, 'deployments', 'demo-')).catch(async () => {
    await mkdir(join(repoRoot, 'deployments'), { recursive: true })
    return mkdtemp(join(repoRoot, 'deployments', 'demo-'))
  })
  // Cleans up at once: a caller that was interrupted may exit before the `finally` below runs.
  const stopOnAbort = () => {
    anvil?.kill()
    rmSync(deploymentsDir, { recursive: true, force: true })
  }
  signal?.addEventListener('abort', stopOnAbort, { once: true })
  try {
    const started = Date.now()
    heading(say, 1, 'Start a local chain')
    anvil = await startAnvil()
    say(
      `  ✓ anvil listens on ${anvil.rpcUrl} (chain ${anvil.chainId}), started in ${seconds(started)}`,
    )
    signal?.throwIfAborted()

    heading(
      say,
      2,
      'Deploy the protocol with ./deploy.sh (forge script contracts/script/Deploy.s.sol)',
    )
    const deployment = await deploy(say, anvil.rpcUrl, deploymentsDir, signal)

    const stage = createStage({ say, signal, rpcUrl: anvil.rpcUrl, deployment })
    for (const [index, act] of acts.entries()) {
      signal?.throwIfAborted()
      heading(say, FIRST_ACT + index, act.title)
      await act.run(stage)
    }
    heading(say, steps, 'Summary')
    return await summarize(stage)
  } finally {
    signal?.removeEventListener('abort', stopOnAbort)
    await anvil?.stop()
    await rm(deploymentsDir, { recursive: true, force: true })
  }
}

/** Steps 1 and 2 start the chain and deploy; the acts follow; the summary is the last step. */
const FIRST_ACT = 3
const steps = FIRST_ACT + acts.length

function heading(say: Say, step: number, title: string) {
  say()
  say(`[${step}/${steps}] ${title}`)
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`

async function deploy(say: Say, rpcUrl: string, deploymentsDir: string, signal?: AbortSignal) {
  const started = Date.now()
  // forge prints nothing while it compiles (tens of seconds on the first run): show it is alive.
  const ticker = setInterval(
    () =>
      say(
        `  … ${seconds(started)}: forge is compiling and broadcasting (first run compiles everything)`,
      ),
    5_000,
  )
  let result: Awaited<ReturnType<typeof runDeployScript>>
  try {
    result = await runDeployScript({
      rpcUrl,
      deploymentsDir: relative(repoRoot, deploymentsDir),
      // Broadcast records of a throwaway chain would only clutter ./broadcast.
      env: { FOUNDRY_BROADCAST: join(deploymentsDir, 'broadcast') },
      onLine: (line) => {
        if (line.startsWith('Deploying')) say(`  │ ${line}`)
      },
      ...(signal ? { signal } : {}),
    })
  } finally {
    clearInterval(ticker)
  }
  signal?.throwIfAborted()
  if (result.code !== 0)
    throw new Error(`deploy.sh failed (exit ${result.code}):\n${result.stderr || result.stdout}`)
  const deployment = await loadDeployment(join(deploymentsDir, '31337.json'))
  say(`  ✓ deployed in ${seconds(started)} (block ${deployment.deploymentBlock})`)
  for (const [name, address] of [
    ['PRIME token', deployment.token],
    ['PrimeNetwork', deployment.primeNetwork],
    ['StakeManager', deployment.stakeManager],
    ['ComputeRegistry', deployment.computeRegistry],
    ['DomainRegistry', deployment.domainRegistry],
    ['ComputePool', deployment.computePool],
    ['RewardsDistributor', deployment.rewardsDistributor],
    ['WorkUnitsValidation', deployment.workValidation],
  ] as const)
    say(`    ${name.padEnd(19)} ${address}`)
  return deployment
}
