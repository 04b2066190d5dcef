// The packages as users get them: each is packed with pnpm, checked with publint and
// arethetypeswrong, and installed from its tarball outside the workspace, with everything else from
// the registry. The SDK is type-checked and run against anvil from a new project; the hooks are
// type-checked and rendered in a new React app; the CLI is installed globally into a temporary npm
// prefix and run as `prime`.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

const run = promisify(execFile)
const repo = resolve(import.meta.dirname, '../../..')
/** A tool of this package's (publint, attw). */
const bin = (name: string) => join(repo, 'cli/node_modules/.bin', name)
const pnpmExec = process.env.npm_execpath
/** pnpm itself: the one running this script, else the version the README names. */
const pnpm = (args: string[], cwd: string) =>
  pnpmExec?.endsWith('js')
    ? run(process.execPath, [pnpmExec, ...args], { cwd, maxBuffer: 64 << 20 })
    : run('npx', ['-y', 'pnpm@10.34.9', ...args], { cwd, maxBuffer: 64 << 20 })
/** Gzipped bytes (level 9) of one hook with what it pulls in, and of every hook at once. */
const hookBudget = 7 * 1024
const allHooksBudget = 16 * 1024
const npmInstall = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts']

let dir: string
const packages = ['sdk', 'cli', 'react'] as const
const tarballs: Record<(typeof packages)[number], string> = { sdk: '', cli: '', react: '' }
const version = async (pkg: string) =>
  JSON.parse(await readFile(join(repo, pkg, 'package.json'), 'utf8')).version as string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prime-packages-'))
  // Builds the SDK when its sources changed since its last build, then the CLI and the hooks.
  await pnpm(['run', 'build:cli'], repo)
  await pnpm(['--filter', '@prime-network/react', 'run', 'build'], repo)
  for (const pkg of packages) {
    await pnpm(['pack', '--pack-destination', dir], join(repo, pkg))
    tarballs[pkg] = join(dir, `prime-network-${pkg}-${await version(pkg)}.tgz`)
  }
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

/**
 * A new npm project `name` outside the workspace with `installs` (tarballs, registry specs) and a
 * strict tsconfig for `file` (emitted to out/), without @types/node: the packages must not need it.
 */
async function newApp(
  name: string,
  installs: string[],
  compilerOptions: Record<string, string>,
  file: string,
): Promise<string> {
  const app = join(dir, name)
  await mkdir(app)
  await writeFile(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }')
  await run('npm', [...npmInstall, ...installs], { cwd: app })
  await writeFile(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        skipLibCheck: true,
        types: [],
        outDir: 'out',
        ...compilerOptions,
      },
      files: [file],
    }),
  )
  return app
}

/** Compiles `app` with its tsconfig; tsc exits non-zero on a type error, printed on stdout. */
const typeCheck = (app: string) =>
  run(process.execPath, [join(repo, 'sdk/node_modules/typescript/bin/tsc'), '-p', app]).catch(
    (error: { stdout?: string }) => {
      throw new Error(`tsc failed:\n${error.stdout}`)
    },
  )

/**
 * A new React app with the packed SDK and hooks and their peers at the versions the hooks are
 * tested with, from the registry, and the hooks README's example: made once, for the tests that
 * use it.
 */
let reactAppInstall: Promise<string> | undefined
const reactApp = () => {
  reactAppInstall ??= (async () => {
    // The peers at the versions the hooks are tested with, from the registry.
    const { devDependencies: peers } = JSON.parse(
      await readFile(join(repo, 'react/package.json'), 'utf8'),
    )
    const peer = (name: string) => `${name}@${peers[name]}`
    // Made whole before any test uses it: esbuild (the size test) reads the tsconfig.json of the
    // folder it bundles from, and must never meet one half-written.
    const app = await newApp(
      'react-app',
      [
        tarballs.sdk,
        tarballs.react,
        ...['viem', 'wagmi', '@tanstack/react-query', 'react', 'react-dom', '@types/react'].map(
          peer,
        ),
      ],
      { jsx: 'react-jsx' },
      'PoolPanel.tsx',
    )
    // The hooks README's example, as a dApp would paste it.
    await writeFile(
      join(app, 'PoolPanel.tsx'),
      await readFile(join(repo, 'react/examples/PoolPanel.tsx'), 'utf8'),
    )
    return app
  })()
  return reactAppInstall
}

