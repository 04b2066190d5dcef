import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { createStore, freePort, packageRoot, runIndexerToExit, type Store } from './harness.js'

let dir: string
let store: Store
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prime-indexer-config-'))
  store = await createStore()
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await store.drop()
})

const deployment = {
  chainId: 31337,
  deploymentBlock: 0,
  token: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  primeNetwork: '0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e',
  stakeManager: '0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0',
  computeRegistry: '0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82',
  domainRegistry: '0x9A676e781A523b5d0C0e43731313A708CB607508',
  computePool: '0x0B306BF915C4d645ff596e518fAf3F9669b97016',
  rewardsDistributor: '0x959922bE3CAee4b8Cd9a407cc3ac1C251C2007B1',
}

// The configuration is checked before any database is opened: one pass (PGlite) is enough.
describe.skipIf(inject('postgresUrl'))(
  'bad configuration stops the indexer with a clear message',
  () => {
    test('a missing deployment file', async () => {
      const { code, output } = await runIndexerToExit({
        chain: { rpcUrl: 'http://127.0.0.1:1', deploymentPath: join(dir, 'missing.json') },
        store,
      })
      expect(code).not.toBe(0)
      expect(output).toContain(
        `cannot read the deployment file ${join(dir, 'missing.json')} (ENOENT)`,
      )
      expect(output).toContain('Set PRIME_DEPLOYMENT')
    })

    test('a file that is not a deployment', async () => {
      const path = join(dir, 'broken.json')
      await writeFile(path, JSON.stringify({ ...deployment, computePool: 'nope' }))
      const { code, output } = await runIndexerToExit({
        chain: { rpcUrl: 'http://127.0.0.1:1', deploymentPath: path },
        store,
      })
      expect(code).not.toBe(0)
      expect(output).toContain(`${path} is not a deployment file`)
      expect(output).toContain('deployment.computePool')
    })

    test('an RPC URL nothing answers at, without printing its path (API keys live there)', async () => {
      const path = join(dir, '31337.json')
      await writeFile(path, JSON.stringify(deployment))
      const port = await freePort()
      const { code, output } = await runIndexerToExit({
        chain: { rpcUrl: `http://127.0.0.1:${port}/v2/secret-api-key`, deploymentPath: path },
        store,
      })
      expect(code).not.toBe(0)
      expect(output).toContain(`no JSON-RPC answer at http://127.0.0.1:${port}`)
      expect(output).toContain('Set PRIME_RPC_URL')
      expect(output).not.toContain('secret-api-key')
    })

    test('a web origin with a path in PRIME_INDEXER_ORIGINS', async () => {
      const { code, output } = await runIndexerToExit({
        chain: { rpcUrl: 'http://127.0.0.1:1', deploymentPath: join(dir, 'missing.json') },
        store,
        env: { PRIME_INDEXER_ORIGINS: 'http://localhost:5173, https://app.example.org/' },
      })
      expect(code).not.toBe(0)
      expect(output).toContain(
        `PRIME_INDEXER_ORIGINS holds 'https://app.example.org/', which is not a web origin (scheme://host[:port], no path), or '*'.`,
      )
    })

    test('a relative PRIME_DEPLOYMENT is read from where the command was typed', async () => {
      // pnpm runs the script in indexer/ and passes the user's directory on as INIT_CWD.
      const { code, output } = await runIndexerToExit({
        chain: { rpcUrl: 'http://127.0.0.1:1', deploymentPath: 'deployments/31337.json' },
        store,
        env: { INIT_CWD: dir },
      })
      expect(code).not.toBe(0)
      expect(output).toContain(
        `cannot read the deployment file ${join(dir, 'deployments/31337.json')} (ENOENT)`,
      )
    })

    test('without PRIME_DEPLOYMENT it reads deployments/31337.json at the repository root', async () => {
      const { code, output } = await runIndexerToExit({
        chain: { rpcUrl: 'http://127.0.0.1:1', deploymentPath: '' },
        store,
      })
      expect(code).not.toBe(0)
      // Whether or not this checkout has a local deployment: the file, or the chain it points at.
      expect(output).toMatch(
        new RegExp(
          `cannot read the deployment file ${join(packageRoot, '../deployments/31337.json')}|no JSON-RPC answer at http://127.0.0.1:1`,
        ),
      )
    })
  },
)
