import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { plan, timeline } from '@prime-network/demo/scenario'
import type { Stage } from '@prime-network/demo/stage'
import { formatEther } from 'viem'
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest'
import { runDemoFlow } from './flow.js'
import {
  type Chain,
  createStore,
  type Indexer,
  packageRoot,
  type Store,
  startChain,
  startIndexer,
} from './harness.js'

let chain: Chain
let store: Store
let indexer: Indexer
let stage: Stage

// The README's example is what a reader runs first: on PGlite, the default. The Postgres pass
// (PRIME_TEST_DATABASE=postgres) covers what differs by database and skips it.
describe.skipIf(inject('postgresUrl'))('the README example', () => {
  beforeAll(async () => {
    chain = await startChain()
    store = await createStore()
    indexer = await startIndexer({ chain, store })
    stage = await runDemoFlow(chain.rpcUrl, chain.deployment)
    await indexer.waitForBlock(await stage.chain.getBlockNumber())
  }, 600_000)

  afterAll(async () => {
    vi.unstubAllEnvs()
    await indexer?.stop()
    await chain?.stop()
    await store?.drop()
  })

  test('is the code of examples/dashboard.ts, verbatim', async () => {
    const [readme, example] = await Promise.all([
      readFile(join(packageRoot, 'README.md'), 'utf8'),
      readFile(join(packageRoot, 'examples/dashboard.ts'), 'utf8'),
    ])
    const block = /<!-- example: examples\/dashboard\.ts -->\n```ts\n([\s\S]*?)```/.exec(readme)
    expect(block, 'README.md has no example block').not.toBeNull()
    expect(block![1]).toBe(example)
  })

  test('prints the demo pool, its members and a provider’s stake history', async () => {
    vi.stubEnv('PRIME_INDEXER_URL', indexer.url)
    vi.stubEnv('PROVIDER', stage.bob.account.address)
    const lines: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((line) => lines.push(String(line)))
    try {
      await import('../examples/dashboard.js')
    } finally {
      log.mockRestore()
    }
    const { results, t0 } = stage
    const claimed = results.aliceClaimed! + results.bobClaimed!
    const left = plan.poolFunding - claimed - results.budgetReturned!
    const [aliceGpu1, aliceGpu2, bobGpu1] = stage.nodes.map((node) =>
      node.account.address.toLowerCase(),
    )
    const carol = stage.carol.account.address.toLowerCase()
    // Both of alice's nodes joined at t0 (ordered by key), bob's a minute later.
    const aliceStays = [
      [aliceGpu1!, 'still in'],
      [aliceGpu2!, `${timeline.managerEjects - timeline.aliceJoins} s, ejected by ${carol}`],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1))
    const bobStake = formatEther(plan.bobStake)
    expect(lines).toEqual([
      `pool 1 "demo-pool" COMPLETED: funded ${formatEther(plan.poolFunding)}, claimed ${formatEther(claimed)}, left ${formatEther(left)}`,
      ...aliceStays.map(([node, how]) => `  node ${node} joined at ${t0}: ${how}`),
      `  node ${bobGpu1} joined at ${t0 + timeline.bobJoins}: ${timeline.bobLeaves - timeline.bobJoins} s, left`,
      `WITHDRAWN ${bobStake} -> active 0, unbonding 0`,
      `UNBOND_STARTED ${bobStake} -> active 0, unbonding ${bobStake}`,
      `STAKED ${bobStake} -> active ${bobStake}, unbonding 0`,
    ])
    // What is left is exactly alice-gpu-1's unclaimed time after the claims, up to the pool's end.
    const [pending] = (
      await stage.alice.getPendingRewards({
        poolId: results.poolId!,
        nodeKey: stage.nodes[0]!.account.address,
      })
    ).nodes
    expect(left).toBe(pending!.amount + pending!.workLocked)
  })
})
