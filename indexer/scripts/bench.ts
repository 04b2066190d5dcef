/**
 * Indexing throughput and API latency, for PGlite and Postgres (not a test: figures vary by
 * machine). Generates at least 10,000 protocol events on a fresh anvil through the SDK, then
 * indexes them from scratch with a real `ponder start` per database and times common queries.
 *
 *   npx -y pnpm@10.34.9 --filter @prime-network/indexer bench [-- --cycles 34 --nodes 100]
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { createClient, desc, eq } from '@ponder/client'
import { createTestClient, http, keccak256, parseEther, toHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import * as schema from '../ponder.schema.js'
import { devClient } from '../test/flow.js'
import {
  createStore,
  freePort,
  packageRoot,
  type Store,
  sleep,
  startChain,
  startIndexer,
} from '../test/harness.js'

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '34' },
    nodes: { type: 'string', default: '100' },
    samples: { type: 'string', default: '50' },
  },
})
const cycles = Number(values.cycles)
const nodeCount = Number(values.nodes)
const samples = Number(values.samples)
const say = (line: string) => process.stdout.write(`${line}\n`)
const run = promisify(execFile)

/**
 * Ponder indexes the blocks older than its finality depth (30 on an unknown chain) as a backfill
 * in large batches, and the newest ones live, one block and one database commit at a time. Its
 * log says how long the handlers took in each (without fetching from the RPC).
 */
function phases(output: string) {
  const sumOf = (pattern: RegExp) => {
    let events = 0
    let ms = 0
    for (const match of output.matchAll(pattern)) {
      events += Number(match[1])
      ms += match[3] === 's' ? Number(match[2]) * 1000 : Number(match[2])
    }
    return { events, ms }
  }
  const backfill = sumOf(/Indexed block range .*?event_count=(\d+) .*?\(([\d.]+)(m?s)\)/g)
  const live = sumOf(/Indexed block chain=\S+ number=\d+ event_count=(\d+) \(([\d.]+)(m?s)\)/g)
  const rate = ({ events, ms }: { events: number; ms: number }) =>
    `${events} events in ${(ms / 1000).toFixed(1)} s of handler time (${ms ? Math.round((events * 1000) / ms) : '-'} events/s)`
  return `backfill: ${rate(backfill)}; live blocks: ${rate(live)}`
}

