// Builds the package as it would be published, installs the tarball into a fresh project next to
// viem (the workspace's copy, so no network is needed) and uses it from ESM, CommonJS and TypeScript.
// test:packages (cli/test/packages) does the same for every package with viem from the registry.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import * as sdk from '../src/index.js'
import { packSdk, sdkDir } from './pack.js'

const run = promisify(execFile)
const expectedExports = Object.keys(sdk).sort()

let dir: string
let app: string
let packedFiles: string[]

async function node(file: string) {
  const { stdout } = await run(process.execPath, [file], {
    cwd: app,
    env: {
      ...process.env,
      RPC_URL: inject('rpcUrl'),
      DEPLOYMENT_PATH: inject('deploymentPath'),
    },
  })
  return JSON.parse(stdout)
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prime-sdk-package-'))
  const tarball = await packSdk()
  const { stdout } = await run('tar', ['-tzf', tarball])
  packedFiles = stdout
    .split('\n')
    .filter(Boolean)
    .map((file) => file.replace(/^package\//, ''))

  app = join(dir, 'app')
  await mkdir(app)
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module' }),
  )
  // viem is a peer dependency; the workspace's copy stands in for the one a user installs.
  await run(
    'npm',
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--legacy-peer-deps',
      tarball,
    ],
    { cwd: app },
  )
  await symlink(
    await realpath(join(sdkDir, 'node_modules/viem')),
    join(app, 'node_modules/viem'),
    'dir',
  )
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

// Independent node and tsc processes: run them side by side.
describe.concurrent('the published package', () => {
  test('ships the builds and the sources, not the tests', () => {
    for (const file of [
      'package.json',
      'README.md',
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/index.d.cts',
      // ESM ships one module per source file, so bundlers drop what a dApp does not import.
      'dist/actions/registerProvider.js',
      'dist/contracts.js',
      'dist/contracts.cjs',
      'dist/contracts.d.ts',
      'dist/contracts.d.cts',
      'src/index.ts',
      'src/generated/abis.ts',
    ])
      expect(packedFiles).toContain(file)
    expect(packedFiles.filter((file) => /\.test(-d)?\.ts$/.test(file))).toEqual([])
    expect(packedFiles.filter((file) => file.startsWith('test/'))).toEqual([])
  })

  test('imports from ESM with every named export, and works against a chain', async () => {
    await writeFile(
      join(app, 'esm.js'),
      `import * as sdk from '@prime-network/sdk'
import { primeTokenAbi } from '@prime-network/sdk/abis'
import { createPublicClient, http } from 'viem'
import { anvil } from 'viem/chains'
const { ContractErrors, PrimeNetworkError, loadDeployment, primeNetworkActions } = sdk
const deployment = await loadDeployment(process.env.DEPLOYMENT_PATH)
const client = createPublicClient({ chain: anvil, transport: http(process.env.RPC_URL) })
  .extend(primeNetworkActions({ deployment }))
const error = await client.getPool({ poolId: 424242n }).catch((e) => e)
console.log(JSON.stringify({
  exports: Object.keys(sdk).sort(),
  fullAbis: primeTokenAbi.some((item) => item.name === 'permit'),
  minimumStake: String(await client.getMinimumStake()),
  typedError: error instanceof ContractErrors.PoolNotFound && error instanceof PrimeNetworkError,
}))
`,
    )
    expect(await node('esm.js')).toEqual({
      exports: expectedExports,
      fullAbis: true,
      minimumStake: String(await sdkMinimumStake()),
      typedError: true,
    })
  })

  test('requires from CommonJS with every named export', async () => {
    await writeFile(
      join(app, 'cjs.cjs'),
      `const sdk = require('@prime-network/sdk')
const { ContractErrors, decodeRevertData } = require('@prime-network/sdk')
const { encodeErrorResult } = require('viem')
const data = encodeErrorResult({ abi: sdk.protocolErrorsAbi, errorName: 'PoolNotFound', args: [7n] })
const error = decodeRevertData(data)
console.log(JSON.stringify({
  exports: Object.keys(sdk).sort(),
  decoded: error instanceof ContractErrors.PoolNotFound && error.args.poolId === 7n,
}))
`,
    )
    expect(await node('cjs.cjs')).toEqual({ exports: expectedExports, decoded: true })
  })

  test('type-checks a TypeScript consumer against the shipped declarations', async () => {
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    )
    await writeFile(
      join(app, 'consumer.ts'),
      `import { type Address, createWalletClient, http, publicActions } from 'viem'
import { anvil } from 'viem/chains'
import { type CreatePoolReturnType, ContractErrors, type PoolRewards, primeNetworkActions } from '@prime-network/sdk'

declare const account: Address
const client = createWalletClient({ account, chain: anvil, transport: http() })
  .extend(publicActions)
  .extend(primeNetworkActions())
export async function main(): Promise<bigint> {
  const created: CreatePoolReturnType = await client.createPool({
    domainId: 1n,
    computeManagerKey: account,
    name: 'p',
    poolDataURI: '',
  })
  const rewards: PoolRewards = await client.getPoolRewards({ poolId: created.poolId })
  try {
    await client.pause()
  } catch (error) {
    if (error instanceof ContractErrors.MissingRole) return BigInt(error.args.account.length)
  }
  return rewards.budget
}
`,
    )
    // tsc exits non-zero (and execFile rejects with its output) on any type error.
    await run(process.execPath, [join(sdkDir, 'node_modules/typescript/bin/tsc'), '-p', app])
    const { version } = JSON.parse(
      await readFile(join(app, 'node_modules/@prime-network/sdk/package.json'), 'utf8'),
    )
    expect(`@prime-network/sdk@${version}`).toBe(sdk.version)
  })
})

async function sdkMinimumStake() {
  const { createPublicClient, http } = await import('viem')
  const { anvil } = await import('viem/chains')
  const deployment = await sdk.loadDeployment(inject('deploymentPath'))
  return sdk.getMinimumStake(
    createPublicClient({ chain: anvil, transport: http(inject('rpcUrl')) }),
    {
      deployment,
    },
  )
}
