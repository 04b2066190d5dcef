import { deployProtocol, startAnvil } from '@prime-network/localnet'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    rpcUrl: string
    deploymentPath: string
    otherRpcUrl: string
    otherDeploymentPath: string
  }
}

// anvil's dev keys (accounts 0 and 1), needed explicitly on a chain id other than 31337.
const devKeys = {
  DEPLOYER_PRIVATE_KEY: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  FEDERATOR_PRIVATE_KEY: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  VALIDATOR_PRIVATE_KEY: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6f2ff80d',
}

export default async function setup(project: TestProject) {
  const [main, other] = await Promise.all([startAnvil(), startAnvil({ chainId: 31338 })])
  const stopChains = () => Promise.all([main.stop(), other.stop()])
  try {
    // One after the other: both forge processes share the build cache.
    const mainDeployment = await deployProtocol({ label: 'sdk-test', rpcUrl: main.rpcUrl })
    const otherDeployment = await deployProtocol({
      label: 'sdk-test',
      rpcUrl: other.rpcUrl,
      env: devKeys,
    }).catch(async (error) => {
      await mainDeployment.remove()
      throw error
    })
    project.provide('rpcUrl', main.rpcUrl)
    project.provide('deploymentPath', mainDeployment.deploymentPath)
    project.provide('otherRpcUrl', other.rpcUrl)
    project.provide('otherDeploymentPath', otherDeployment.deploymentPath)
    return async () => {
      await stopChains()
      await Promise.all([mainDeployment.remove(), otherDeployment.remove()])
    }
  } catch (error) {
    await stopChains()
    throw error
  }
}
