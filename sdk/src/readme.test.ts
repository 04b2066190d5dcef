import { readFile } from 'node:fs/promises'
import { formatEther } from 'viem'
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest'
import { devAccount, primeClient, snapshot, testClient } from '../test/utils.js'

const examplePath = new URL('../examples/quickstart.ts', import.meta.url)
const readmePath = new URL('../README.md', import.meta.url)

let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
})
afterAll(async () => {
  vi.unstubAllEnvs()
  await restore()
})

describe('the README example', () => {
  test('is the code of examples/quickstart.ts, verbatim', async () => {
    const [readme, example] = await Promise.all([
      readFile(readmePath, 'utf8'),
      readFile(examplePath, 'utf8'),
    ])
    const block = /<!-- example: examples\/quickstart\.ts -->\n```ts\n([\s\S]*?)```/.exec(readme)
    expect(block, 'README.md has no example block').not.toBeNull()
    expect(block![1]).toBe(example)
  })

  test('runs against a fresh deployment and pays the provider for exactly the time it was in', async () => {
    vi.stubEnv('RPC_URL', inject('rpcUrl'))
    vi.stubEnv('DEPLOYMENT', inject('deploymentPath'))
    const logged: unknown[][] = []
    const errors: unknown[][] = []
    const log = vi.spyOn(console, 'log').mockImplementation((...line) => logged.push(line))
    const error = vi.spyOn(console, 'error').mockImplementation((...line) => errors.push(line))
    try {
      await import('../examples/quickstart.js')
    } finally {
      log.mockRestore()
      error.mockRestore()
    }
    expect(errors).toEqual([])

    const provider = primeClient(devAccount(2))
    const [joined] = await provider.getEvents({ eventName: 'NodeJoinedPool' })
    const [claimed] = await provider.getEvents({ eventName: 'RewardsClaimed' })
    const [joinBlock, claimBlock] = await Promise.all(
      [joined!, claimed!].map(({ blockNumber }) => testClient.getBlock({ blockNumber })),
    )
    const seconds = claimBlock!.timestamp - joinBlock!.timestamp
    expect(seconds).toBeGreaterThanOrEqual(3600n)
    const earned = 10n ** 15n * 10n * seconds
    expect(claimed!.args).toEqual({
      poolId: joined!.args.poolId,
      nodeKey: joined!.args.nodeKey,
      provider: provider.account.address,
      timeRewards: earned,
      workRewards: 0n,
    })
    expect(logged).toEqual([
      [`invite ${joined!.args.nonce} was already used`],
      [`claimed ${formatEther(earned)} tokens`],
    ])
  })
})
