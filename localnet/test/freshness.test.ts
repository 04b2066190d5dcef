import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { isSdkBuilt } from '../src/freshness.mjs'

// A repository's layout in a temporary folder, so the test never touches the real sdk/dist.
let root: string
const files = [
  'contracts/src/A.sol',
  'sdk/src/index.ts',
  'sdk/src/generated/abis.ts',
  'sdk/package.json',
  'sdk/tsup.config.ts',
  'wagmi.config.ts',
  'foundry.toml',
  'sdk/dist/index.js',
  'sdk/dist/index.d.ts',
]
const at = async (path: string, seconds: number) => {
  await utimes(join(root, path), seconds, seconds)
  await utimes(dirname(join(root, path)), seconds, seconds)
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'localnet-freshness-'))
  for (const file of files) {
    await mkdir(dirname(join(root, file)), { recursive: true })
    await writeFile(join(root, file), '')
  }
  for (const file of files) await at(file, file.startsWith('sdk/dist') ? 2_000 : 1_000)
})
afterAll(() => rm(root, { recursive: true, force: true }))

test('sdk/dist is built when newer than every input; a regenerated ABI file is no input', async () => {
  expect(isSdkBuilt(root)).toBe(true)
  // `generate` rewrites sdk/src/generated: derived, so the build stays current.
  await at('sdk/src/generated/abis.ts', 3_000)
  expect(isSdkBuilt(root)).toBe(true)
  await at('sdk/src/generated/abis.ts', 1_000)
  // A contract or an SDK source edited after the build makes it stale.
  for (const input of ['contracts/src/A.sol', 'sdk/src/index.ts', 'wagmi.config.ts']) {
    await at(input, 3_000)
    expect(isSdkBuilt(root), input).toBe(false)
    await at(input, 1_000)
  }
  expect(isSdkBuilt(root)).toBe(true)
  await rm(join(root, 'sdk/dist/index.d.ts'))
  expect(isSdkBuilt(root)).toBe(false)
})