const chain = await startChain()
let postgresDir: string | undefined
try {
  const { deployment, rpcUrl } = chain
  const federator = devClient(deployment, rpcUrl, 0)
  const validator = devClient(deployment, rpcUrl, 1)
  const alice = devClient(deployment, rpcUrl, 2)
  const carol = devClient(deployment, rpcUrl, 4)
  const testClient = createTestClient({ mode: 'anvil', transport: http(rpcUrl) })

  // Joins, claims and leaves of a batch of nodes emit one event per node: the cheapest way to
  // many events, and the tables a dashboard reads most (memberships, claims).
  const started = performance.now()
  const nodes = Array.from({ length: nodeCount }, (_, i) =>
    privateKeyToAccount(keccak256(toHex(`bench-node-${i}`))),
  )
  await alice.registerProvider({ amount: parseEther('100000') })
  await validator.whitelistProvider({ provider: alice.account.address })
  for (const [i, node] of nodes.entries()) {
    await alice.addNode({ node, computeUnits: 1n, specsURI: `ipfs://bench/${i}` })
    await validator.validateNode({ nodeKey: node.address })
  }
  const { domainId } = await federator.createDomain({
    name: 'bench',
    validationLogic: deployment.workValidation!,
    domainParametersURI: 'ipfs://bench',
  })
  const { poolId } = await carol.createPool({
    domainId,
    computeManagerKey: carol.account.address,
    name: 'bench',
    poolDataURI: 'ipfs://bench',
  })
  await carol.setRewardRate({ poolId, rate: 1_000n })
  await carol.fundPool({ poolId, amount: parseEther('100000') })
  await carol.startPool({ poolId })
  for (let cycle = 0; cycle < cycles; cycle++) {
    const expiry = (await alice.getBlock()).timestamp + 86_400n
    const invites = await Promise.all(
      nodes.map((node) => carol.signPoolInvite({ poolId, nodeKey: node.address, expiry })),
    )
    await alice.joinPool({ poolId, invites })
    await testClient.increaseTime({ seconds: 60 })
    await alice.claimRewards({ poolId, nodeKeys: nodes.map((node) => node.address) })
    await alice.leavePool({ poolId, nodeKeys: nodes.map((node) => node.address) })
  }
  const head = await alice.getBlockNumber()
  const logs = await alice.getLogs({
    address: [
      deployment.primeNetwork,
      deployment.stakeManager,
      deployment.computeRegistry,
      deployment.domainRegistry,
      deployment.computePool,
      deployment.rewardsDistributor,
      deployment.workValidation!,
    ],
    fromBlock: deployment.deploymentBlock,
  })
  say(
    `Generated ${logs.length} protocol events in ${head} blocks in ${((performance.now() - started) / 1000).toFixed(0)} s (${nodeCount} nodes, ${cycles} join/claim/leave cycles)`,
  )

  postgresDir = await mkdtemp(join(tmpdir(), 'prime-indexer-bench-'))
  const postgresUrl = (
    await run(join(packageRoot, 'scripts/postgres.sh'), [
      'start',
      join(postgresDir, 'data'),
      String(await freePort()),
    ])
  ).stdout.trim()

  const someNode = nodes[0]!.address.toLowerCase() as `0x${string}`
  const provider = alice.account.address.toLowerCase() as `0x${string}`
  for (const kind of ['pglite', 'postgres'] as const) {
    const store: Store = await createStore(kind === 'postgres' ? postgresUrl : undefined)
    const indexer = await startIndexer({ chain, store, waitReady: false })
    try {
      // From the HTTP server's start (build and database setup done) to the last block indexed.
      while (
        !(await fetch(`${indexer.url}/health`).then(
          (r) => r.ok,
          () => false,
        ))
      )
        await sleep(20)
      const from = performance.now()
      await indexer.waitForBlock(head, 600_000)
      const seconds = (performance.now() - from) / 1000
      say(
        `\n${kind}: indexed ${logs.length} events in ${seconds.toFixed(1)} s = ${Math.round(logs.length / seconds)} events/s`,
      )
      say(`  ${phases(indexer.output())}`)
      const db = createClient(`${indexer.url}/sql`, { schema }).db
      const graphql = (query: string) =>
        fetch(`${indexer.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }).then((response) => response.json())
      const queries: [string, () => Promise<unknown>][] = [
        [
          'GraphQL: pools with their money',
          () =>
            graphql(
              '{ pools { items { poolId name status funded claimed budgetLeft nodeCount } } }',
            ),
        ],
        [
          "GraphQL: a pool's latest 100 memberships",
          () =>
            graphql(
              `{ memberships(where: { poolId: "${poolId}" }, orderBy: "joinBlock", orderDirection: "desc", limit: 100) { items { nodeKey joinedAt leftAt activeSeconds ejectedBy } } }`,
            ),
        ],
        [
          "SQL: a node's stays, newest first",
          () =>
            db
              .select()
              .from(schema.membership)
              .where(eq(schema.membership.nodeKey, someNode))
              .orderBy(desc(schema.membership.joinBlock)),
        ],
        [
          "SQL: a provider's latest 100 claims",
          () =>
            db
              .select()
              .from(schema.claim)
              .where(eq(schema.claim.provider, provider))
              .orderBy(desc(schema.claim.timestamp))
              .limit(100),
        ],
        [
          "SQL: a provider's stake history",
          () =>
            db.select().from(schema.stakeChange).where(eq(schema.stakeChange.provider, provider)),
        ],
        [
          'SQL: one node',
          () => db.select().from(schema.node).where(eq(schema.node.nodeKey, someNode)),
        ],
      ]
      for (const [name, query] of queries) {
        await query()
        const times: number[] = []
        for (let i = 0; i < samples; i++) {
          const t = performance.now()
          await query()
          times.push(performance.now() - t)
        }
        times.sort((a, b) => a - b)
        const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
        say(`  ${name.padEnd(42)} p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`)
      }
    } finally {
      await indexer.stop()
      await store.drop()
    }
  }
} finally {
  if (postgresDir) {
    await run(join(packageRoot, 'scripts/postgres.sh'), ['stop', join(postgresDir, 'data')]).catch(
      () => {},
    )
    await rm(postgresDir, { recursive: true, force: true })
  }
  await chain.stop()
}
