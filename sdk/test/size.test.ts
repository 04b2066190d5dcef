import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'

// What importing one standalone action costs a dApp: the SDK code and ABIs it pulls in, minified
// and gzipped, with viem (a peer dependency the dApp has anyway) left out.
const budget = 5 * 1024
const src = new URL('../src/', import.meta.url)
const actions = [
  ...readFileSync(new URL('decorators/actions.ts', src), 'utf8').matchAll(
    /^export \{ (\w+) \} from/gm,
  ),
].map((match) => match[1]!)

/**
 * Still over the budget (issue 10): they call or read several contracts and import each one's
 * full ABI (events come as one-event slices already). Slicing the ABIs per function would bring
 * them under; until then each is held to its size today, so it can only shrink. Remove an entry
 * once it fits.
 */
const overBudget: Record<string, number> = {
  fundPool: 5350,
  claimRewards: 5550,
  blacklistProvider: 5550,
  getPoolSnapshot: 5550,
  addNode: 5650,
  increaseStake: 5700,
  watchEvents: 5700,
  registerProvider: 5750,
  getNetworkSnapshot: 6000,
  leavePool: 6100,
  getEvents: 6800,
  getProviderSnapshot: 6950,
}

async function gzippedSize(name: string) {
  const result = await build({
    stdin: {
      contents: `export { ${name} } from './index.ts'`,
      resolveDir: src.pathname,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    external: ['viem', 'viem/*', 'node:*'],
  })
  return gzipSync(result.outputFiles[0]!.contents).length
}

describe('bundle size of one standalone action', () => {
  test.each([...actions, 'getEvents', 'watchEvents', 'buildCalls'])('%s', async (name) => {
    const size = await gzippedSize(name)
    expect(size).toBeLessThanOrEqual(overBudget[name] ?? budget)
  })

  test('the list of exceptions is not stale', async () => {
    for (const name of Object.keys(overBudget))
      expect(await gzippedSize(name)).toBeGreaterThan(budget)
  })
})