describe.concurrent('packed packages', () => {
  test.each(packages)('%s: publint and arethetypeswrong are clean', async (pkg) => {
    await run(bin('publint'), ['run', tarballs[pkg], '--strict'])
    // node16 and bundler resolution (Node 10's, without `exports`, is past: engines say >= 20).
    // The hooks ship ES modules only: their peer wagmi does too, so a CommonJS app could not run
    // them whatever they shipped; attw's one complaint there is exactly that.
    const esmOnly = pkg === 'react' ? ['--ignore-rules', 'cjs-resolves-to-esm'] : []
    await run(bin('attw'), [tarballs[pkg], '--profile', 'node16', ...esmOnly])
  })

  test('cli: one bundled file with its notices, nothing else to install', async () => {
    const { stdout: manifest } = await run('tar', ['-xzOf', tarballs.cli, 'package/package.json'])
    expect(JSON.parse(manifest).dependencies).toBeUndefined()
    const { stdout: listing } = await run('tar', ['-tzf', tarballs.cli])
    expect(listing.split('\n').filter(Boolean).sort()).toEqual([
      'package/README.md',
      'package/dist/THIRD-PARTY-NOTICES.md',
      'package/dist/prime.js',
      'package/package.json',
    ])
    // The bundled packages' licenses travel with their code.
    const { stdout: notices } = await run('tar', [
      '-xzOf',
      tarballs.cli,
      'package/dist/THIRD-PARTY-NOTICES.md',
    ])
    for (const bundled of ['viem', 'commander', 'zod', '@noble/hashes', 'picocolors'])
      expect(notices).toMatch(new RegExp(`^## ${bundled} \\S+ \\((MIT|ISC)\\)$`, 'm'))
    expect(notices).not.toContain('@prime-network/')
  })

  test('sdk: a new TypeScript project type-checks and runs against anvil', async () => {
    const { devDependencies } = JSON.parse(await readFile(join(repo, 'sdk/package.json'), 'utf8'))
    const app = await newApp(
      'sdk-app',
      [tarballs.sdk, `viem@${devDependencies.viem}`],
      {},
      'main.ts',
    )
    await writeFile(
      join(app, 'main.ts'),
      `import { loadDeployment, primeNetworkActions, type Provider } from '@prime-network/sdk'
import { primeTokenAbi } from '@prime-network/sdk/abis'
import { createWalletClient, http, publicActions } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'

// The project has no @types/node: the SDK must not need it.
declare const process: { argv: string[] }
const deployment = await loadDeployment(process.argv[3]!)
const account = mnemonicToAccount('test test test test test test test test test test test junk', { addressIndex: 9 })
const client = createWalletClient({ account, chain: anvil, transport: http(process.argv[2]) })
  .extend(publicActions)
  .extend(primeNetworkActions({ deployment }))
const amount = await client.getMinimumStake()
const { allowance } = await client.registerProvider({ amount })
const provider: Provider = await client.getProvider({ provider: account.address })
const symbol = await client.readContract({ address: deployment.token, abi: primeTokenAbi, functionName: 'symbol' })
console.log(JSON.stringify({ allowance: allowance.kind, staked: String((await client.getStake({ provider: account.address })).active === amount), whitelisted: provider.whitelisted, symbol }))
`,
    )
    await typeCheck(app) // and emits out/main.js
    const { stdout } = await run(process.execPath, [
      join(app, 'out/main.js'),
      inject('rpcUrl'),
      inject('deploymentPath'),
    ])
    expect(JSON.parse(stdout)).toEqual({
      allowance: 'permit',
      staked: 'true',
      whitelisted: false,
      symbol: 'PRIME',
    })
  })

  test('cli: installed globally, prime --version and a read on anvil', async () => {
    const prefix = join(dir, 'global')
    await run('npm', [...npmInstall, '-g', '--prefix', prefix, tarballs.cli])
    const prime = join(prefix, 'bin/prime')
    const home = join(dir, 'home')
    await mkdir(home)
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      PRIME_RPC_URL: inject('rpcUrl'),
      PRIME_DEPLOYMENT: inject('deploymentPath'),
    }
    const { stdout: printed } = await run(prime, ['--version'], { env })
    expect(printed.trim()).toBe(await version('cli'))
    const { stdout } = await run(prime, ['network', 'status', '--json'], { env })
    expect(JSON.parse(stdout)).toMatchObject({ chainId: 31337 })
  })
  test('react: a new React app type-checks the README example and renders it on one React', async () => {
    const app = await reactApp()
    await typeCheck(app)
    // Rendered inside the providers an app sets up: a second copy of React (or of wagmi or
    // TanStack Query) inside the package would fail here with an invalid hook call.
    await writeFile(
      join(app, 'main.js'),
      `import { PrimeNetworkProvider } from '@prime-network/react'
import { loadDeployment } from '@prime-network/sdk'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { http } from 'viem'
import { anvil } from 'viem/chains'
import { createConfig, WagmiProvider } from 'wagmi'
import { PoolPanel } from './out/PoolPanel.js'

const deployment = await loadDeployment(process.argv[3])
const config = createConfig({ chains: [anvil], transports: { [anvil.id]: http(process.argv[2]) } })
const panel = h(PoolPanel, { poolId: 1n, provider: deployment.primeNetwork })
const tree = h(WagmiProvider, { config }, h(QueryClientProvider, { client: new QueryClient() }, h(PrimeNetworkProvider, { deployment }, panel)))
console.log(renderToString(tree))
`,
    )
    const { stdout } = await run(process.execPath, [
      join(app, 'main.js'),
      inject('rpcUrl'),
      inject('deploymentPath'),
    ])
    // A server render runs no query: the panel shows its loading state.
    expect(stdout.trim()).toBe('<p>Loading…</p>')
  })
  test('react: what each hook costs a dApp, bundled from the installed tarballs', async () => {
    const app = await reactApp()
    const installed = join(app, 'node_modules/@prime-network/react/dist/index.js')
    const exported = /export \{([^}]*)\}/.exec(await readFile(installed, 'utf8'))![1]!
    const names = exported.split(',').map(
      (name) =>
        name
          .trim()
          .split(/\s+as\s+/)
          .at(-1)!,
    )
    const gzipped = async (contents: string) => {
      // As a dApp's bundler sees it: minified, the peers external (the app has them anyway), the
      // SDK bundled as far as the hooks use it.
      const { outputFiles } = await build({
        stdin: { contents, resolveDir: app, loader: 'js' },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        // `node:*`: the SDK's loadDeployment reads a file with Node's fs, imported only when
        // called (as in the SDK's own size benchmark).
        external: [
          'viem',
          'viem/*',
          'wagmi',
          'wagmi/*',
          'react',
          'react/*',
          '@tanstack/*',
          'node:*',
        ],
      })
      return gzipSync(outputFiles[0]!.contents, { level: 9 }).length
    }
    const sizes: Record<string, number> = Object.fromEntries(
      await Promise.all(
        names.map(async (name) => [
          name,
          await gzipped(`export { ${name} } from '@prime-network/react'`),
        ]),
      ),
    )
    // One hook and what it pulls in: a read hook is its SDK read (3.3 to 4.9 kB), a write hook
    // also carries the protocol's events, to refresh exactly what its transaction changed (5.4 to
    // 6.8 kB). Before the hooks were marked pure, any one hook cost 13.9 kB.
    expect(names).toContain('usePool')
    expect(Object.entries(sizes).filter(([, size]) => size > hookBudget)).toEqual([])
    expect(
      await gzipped(`import * as hooks from '@prime-network/react'\nconsole.log(hooks)`),
    ).toBeLessThanOrEqual(allHooksBudget)
  })
})
