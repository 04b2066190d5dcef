import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { TestProject } from 'vitest/node'
import { freePort, packageRoot } from './harness.js'

const run = promisify(execFile)

/**
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
  project.provide('postgresUrl', '')
  if (process.env.PRIME_TEST_DATABASE !== 'postgres') return
  const dir = await mkdtemp(join(tmpdir(), 'prime-indexer-postgres-'))
  const script = join(packageRoot, 'scripts/postgres.sh')
  const data = join(dir, 'data')
  const { stdout } = await run(script, ['start', data, String(await freePort())])
  project.provide('postgresUrl', stdout.trim())
  return async () => {
    await run(script, ['stop', data])
    await rm(dir, { recursive: true, force: true })
  }
}
