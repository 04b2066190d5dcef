import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createPublicClient, http } from 'viem'
import { expect, test } from 'vitest'
import { buildStep, dumpState, repoRoot, startAnvil, startDeployedChain } from '../src/index.js'

test('startDeployedChain: a chain with the protocol on it; stop ends anvil and removes the folder', async () => {
  const lines: string[] = []
  const chain = await startDeployedChain({ label: 'localnet-chain', onLine: (l) => lines.push(l) })
  expect(lines).toContain('Deploying Prime Network to chain 31337')
  expect(chain.dir.startsWith(join(repoRoot, 'deployments', 'localnet-chain-'))).toBe(true)
  expect(chain.deploymentPath).toBe(join(chain.dir, '31337.json'))
  const deployment = JSON.parse(await readFile(chain.deploymentPath, 'utf8'))
  const client = createPublicClient({ transport: http(chain.rpcUrl), cacheTime: 0 })
  expect(await client.getChainId()).toBe(31337)
  expect(await client.getCode({ address: deployment.primeNetwork })).toMatch(/^0x[0-9a-f]{100,}/)

  // A copy from its state: the same contracts, blocks and logs, and a life of its own.
  const copy = await startAnvil({ state: await dumpState(chain.rpcUrl) })
  const copyClient = createPublicClient({ transport: http(copy.rpcUrl), cacheTime: 0 })
  try {
    const head = await client.getBlockNumber()
    expect(await copyClient.getBlockNumber()).toBe(head)
    expect(await copyClient.getCode({ address: deployment.primeNetwork })).toBe(
      await client.getCode({ address: deployment.primeNetwork }),
    )
    const logs = await client.getLogs({ fromBlock: 0n })
    expect(logs.length).toBeGreaterThan(0)
    expect(await copyClient.getLogs({ fromBlock: 0n })).toEqual(logs)
    await copyClient.request({ method: 'evm_mine' } as never)
    expect(await copyClient.getBlockNumber()).toBe(head + 1n)
    expect(await client.getBlockNumber()).toBe(head)
  } finally {
    await copy.stop()
  }

  await chain.stop()
  expect(existsSync(chain.dir)).toBe(false)
  await expect(client.getBlockNumber()).rejects.toThrow()
  await chain.stop() // a second stop is harmless
})

test('a failed deploy throws with deploy.sh’s words and leaves neither anvil nor a folder behind', async () => {
  await mkdir(join(repoRoot, 'deployments'), { recursive: true }) // absent in a fresh clone
  const probe = await startAnvil()
  const { rpcUrl } = probe
  const port = Number(new URL(rpcUrl).port)
  await probe.stop()
  await expect(
    startDeployedChain({
      label: 'localnet-refused',
      port,
      chainId: 31338,
      env: { DEPLOYER_PRIVATE_KEY: undefined },
    }),
  ).rejects.toThrow(
    'deploy.sh failed (exit 1):\ndeploy.sh: chain 31338 is not a local anvil (31337): set DEPLOYER_PRIVATE_KEY',
  )
  // Only this chain's names: other suites make and remove their own chains' folders meanwhile.
  const after = await readdir(join(repoRoot, 'deployments'))
  expect(after.filter((name) => /^localnet-refused-|^31338\b/.test(name))).toEqual([])
  // The anvil it started is gone: nothing answers on its port.
  await expect(
    createPublicClient({ transport: http(rpcUrl, { retryCount: 0 }) }).getChainId(),
  ).rejects.toThrow()
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

test('startAnvil: a genesis time of our choosing, and the wall clock from there', async () => {
  // 2026-01-01T00:00:00Z: in the past, so later blocks (now plus the time since start) come after.
  const anvil = await startAnvil({ timestamp: 1_767_225_600n })
  try {
    const client = createPublicClient({ transport: http(anvil.rpcUrl), cacheTime: 0 })
    expect((await client.getBlock({ blockNumber: 0n })).timestamp).toBe(1_767_225_600n)
    await client.request({ method: 'evm_mine' } as never)
    const next = await client.getBlock()
    expect(next.number).toBe(1n)
    expect(next.timestamp).toBeGreaterThanOrEqual(1_767_225_600n)
    expect(next.timestamp).toBeLessThan(1_767_225_600n + 60n)
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
