import { rmSync } from 'node:fs'
import { type Anvil, type Deployed, deployProtocol, startAnvil } from '@prime-network/localnet'
import { loadDeployment } from '@prime-network/sdk'
import { acts } from './acts.js'
import type { Sink } from './format.js'
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
  let deployed: (Deployed & { started: number }) | undefined
  // Cleans up at once: a caller that was interrupted may exit before the `finally` below runs.
  const stopOnAbort = () => {
    anvil?.kill()
    if (deployed) rmSync(deployed.dir, { recursive: true, force: true })
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
    deployed = await deploy(say, anvil.rpcUrl, signal)
    const deployment = await loadDeployment(deployed.deploymentPath)
    say(`  ✓ deployed in ${seconds(deployed.started)} (block ${deployment.deploymentBlock})`)
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
    await deployed?.remove()
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

async function deploy(say: Say, rpcUrl: string, signal?: AbortSignal) {
  const started = Date.now()
  // forge prints nothing while it compiles (tens of seconds on the first run): show it is alive.
  const ticker = setInterval(
    () =>
      say(
        `  … ${seconds(started)}: forge is compiling and broadcasting (first run compiles everything)`,
      ),
    5_000,
  )
  try {
    const deployed = await deployProtocol({
      label: 'demo',
      rpcUrl,
      onLine: (line) => {
        if (line.startsWith('Deploying')) say(`  │ ${line}`)
      },
      ...(signal ? { signal } : {}),
    })
    return { ...deployed, started }
  } finally {
    clearInterval(ticker)
  }
}
