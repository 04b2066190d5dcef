import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { Instance } from 'prool'
import type { TestProject } from 'vitest/node'
import './polyfills.js'

const root = resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

/** The project's shims run the native binaries (the npm wrappers drop exit statuses). */
const bin = (tool: 'anvil' | 'forge') => join(root, 'contracts/tools/bin', tool)

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolvePort(port))
    })
  })
}

type AnvilInstance = ReturnType<ReturnType<typeof Instance.anvil>['create']>

async function startAnvil(chainId: number) {
  const port = await freePort()
  const instance = Instance.anvil(
    { binary: bin('anvil'), chainId, port },
    { timeout: 30_000 },
  ).create({ port })
  await instance.start()
  return { instance, rpcUrl: `http://127.0.0.1:${port}` }
}

async function stopAnvil(instance: AnvilInstance) {
  // prool's own stop sends SIGTERM and can stall for seconds; anvil exits at once on SIGINT.
  const child = (instance as { _internal: { process?: import('node:child_process').ChildProcess } })
    ._internal.process
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGINT')
    await exited
  }
  await instance.stop().catch(() => {})
}

/** Deploys with the project's own deploy script; `env` adds keys for non-local chains. */
async function deploy(
  rpcUrl: string,
  deploymentsDir: string,
  broadcastDir: string,
  env: Record<string, string> = {},
) {
  await run(
    bin('forge'),
    ['script', 'contracts/script/Deploy.s.sol', '--rpc-url', rpcUrl, '--broadcast'],
    {
      cwd: root,
      env: {
        ...process.env,
        DEPLOYMENTS_DIR: deploymentsDir,
        FOUNDRY_BROADCAST: broadcastDir,
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  )
}

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
  // Deploy output must stay under ./deployments (forge's fs_permissions); one folder per run.
  await mkdir(join(root, 'deployments'), { recursive: true })
  const deploymentsDir = await mkdtemp(join(root, 'deployments', 'sdk-test-'))
  const broadcastDir = await mkdtemp(join(tmpdir(), 'prime-sdk-broadcast-'))
  const relativeDir = relative(root, deploymentsDir)
  const [main, other] = await Promise.all([startAnvil(31337), startAnvil(31338)])
  try {
    // One after the other: both forge processes share the build cache.
    await deploy(main.rpcUrl, relativeDir, broadcastDir)
    await deploy(other.rpcUrl, relativeDir, broadcastDir, devKeys)
  } catch (error) {
    await Promise.all([stopAnvil(main.instance), stopAnvil(other.instance)])
    throw error
  }
  project.provide('rpcUrl', main.rpcUrl)
  project.provide('deploymentPath', join(deploymentsDir, '31337.json'))
  project.provide('otherRpcUrl', other.rpcUrl)
  project.provide('otherDeploymentPath', join(deploymentsDir, '31338.json'))

  return async () => {
    await Promise.all([stopAnvil(main.instance), stopAnvil(other.instance)])
    await rm(deploymentsDir, { recursive: true, force: true })
    await rm(broadcastDir, { recursive: true, force: true })
  }
}
