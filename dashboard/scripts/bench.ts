/**
 * The dashboard's performance figures (issue 20, section 7), measured, never asserted in tests:
 *   1. initial JavaScript of `vite build`, gzip (budget 200 kB);
 *   2. on a pool page with 200 nodes: RPC requests per refresh (budget 3) and indexer queries
 *      per panel (budget 1), counted at the page's requests in Chromium;
 *   3. the time from a new block to the page showing it.
 * Prints a Markdown table for dashboard/README.md. `pnpm --filter @prime-network/dashboard bench`
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { getPoolRewards, primeNetworkActions } from '@prime-network/sdk'
import { chromium } from 'playwright-core'
import {
  type Account,
  createTestClient,
  createWalletClient,
  defineChain,
  formatEther,
  http,
  parseEther,
  publicActions,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { build } from 'vite'
import { dashboardRoot, startStack } from './stack.js'

const nodeCount = 200
const pollingInterval = 1000
const refreshes = 5
const say = (line: string) => process.stderr.write(`${line}\n`)
const rows: [string, string, string][] = []

// 1. Initial JavaScript: the entry script and what index.html preloads (lazy chunks load later).
say('Building (vite build)…')
await build({
  root: dashboardRoot,
  configFile: join(dashboardRoot, 'vite.config.ts'),
  logLevel: 'warn',
})
const dist = join(dashboardRoot, 'dist')
const html = await readFile(join(dist, 'index.html'), 'utf8')
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
let initialGzip = 0
for (const file of initial) initialGzip += gzipSync(await readFile(join(dist, file))).length
rows.push([
  'Initial JavaScript (gzip)',
  `${(initialGzip / 1024).toFixed(1)} kB in ${initial.length} file(s)`,
  '≤ 200 kB',
])

// 2. A pool of 200 nodes on the story's chain.
say('Starting the chain, the story and the indexer…')
const stack = await startStack({ blockTime: 0, pollingInterval, say: () => {} })
try {
  const { rpcUrl, deployment } = stack
  const chain = defineChain({
    id: deployment.chainId,
    name: 'anvil',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  const mnemonic = 'test test test test test test test test test test test junk'
  const sdk = (account: Account) =>
    createWalletClient({ account, chain, transport: http(rpcUrl), pollingInterval: 20 })
      .extend(publicActions)
      .extend(primeNetworkActions({ deployment }))
  const anvil = createTestClient({ chain, mode: 'anvil', transport: http(rpcUrl) }).extend(
    publicActions,
  )
  const provider = sdk(mnemonicToAccount(mnemonic, { addressIndex: 5 }))
  const validator = sdk(mnemonicToAccount(mnemonic, { addressIndex: 1 }))
  const manager = sdk(mnemonicToAccount(mnemonic, { addressIndex: 6 }))
  const nodes = Array.from({ length: nodeCount }, (_, i) =>
    mnemonicToAccount(mnemonic, { addressIndex: 1000 + i }),
  )
  say(`Adding a pool of ${nodeCount} nodes…`)
  await provider.registerProvider({ amount: parseEther('20000') })
  await validator.whitelistProvider({ provider: provider.account.address })
  for (const node of nodes) {
    await provider.addNode({ node, computeUnits: 1n, specsURI: '' })
    await validator.validateNode({ nodeKey: node.address })
  }
  const { poolId } = await manager.createPool({
    domainId: stack.story!.domainId,
    computeManagerKey: manager.account.address,
    name: `bench-${nodeCount}`,
    poolDataURI: '',
  })
  await manager.setRewardRate({ poolId, rate: parseEther('0.0001') })
  await manager.fundPool({ poolId, amount: parseEther('10000') })
  await manager.startPool({ poolId })
  const expiry = (await anvil.getBlock()).timestamp + 86_400n
  const invites = []
  for (const node of nodes)
    invites.push(
      await manager.signPoolInvite({
        poolId,
        nodeKey: node.address,
        provider: provider.account.address,
        keyVersion: 0n,
        expiry,
      }),
    )
  for (let i = 0; i < invites.length; i += 50)
    await provider.joinPool({ poolId, invites: invites.slice(i, i + 50) })
  await stack.indexer!.waitForBlock(await anvil.getBlockNumber())

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
  const page = await (await browser.newContext()).newPage()
  const log: { at: number; kind: 'rpc' | 'sql' | 'status'; methods: string[] }[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (url.startsWith(rpcUrl) && request.method() === 'POST') {
      const body = request.postDataJSON() as { method: string } | { method: string }[]
      const calls = Array.isArray(body) ? body : [body]
      log.push({ at: Date.now(), kind: 'rpc', methods: calls.map((call) => call.method) })
    } else if (stack.indexerUrl && url.startsWith(`${stack.indexerUrl}/sql`))
      log.push({ at: Date.now(), kind: 'sql', methods: [] })
    else if (stack.indexerUrl && url.startsWith(`${stack.indexerUrl}/status`))
      log.push({ at: Date.now(), kind: 'status', methods: [] })
  })
  const budgetText = (budget: bigint) => `${formatEther(budget)} PRIME`
  const shownBudget = () =>
    page.$eval('main [data-figure="budget"]', (el) => (el.textContent ?? '').replaceAll(',', ''))

  await page.goto(`${stack.url}#/pool/${poolId}`)
  await page.locator('main [data-figure="budget"]').waitFor()
  await page.getByText('No work submitted yet.').waitFor()
  await page.waitForTimeout(3 * pollingInterval)
  const sqlOnLoad = log.filter((entry) => entry.kind === 'sql').length
  const renderedRows = await page.locator('tr[data-node]').count()

  // Idle: what the page asks per polling interval when nothing happens.
  log.length = 0
  await page.waitForTimeout(5 * pollingInterval)
  const idle = log.filter((entry) => entry.kind === 'rpc')
  const idlePerInterval = idle.length / 5

  /** What the page polls whether or not anything happens: new block numbers and new events. */
  const polls = new Set(idle.flatMap((entry) => entry.methods))
  const latencies: number[] = []
  const perRefresh: {
    http: number
    calls: number
    triggeredHttp: number
    triggeredCalls: number
    sql: number
    methods: Map<string, number>
  }[] = []
  for (let i = 0; i < refreshes; i++) {
    await page.waitForTimeout(pollingInterval)
    log.length = 0
    await anvil.increaseTime({ seconds: 60 })
    await anvil.mine({ blocks: 1 })
    const mined = Date.now()
    const expected = budgetText((await getPoolRewards(anvil, { poolId, deployment })).budget)
    while ((await shownBudget()) !== expected) await page.waitForTimeout(10)
    latencies.push(Date.now() - mined)
    // Let the refresh finish (a request in flight, the next poll, the index catching up), then
    // count what it asked.
    await page.waitForTimeout(2 * pollingInterval)
    const window = log.filter((entry) => entry.kind === 'rpc')
    const triggered = window.filter((entry) => entry.methods.some((m) => !polls.has(m)))
    const methods = new Map<string, number>()
    for (const entry of window)
      for (const method of entry.methods) methods.set(method, (methods.get(method) ?? 0) + 1)
    perRefresh.push({
      http: window.length,
      calls: window.reduce((n, entry) => n + entry.methods.length, 0),
      triggeredHttp: triggered.length,
      triggeredCalls: triggered.reduce(
        (n, entry) => n + entry.methods.filter((m) => !polls.has(m)).length,
        0,
      ),
      sql: log.filter((entry) => entry.kind === 'sql').length,
      methods,
    })
  }
  await browser.close()
  // The index moves once per block: each history panel asks once per move.
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  const refreshHttp = median(perRefresh.map((r) => r.http))
  const refreshCalls = median(perRefresh.map((r) => r.calls))
  const triggeredHttp = median(perRefresh.map((r) => r.triggeredHttp))
  const triggeredCalls = median(perRefresh.map((r) => r.triggeredCalls))
  const sqlPerMove = median(perRefresh.map((r) => r.sql))
  const methods = [...perRefresh.at(-1)!.methods]
    .filter(([m]) => !polls.has(m))
    .map(([m, n]) => `${m} ×${n}`)
    .join(', ')
  rows.push([
    `Pool page with ${nodeCount} nodes: rows in the DOM`,
    `${renderedRows} of ${nodeCount} (virtualised)`,
    '',
  ])
  rows.push([
    'RPC requests while idle, per polling interval',
    `${idlePerInterval.toFixed(1)} HTTP requests (${pollingInterval} ms interval)`,
    '',
  ])
  rows.push([
    'RPC requests a new block triggers, median of 5',
    `${triggeredCalls} JSON-RPC calls in ${triggeredHttp} HTTP requests (${methods})`,
    '≤ 3',
  ])
  rows.push([
    'RPC requests in the whole refresh window, polls included',
    `${refreshHttp} HTTP requests, ${refreshCalls} calls (${[...polls].join(', ')} every interval)`,
    '',
  ])
  rows.push([
    'Indexer queries when the index reaches the new block',
    `${sqlPerMove} for 2 history panels`,
    '1 per panel',
  ])
  rows.push([
    'Indexer queries on the pool page’s load',
    `${sqlOnLoad} for 2 history panels (works, claims)`,
    '1 per panel',
  ])
  rows.push([
    'New block to updated page, median of 5',
    `${median(latencies)} ms (min ${Math.min(...latencies)}, max ${Math.max(...latencies)}; polling every ${pollingInterval} ms)`,
    '',
  ])
} finally {
  await stack.stop()
}

console.log('| Figure | Measured | Budget |')
console.log('| --- | --- | --- |')
for (const [figure, measured, budget] of rows)
  console.log(`| ${figure} | ${measured} | ${budget} |`)
