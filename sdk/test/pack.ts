// The SDK as npm users get it: packed from its current build (or built from a staged copy), once per
// set of inputs (the tarball is cached under the OS temp folder by a hash of everything that goes
// in), so the package test and the size benchmark share one tarball.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { isSdkBuilt } from '@prime-network/localnet/freshness'

const run = promisify(execFile)
export const sdkDir = resolve(import.meta.dirname, '..')
const inputs = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'tsup.config.ts',
  'tsconfig.json',
  'src',
]

async function files(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined)
  if (!info) return []
  if (!info.isDirectory()) return [path]
  const entries = (await readdir(path)).sort()
  return (await Promise.all(entries.map((entry) => files(join(path, entry))))).flat()
}

async function inputHash() {
  const hash = createHash('sha256')
  for (const input of inputs)
    for (const file of await files(join(sdkDir, input))) {
      hash.update(file.slice(sdkDir.length))
      hash.update(await readFile(file))
    }
  return hash.digest('hex').slice(0, 16)
}

/** Builds and packs the SDK (or reuses the tarball of identical inputs); returns its path. */
export async function packSdk(): Promise<string> {
  const cache = join(tmpdir(), `prime-sdk-pack-${await inputHash()}`)
  const { version } = JSON.parse(await readFile(join(sdkDir, 'package.json'), 'utf8'))
  const tarball = join(cache, `prime-network-sdk-${version}.tgz`)
  if (await stat(tarball).catch(() => undefined)) return tarball

  const work = await mkdtemp(join(tmpdir(), 'prime-sdk-stage-'))
  try {
    // sdk/dist when it is current (`pnpm test` builds it first): packing reads it, nothing
    // rewrites it. Otherwise a build of a copy, so a concurrent user of sdk/dist is not disturbed;
    // built with the package's own config, sources and package.json, it must not reach outside
    // itself.
    let packed = sdkDir
    if (!isSdkBuilt(join(sdkDir, '..'))) {
      packed = join(work, 'stage')
      await mkdir(packed)
      for (const input of inputs)
        await cp(join(sdkDir, input), join(packed, input), { recursive: true }).catch(
          (error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error
          },
        )
      await symlink(join(sdkDir, 'node_modules'), join(packed, 'node_modules'), 'dir')
      await run(join(sdkDir, 'node_modules/.bin/tsup'), [], { cwd: packed })
    }
    const out = join(work, 'out')
    await mkdir(out)
    await run('npm', ['pack', '--silent', '--pack-destination', out], { cwd: packed })
    await mkdir(cache, { recursive: true })
    // A rename is atomic: a concurrent run sees no tarball or a whole one.
    await rename(join(out, `prime-network-sdk-${version}.tgz`), tarball)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return tarball
}

/**
 * A new npm project in the temp folder (outside the workspace, so nothing resolves from it) with
 * `packages` installed: tarball paths or registry specs.
 */
export async function newProject(packages: string[]): Promise<string> {
  const app = await mkdtemp(join(tmpdir(), 'prime-sdk-app-'))
  await run('npm', ['init', '-y'], { cwd: app })
  await run('npm', ['pkg', 'set', 'type=module', 'private=true'], { cwd: app })
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...packages],
    { cwd: app },
  )
  return app
}

/** The viem version the SDK is developed and tested with (its devDependency). */
export async function viemVersion(): Promise<string> {
  const { devDependencies } = JSON.parse(await readFile(join(sdkDir, 'package.json'), 'utf8'))
  return devDependencies.viem
}
