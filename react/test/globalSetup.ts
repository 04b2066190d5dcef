import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { type Anvil, startAnvil } from '@prime-network/demo/anvil'
import { runDeployScript } from '@prime-network/demo/deploy'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    rpcUrl: string
    deploymentPath: string
  }
}

const repoRoot = join(import.meta.dirname, '../..')

let anvil: Anvil | undefined
let deploymentsDir: string | undefined

/** One anvil with the protocol deployed by ./deploy.sh, as a dApp's developer deploys it. */
export async function setup(project: TestProject) {
  // forge may write only under ./deployments (foundry.toml fs_permissions).
  await mkdir(join(repoRoot, 'deployments'), { recursive: true })
  deploymentsDir = await mkdtemp(join(repoRoot, 'deployments', 'react-test-'))
  anvil = await startAnvil()
  const result = await runDeployScript({
    rpcUrl: anvil.rpcUrl,
    deploymentsDir: relative(repoRoot, deploymentsDir),
    env: { FOUNDRY_BROADCAST: join(deploymentsDir, 'broadcast') },
  })
  if (result.code !== 0) {
    await teardown()
    throw new Error(`deploy.sh failed:\n${result.stderr}`)
  }
  project.provide('rpcUrl', anvil.rpcUrl)
  project.provide('deploymentPath', join(deploymentsDir, `${anvil.chainId}.json`))
}

export async function teardown() {
  await anvil?.stop()
  if (deploymentsDir) await rm(deploymentsDir, { recursive: true, force: true })
}
