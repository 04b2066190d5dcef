import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'

// What importing one standalone action costs a dApp: the SDK code and ABIs it pulls in, minified
// and gzipped, with viem (a peer dependency the dApp has anyway) left out. Actions import
// per-function and per-event ABI slices (generated beside the full ABIs), so each stays small.
const budget = 5 * 1024
const src = new URL('../src/', import.meta.url)
const actions = [
  ...readFileSync(new URL('decorators/actions.ts', src), 'utf8').matchAll(
    /^export \{ (\w+) \} from/gm,
  ),
].map((match) => match[1]!)

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
    expect(await gzippedSize(name)).toBeLessThanOrEqual(budget)
  })
})
