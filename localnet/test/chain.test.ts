import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createPublicClient, http } from 'viem'
import { expect, test } from 'vitest'
import { buildStep, repoRoot, startAnvil, startDeployedChain } from '../src/index.js'

test('startDeployedChain: a chain with the protocol on it; stop ends anvil and removes the folder', async () => {
  const lines: string[] = []
  const chain = await startDeployedChain({ label: 'localnet-chain', onLine: (l) => lines.push(l) })
  expect(lines).toContain('Deploying Prime Network to chain 31337')
  expect(chain.dir.startsWith(join(repoRoot, 'deployments', 'localnet-chain-'))).toBe(true)
  expect(chain.deploymentPath).toBe(join(chain.dir, '31337.json'))
  const deployment = JSON.parse(await readFile(chain.deploymentPath, 'utf8'))
  const client = createPublicClient({ transport: http(chain.rpcUrl) })
  expect(await client.getChainId()).toBe(31337)
  expect(await client.getCode({ address: deployment.primeNetwork })).toMatch(/^0x[0-9a-f]{100,}/)

  await chain.stop()
  expect(existsSync(chain.dir)).toBe(false)
  await expect(client.getBlockNumber()).rejects.toThrow()
  await chain.stop() // a second stop is harmless
})

test('a failed deploy throws with deploy.sh’s words and leaves neither anvil nor a folder behind', async () => {
  const before = await readdir(join(repoRoot, 'deployments'))
  await expect(
    startDeployedChain({
      label: 'localnet-refused',
      chainId: 31338,
      env: { DEPLOYER_PRIVATE_KEY: undefined },
    }),
  ).rejects.toThrow(
    'deploy.sh failed (exit 1):\ndeploy.sh: chain 31338 is not a local anvil (31337): set DEPLOYER_PRIVATE_KEY',
  )
  const after = await readdir(join(repoRoot, 'deployments'))
  expect(after.filter((name) => name.startsWith('localnet-refused-'))).toEqual([])
  expect(after.length).toBe(before.length)
})

test('startAnvil: a given port and block time', async () => {
  const probe = await startAnvil()
  const port = Number(new URL(probe.rpcUrl).port)
  await probe.stop()
  const anvil = await startAnvil({ port, blockTime: 1 })
  try {
    expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${port}`)
    const client = createPublicClient({ transport: http(anvil.rpcUrl), pollingInterval: 100 })
    const first = await client.getBlockNumber()
    // With --block-time, blocks come without transactions: wait for the next one.
    await new Promise<void>((resolve) => {
      const unwatch = client.watchBlockNumber({
        onBlockNumber: (n) => {
          if (n > first) {
            unwatch()
            resolve()
          }
        },
      })
    })
  } finally {
    await anvil.stop()
  }
})

test('buildStep names each step of the SDK build from the lines its tools print', () => {
  const lines = [
    '> prime-network@ build:contracts /work/main',
    "> contracts/tools/bin/forge build --via-ir --skip 'contracts/test/**'",
    'Compiling 46 files with Solc 0.8.30',
    'Solc 0.8.30 finished in 41.37s',
    'Compiler run successful!',
    '- Validating plugins',
    '✔ Resolving contracts',
    'CLI tsup v8.5.1',
    'ESM Build start',
    'ESM dist/index.js 2.1 KB',
    'DTS Build start',
  ]
  expect(lines.map(buildStep)).toEqual([
    undefined,
    'checking the contracts (forge build)',
    'compiling 46 contract files with Solc 0.8.30 (via IR)',
    'contracts compiled',
    undefined,
    'writing the ABIs (wagmi generate)',
    'writing the ABIs (wagmi generate)',
    undefined,
    'bundling the modules (tsup)',
    undefined,
    'writing the type declarations (tsup)',
  ])
  expect(buildStep('No files changed, compilation skipped')).toBe('contracts up to date')
})
