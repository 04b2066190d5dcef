import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { contractAbis } from '../abis.js'
import { packageRoot } from './harness.js'

/** Every `on('Contract:Event', …)` registration in the handler files. */
async function registeredHandlers() {
  const dir = join(packageRoot, 'src')
  const files = (await readdir(dir)).filter((file) => file.endsWith('.ts'))
  const names: string[] = []
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8')
    for (const match of text.matchAll(/\bon\(\s*'(\w+:\w+)'/g)) names.push(match[1]!)
  }
  return names
}

const abiEvents = Object.entries(contractAbis).flatMap(([contract, abi]) =>
  abi.filter((item) => item.type === 'event').map((item) => `${contract}:${item.name}`),
)

test('every event in the indexed contracts’ ABIs has a handler', async () => {
  const handled = new Set(await registeredHandlers())
  expect(abiEvents.filter((name) => !handled.has(name))).toEqual([])
})

test('every handler is for an event in the ABIs, and registered once', async () => {
  const handlers = await registeredHandlers()
  expect(handlers.filter((name) => !abiEvents.includes(name))).toEqual([])
  expect(handlers.length).toBe(new Set(handlers).size)
  expect(handlers.length).toBe(abiEvents.length)
})
