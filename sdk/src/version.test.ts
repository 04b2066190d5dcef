import { readFile } from 'node:fs/promises'
import { expect, test } from 'vitest'
import { version } from './version.js'

// package.json is the one source of the version (changesets bumps it). version.ts carries a copy
// because importing package.json would put the whole manifest in every dApp's bundle; this test
// fails the moment the copy goes stale.
test('version is the package.json version', async () => {
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
  expect(version).toBe(`${manifest.name}@${manifest.version}`)
})
