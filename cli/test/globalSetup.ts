import { type DeployedChain, dumpState, startDeployedChain } from '@prime-network/localnet'
import type { Hex } from 'viem'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    rpcUrl: string
    deploymentPath: string
    /** The deployed chain's state, from which test/setup.ts starts each file's own copy. */
    chainState: Hex
  }
}

let chain: DeployedChain | undefined

/** One anvil with the protocol deployed by ./deploy.sh, the way an operator deploys it. */
export async function setup(project: TestProject) {
  chain = await startDeployedChain({ label: 'cli-test' })
  project.provide('rpcUrl', chain.rpcUrl)
  project.provide('deploymentPath', chain.deploymentPath)
  project.provide('chainState', await dumpState(chain.rpcUrl))
}

export async function teardown() {
  await chain?.stop()
}
