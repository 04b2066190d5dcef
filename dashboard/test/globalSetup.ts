import type { TestProject } from 'vitest/node'
import { type Stack, startStack } from '../scripts/stack.js'

declare module 'vitest' {
  export interface ProvidedContext {
    dashboard: {
      url: string
      rpcUrl: string
      deploymentPath: string
      indexerUrl: string
      poolId: string
    }
  }
}

let stack: Stack | undefined

export default async function setup(project: TestProject) {
  stack = await startStack({
    // Automine: the chain moves only when a test sends or mines, so every figure a test compares
    // stays put between the page's read and the SDK's.
    blockTime: 0,
    pollingInterval: 200,
    // 2026-01-01T00:00:00Z, then one second a block: each run builds the same chain, so the
    // screenshots of an unchanged page come out the same and a run leaves git clean.
    fixedClock: 1_767_225_600n,
  })
  project.provide('dashboard', {
    url: stack.url,
    rpcUrl: stack.rpcUrl,
    deploymentPath: stack.deploymentPath,
    indexerUrl: stack.indexerUrl!,
    poolId: String(stack.story!.poolId),
  })
  return async () => {
    await stack?.stop()
  }
}
