import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { dumpState, startDeployedChain } from '@prime-network/localnet'
import type { TestProject } from 'vitest/node'
import { freePort, packageRoot } from './harness.js'

const run = promisify(execFile)

/**
 * One deployment by ./deploy.sh for the whole run; each file starts copies of it (startChain).
 *
 * With PRIME_TEST_DATABASE=postgres, every test runs against a throwaway Postgres cluster
 * (scripts/postgres.sh), each indexer in a database of its own; otherwise each uses PGlite.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's URL, or '' when the tests use PGlite. */
    postgresUrl: string
  }
}

export default async function setup(project: TestProject) {
  const chain = await startDeployedChain({ label: 'indexer-test' })
  try {
    project.provide('chainState', await dumpState(chain.rpcUrl))
    project.provide('deploymentPath', chain.deploymentPath)
  } catch (error) {
    await chain.stop()
    throw error
  }
  project.provide('postgresUrl', '')
  if (process.env.PRIME_TEST_DATABASE !== 'postgres') return () => chain.stop()
  const dir = await mkdtemp(join(tmpdir(), 'prime-indexer-postgres-'))
  const script = join(packageRoot, 'scripts/postgres.sh')
  const data = join(dir, 'data')
  const stopCluster = async () => {
    await run(script, ['stop', data])
    await rm(dir, { recursive: true, force: true })
  }
  try {
    const { stdout } = await run(script, ['start', data, String(await freePort())])
    project.provide('postgresUrl', stdout.trim())
  } catch (error) {
    await Promise.all([chain.stop(), rm(dir, { recursive: true, force: true })])
    throw error
  }
  return () => Promise.all([chain.stop(), stopCluster()])
}
