import { execFile, spawn } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { loadDeployment, primeNetworkActions } from '@prime-network/sdk'
import { primeTokenAbi } from '@prime-network/sdk/abis'
import { createTestClient, createWalletClient, http, parseEther, publicActions } from 'viem'
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { inject } from 'vitest'

const cliRoot = join(import.meta.dirname, '..')
const repoRoot = join(cliRoot, '..')
/** The built binary, as its package installs it. */
export const bin = join(cliRoot, 'dist/prime.js')
const cast = join(repoRoot, 'contracts/tools/bin/cast')

let fileRpcUrl: string | undefined
/**
 * This test file's own chain: test/setup.ts starts a copy of the deployed chain for each file, so
 * files run side by side without sharing nonces, network parameters or time.
 */
export function rpcUrl(): string {
  if (fileRpcUrl === undefined) throw new Error('no chain for this file: test/setup.ts starts one')
  return fileRpcUrl
}
export function useChain(url: string) {
  fileRpcUrl = url
}

export type Run = {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

type PrimeOptions = { env?: Record<string, string | undefined>; home: string }

function primeEnv(options: PrimeOptions): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: options.home,
    NO_COLOR: '1',
    PRIME_RPC_URL: rpcUrl(),
    PRIME_DEPLOYMENT: inject('deploymentPath'),
    // Dry runs fork the chain with the project's anvil (an operator's comes with Foundry).
    PRIME_ANVIL: join(repoRoot, 'contracts/tools/bin/anvil'),
    // Under c8 (pnpm test), each prime process writes its V8 coverage there.
    NODE_V8_COVERAGE: process.env.NODE_V8_COVERAGE,
    ...options.env,
  }
}

/**
 * Runs the built `prime` binary as an operator would, with a throwaway HOME (so no real keystore
 * or config is read) and the test chain in the environment.
 */
export function prime(args: string[], options: PrimeOptions): Promise<Run> {
  return startPrime(args, options).done
}

/** Starts `prime` like {@link prime}, for a test that acts on the process while it runs. */
export function startPrime(args: string[], options: PrimeOptions) {
  return startProcess(process.execPath, [bin, ...args], primeEnv(options), options.home)
}

/** Runs `command` to its end in `cwd` with exactly `env` (unset entries left out), collecting its output. */
export function runProcess(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  cwd: string | undefined = env.HOME,
): Promise<Run> {
  return startProcess(command, args, env, cwd).done
}

/** Starts `command` like {@link runProcess}; `done` settles when it has exited and closed its output. */
export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  cwd: string | undefined = env.HOME,
) {
  const clean = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined))
  const child = spawn(command, args, { cwd, env: clean, stdio: ['ignore', 'pipe', 'pipe'] })
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d
    })
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
  return { child, done }
}

/**
 * Parsed `--json` output. Deliberately loose: each test asserts the exact values it relies on
 * against chain state, which checks the shape more strictly than a type would.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = any

/** Runs `prime ... --json`, expects exit 0 and returns the parsed result. */
export async function primeJson<result = Json>(
  args: string[],
  options: PrimeOptions,
): Promise<result> {
  const run = await prime([...args, '--json'], options)
  if (run.code !== 0)
    throw new Error(`prime ${args.join(' ')} exited ${run.code}:\n${run.stderr}\n${run.stdout}`)
  return JSON.parse(run.stdout) as result
}

export const makeHome = () => mkdtemp(join(tmpdir(), 'prime-cli-'))

const mnemonic = 'test test test test test test test test test test test junk'
/** anvil's dev account `index` (0 federator, 1 validator, all funded with PRIME by deploy.sh). */
export const dev = (index: number) => mnemonicToAccount(mnemonic, { addressIndex: index })

export function devPrivateKey(index: number): `0x${string}` {
  const key = dev(index).getHdKey().privateKey
  if (!key) throw new Error('no key')
  return `0x${Buffer.from(key).toString('hex')}`
}

/**
 * Imports dev account `index` (or a private key) into `<home>/.foundry/keystores/<name>` with
 * Foundry's own `cast wallet import`, so the CLI is tested on real keystores, not on its own format.
 */
export async function importKey(
  home: string,
  name: string,
  index: number | `0x${string}`,
  password: string,
) {
  await promisify(execFile)(
    cast,
    [
      'wallet',
      'import',
      name,
      '--private-key',
      typeof index === 'number' ? devPrivateKey(index) : index,
      '--keystore-dir',
      join(home, '.foundry/keystores'),
      '--unsafe-password',
      password,
    ],
    { env: { ...process.env, HOME: home } },
  )
  const passwordFile = join(home, `${name}.pw`)
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 })
  return passwordFile
}

/** An SDK client on the test chain, to check what the CLI did against chain state. */
export async function chain() {
  const deployment = await loadDeployment(inject('deploymentPath'))
  const client = createWalletClient({ chain: anvil, transport: http(rpcUrl()) })
    .extend(publicActions)
    .extend(primeNetworkActions({ deployment }))
  const testClient = createTestClient({
    chain: anvil,
    mode: 'anvil',
    transport: http(rpcUrl()),
  })
  return { client, testClient, deployment }
}

/**
 * A new account no other test uses, with 10 ETH for gas and `tokens` PRIME from the deployer's
 * mint. The transfer is test arrangement, not CLI. `env` signs as it (PRIME_PRIVATE_KEY).
 */
export async function freshAccount(tokens = parseEther('5000')) {
  const { client, testClient, deployment } = await chain()
  const key = generatePrivateKey()
  const { address } = privateKeyToAccount(key)
  await testClient.setBalance({ address, value: parseEther('10') })
  const hash = await client.writeContract({
    account: dev(0),
    address: deployment.token,
    abi: primeTokenAbi,
    functionName: 'transfer',
    args: [address, tokens],
  })
  await client.waitForTransactionReceipt({ hash })
  return { key, address, env: { PRIME_PRIVATE_KEY: key } }
}
