import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join, relative } from 'node:path'
import {
  type Address,
  createPublicClient,
  createTestClient,
  type Hex,
  http,
  parseAbi,
  parseEther,
} from 'viem'
import { anvil as anvilChain } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Anvil, repoRoot, runDeployScript, startAnvil } from '../src/index.js'

/**
 * The deployment file's fields, read as JSON: the SDK's loadDeployment checks them for its users
 * (and its own tests use this package), so this package does not depend on the SDK.
 */
type DeploymentFile = {
  chainId: number
  deploymentBlock: number
  token: Address
  primeNetwork: Address
  stakeManager: Address
  computeRegistry: Address
  domainRegistry: Address
  computePool: Address
  rewardsDistributor: Address
  multicall3: Address
}
const readDeployment = async (path: string): Promise<DeploymentFile> =>
  JSON.parse(await readFile(path, 'utf8'))
const primeNetworkAbi = parseAbi([
  'function token() view returns (address)',
  'function stakeMinimum() view returns (uint256)',
])

// Keys a developer may have exported; each case decides for itself.
const noKeys = {
  DEPLOYER_PRIVATE_KEY: undefined,
  FEDERATOR_PRIVATE_KEY: undefined,
  VALIDATOR_PRIVATE_KEY: undefined,
}

describe('deploy.sh on a local anvil', () => {
  let anvil: Anvil
  let deploymentsDir: string
  beforeAll(async () => {
    anvil = await startAnvil()
    // forge may write only under ./deployments (foundry.toml fs_permissions).
    deploymentsDir = await mkdtemp(join(repoRoot, 'deployments', 'localnet-test-'))
  })
  afterAll(async () => {
    await anvil?.stop()
    await rm(deploymentsDir, { recursive: true, force: true })
  })

  test('writes a deployment file of the contracts it deployed; re-running deploys a fresh set', async () => {
    const deploy = () =>
      runDeployScript({
        rpcUrl: anvil.rpcUrl,
        deploymentsDir: relative(repoRoot, deploymentsDir),
        env: { ...noKeys, FOUNDRY_BROADCAST: join(deploymentsDir, 'broadcast') },
      })
    const first = await deploy()
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('Deploying Prime Network to chain 31337\n')
    const deployment = await readDeployment(join(deploymentsDir, '31337.json'))
    expect(deployment.chainId).toBe(31337)

    const client = createPublicClient({ chain: anvilChain, transport: http(anvil.rpcUrl) })
    expect(
      await client.readContract({
        address: deployment.primeNetwork,
        abi: primeNetworkAbi,
        functionName: 'stakeMinimum',
      }),
    ).toBe(parseEther('100'))
    expect(
      await client.readContract({
        address: deployment.primeNetwork,
        abi: primeNetworkAbi,
        functionName: 'token',
      }),
    ).toBe(deployment.token)

    // The script deploys the production build of contracts/src (via-IR, optimizer), the same
    // artifacts the Foundry tests deploy: on-chain code equals the artifact's, immutables aside.
    const deployed: Record<string, Address> = {
      PrimeToken: deployment.token,
      PrimeNetwork: deployment.primeNetwork,
      StakeManager: deployment.stakeManager,
      ComputeRegistry: deployment.computeRegistry,
      DomainRegistry: deployment.domainRegistry,
      ComputePool: deployment.computePool,
      RewardsDistributor: deployment.rewardsDistributor,
      // A bare anvil has no Multicall3: the script deploys the BatchReader for batched reads.
      BatchReader: deployment.multicall3,
    }
    for (const [name, address] of Object.entries(deployed)) {
      const artifact = await readArtifact(name)
      expect(artifact.metadata.settings.viaIR, `${name} built via IR`).toBe(true)
      expect(artifact.metadata.settings.optimizer, `${name} optimized`).toEqual({
        enabled: true,
        runs: 10_000,
      })
      const code = (await client.getCode({ address })) as Hex
      const ranges = Object.values(artifact.deployedBytecode.immutableReferences ?? {}).flat()
      expect(maskImmutables(code, ranges), `${name} code`).toBe(
        maskImmutables(artifact.deployedBytecode.object, ranges),
      )
    }

    // Where the chain has Multicall3 at its usual address, the file names that one instead.
    const multicall3 = '0xcA11bde05977b3631167028862bE2a173976CA11'
    const bytecode = (await client.getCode({ address: deployment.multicall3 })) as Hex
    await createTestClient({
      chain: anvilChain,
      mode: 'anvil',
      transport: http(anvil.rpcUrl),
    }).setCode({ address: multicall3, bytecode })
    const second = await deploy()
    expect(second.code).toBe(0)
    const again = await readDeployment(join(deploymentsDir, '31337.json'))
    expect(again.primeNetwork).not.toBe(deployment.primeNetwork)
    expect(again.deploymentBlock).toBeGreaterThan(deployment.deploymentBlock)
    expect(again.multicall3).toBe(multicall3)
  })
})

type Artifact = {
  deployedBytecode: {
    object: Hex
    immutableReferences?: Record<string, { start: number; length: number }[]>
  }
  metadata: { settings: { viaIR?: boolean; optimizer: { enabled: boolean; runs: number } } }
}

async function readArtifact(name: string): Promise<Artifact> {
  return JSON.parse(await readFile(join(repoRoot, 'out', `${name}.sol`, `${name}.json`), 'utf8'))
}

/** `code` with the bytes of each immutable (set by the constructor) zeroed. */
function maskImmutables(code: Hex, ranges: { start: number; length: number }[]): string {
  let hex = code.slice(2).toLowerCase()
  for (const { start, length } of ranges)
    hex = hex.slice(0, 2 * start) + '0'.repeat(2 * length) + hex.slice(2 * (start + length))
  return hex
}

test('deploy.sh fails clearly when nothing answers at RPC_URL, and never prints the URL', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
  // Credentials and an API key, as hosted RPC URLs carry them.
  const rpcUrl = `http://operator:rpc-secret@127.0.0.1:${port}/v3/secret-api-key`
  const result = await runDeployScript({ rpcUrl, env: noKeys })
  expect(result.code).toBe(1)
  expect(result.stderr).toBe(
    'deploy.sh: nothing answers at RPC_URL: start anvil (or your node) first, or set RPC_URL\n',
  )
  expect(result.stdout).toBe('')
})

test('deploy.sh refuses a chain other than 31337 without explicit keys', async () => {
  const anvil = await startAnvil({ chainId: 31338 })
  try {
    const result = await runDeployScript({ rpcUrl: anvil.rpcUrl, env: noKeys })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'deploy.sh: chain 31338 is not a local anvil (31337): set DEPLOYER_PRIVATE_KEY; dev keys are only used locally\n',
    )
    expect(result.stdout).toBe('')
  } finally {
    await anvil.stop()
  }
})
