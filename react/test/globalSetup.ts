import { type DeployedChain, startDeployedChain } from '@prime-network/localnet'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    rpcUrl: string
    deploymentPath: string
  }
}

let chain: DeployedChain | undefined

/** One anvil with the protocol deployed by ./deploy.sh, the way a dApp's developer deploys it. */
export async function setup(project: TestProject) {
  chain = await startDeployedChain({ label: 'react-test' })
  project.provide('rpcUrl', chain.rpcUrl)
  project.provide('deploymentPath', chain.deploymentPath)
}

export async function teardown() {
  await chain?.stop()
}
