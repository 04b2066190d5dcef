/**
 * The dashboard in Chromium against the chain `pnpm dashboard` starts: anvil with the demo's
 * story, the indexer on PGlite and the app's dev server (test/globalSetup.ts). Every figure a page
 * shows is compared with the SDK's read of the same block.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { workKey, works } from '@prime-network/demo/scenario'
import {
  type Deployment,
  getNetworkSnapshot,
  getNode,
  getPendingRewards,
  getPool,
  getPoolNodes,
  getPoolRewards,
  getProvider,
  getProviderSnapshot,
  getStake,
  getWork,
  loadDeployment,
  primeNetworkActions,
} from '@prime-network/sdk'
import {
  explainError,
  formatDuration,
  formatTime,
  formatTokenAmount,
} from '@prime-network/sdk/explain'
import { type Browser, chromium, type Page } from 'playwright-core'
import {
  createTestClient,
  createWalletClient,
  defineChain,
  erc20Abi,
  formatEther,
  http,
  parseEther,
  publicActions,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { dashboardRoot } from '../scripts/stack.js'

const { url, rpcUrl, deploymentPath, poolId: poolIdText } = inject('dashboard')
const poolId = BigInt(poolIdText)
const screenshots = new URL('../screenshots/', import.meta.url)
const mnemonic = 'test test test test test test test test test test test junk'
const dev = (addressIndex: number) => mnemonicToAccount(mnemonic, { addressIndex }).address
/** The story's actors (demo/src/stage.ts): alice and bob provide, the validator checks work. */
const alice = dev(2)
const bob = dev(3)
const validator = dev(1)

let deployment: Deployment
let chain: ReturnType<typeof createChainClient>
let browser: Browser
let page: Page
/** Every console error and uncaught exception of every page the suite opens. */
const consoleErrors: string[] = []

function createChainClient() {
  const local = defineChain({
    id: deployment.chainId,
    name: 'anvil',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  // No cached block number: a test that mined a block reads the new head at once.
  return createTestClient({
    chain: local,
    mode: 'anvil',
    transport: http(rpcUrl),
    cacheTime: 0,
  }).extend(publicActions)
}

/** Every figure on the pages is written by the SDK's formatters, as the CLI writes it. */
const prime = (amount: bigint) => formatTokenAmount(amount)
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()
/** The chain's time as the pages use it: the latest block's. */
const chainNow = async () => (await chain.getBlock()).timestamp

async function figure(name: string, scope = page.locator('main')) {
  return plain(await scope.locator(`[data-figure="${name}"]`).first().textContent())
}

/** Loads the app afresh on a page and waits until its figures have loaded. */
async function open(hash: string, ready: string) {
  // A change of hash alone would keep the running app: leave it, so every test loads it anew.
  await page.goto('about:blank')
  await page.goto(`${url}${hash}`)
  await page.locator(ready).first().waitFor()
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0)
}

async function connectAs(index: number) {
  await page.getByLabel('Account').selectOption(`dev-${index}`)
  await expect
    .poll(() => page.locator('[data-figure="connected-account"]').getAttribute('title'))
    .toBe(dev(index))
}

/**
 * Saves the page as the READMEs show it. The chain is built the same way each run (a fixed clock,
 * test/globalSetup.ts) and the pages read their time from its latest block, so a run that changes
 * nothing on a page writes the same image: the screenshots change in git only when a page does.
 */
async function screenshot(name: string) {
  // The page shows the chain's head and the index has caught up with it: nothing is still moving.
  const head = await chain.getBlockNumber()
  await expect
    .poll(() => page.locator('[data-figure="block-number"]').textContent())
    .toBe(`Block ${head}`)
  await indexerCaughtUp()
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0)
  await page.screenshot({
    path: new URL(`${name}.png`, screenshots).pathname,
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  })
}

/** axe-core on the page as it is: no serious or critical violation. */
async function accessibility() {
  const result = await new AxeBuilder({ page }).analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`)).toEqual(
    [],
  )
}

/** The index holds every block up to the chain's head (history panels read it). */
async function indexerCaughtUp() {
  const head = await chain.getBlockNumber()
  const { indexerUrl } = inject('dashboard')
  const deadline = Date.now() + 30_000
  for (;;) {
    const status = await fetch(`${indexerUrl}/status`).then((r) => r.json())
    if (BigInt(status.prime?.block.number ?? 0) >= head) return
    if (Date.now() > deadline) throw new Error(`the indexer did not reach block ${head}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

beforeAll(async () => {
  deployment = await loadDeployment(deploymentPath)
  chain = createChainClient()
  await mkdir(screenshots, { recursive: true })
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
  // axe-core's builder needs a page of an explicit context.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`))
  await indexerCaughtUp()
})

afterAll(async () => {
  await browser?.close()
})

describe('network page', () => {
  test('shows the network’s parameters, roles, stake and pools as the SDK reads them', async () => {
    await open('#/', '[data-figure="total-staked"]')
    const network = await getNetworkSnapshot(chain, { deployment })
    expect(await figure('stake-minimum')).toBe(prime(network.stakeMinimum))
    expect(network.unbondingPeriod).toBe(2n * 86_400n)
    expect(await figure('unbonding-period')).toBe(formatDuration(network.unbondingPeriod))
    expect(network.minWorkLockPeriod).toBe(600n)
    expect(await figure('min-work-lock')).toBe(formatDuration(network.minWorkLockPeriod))
    expect(await figure('total-staked')).toBe(prime(network.totalStaked))
    expect(await figure('pool-count')).toBe(String(network.poolCount))
    expect(await page.locator('[data-figure="validator"] code').getAttribute('title')).toBe(
      network.validator,
    )
    const pool = await getPool(chain, { poolId, deployment })
    const row = page.locator(`tr[data-pool="${poolId}"]`)
    expect(await figure('status', row)).toBe(pool.status)
    expect(await figure('node-count', row)).toBe(String(pool.nodeCount))
    expect(await figure('total-compute', row)).toBe(String(pool.totalCompute))
    expect(await figure('budget', row)).toBe(prime(pool.rewardBudget))
    for (const provider of [alice, bob]) {
      const stake = await getStake(chain, { provider, deployment })
      const providerRow = page.locator(`tr[data-provider="${provider}"]`)
      expect(await figure('active-stake', providerRow)).toBe(prime(stake.active))
    }
    await accessibility()
    await screenshot('network')
  })
})

describe('pool page', () => {
  test('shows compute, rates, budget with its runway, members and works as the SDK reads them', async () => {
    await open(`#/pool/${poolId}`, '[data-figure="budget"]')
    await page.locator('tr[data-work]').first().waitFor()
    const rewards = await getPoolRewards(chain, { poolId, deployment })
    expect(await figure('budget')).toBe(prime(rewards.budget))
    expect(await figure('node-count')).toBe(String(rewards.nodeCount))
    expect(await figure('total-compute')).toBe(`${rewards.totalCompute} (no limit)`)
    expect(await figure('reward-rate')).toBe(`${prime(rewards.rate)} per compute unit per second`)
    expect(await figure('work-rate')).toBe(`${prime(rewards.workRate)} per work unit`)
    expect(rewards.workLockPeriod).toBe(600n)
    expect(await figure('lock-window')).toBe(formatDuration(rewards.workLockPeriod))
    // The runway: the budget over what the pool spends a second, from the time of the read; when
    // it runs out reads as the CLI writes a time, relative to the chain's latest block.
    const now = await chainNow()
    const perSecond = rewards.rate * rewards.totalCompute
    const runsOut = rewards.lastUpdate + rewards.budget / perSecond
    expect(await figure('spend')).toBe(`${prime(perSecond)} per second`)
    expect(await figure('runs-out')).toBe(formatTime(runsOut, now))
    expect(await figure('runs-out')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in \d+ h\)$/)
    expect(await page.locator('[data-figure="runs-out"] time').getAttribute('datetime')).toBe(
      new Date(Number(runsOut) * 1000).toISOString(),
    )
    const nodes = await getPoolNodes(chain, { poolId, deployment })
    expect(nodes).toHaveLength(3)
    for (const node of nodes) {
      const row = page.locator(`tr[data-node="${node.nodeKey}"]`)
      expect(await figure('pending', row)).toBe(prime(node.pendingRewards))
      expect(await figure('work-locked', row)).toBe(prime(node.workLocked))
      expect(await figure('in-pool', row)).toBe(
        formatDuration(now - node.joinedAt + node.activeSeconds),
      )
    }
    // Works come from the indexer; each one's reward and state as the chain has it.
    for (const work of works) {
      const node = mnemonicToAccount(
        'test test test test test test test test test test test junk',
        { addressIndex: { 'alice-gpu-1': 10, 'alice-gpu-2': 11, 'bob-gpu-1': 12 }[work.node] },
      ).address
      const onChain = await getWork(chain, { nodeKey: node, workKey: workKey(work), deployment })
      const row = page.locator(`tr[data-work="${workKey(work)}"]`)
      expect(await figure('reward', row)).toBe(prime(onChain!.reward))
      const expected = {
        accepted: now < onChain!.unlockAt ? 'locked in its window' : 'final, claimable',
        invalidated: 'invalidated',
        'soft-invalidated': 'soft-invalidated (no penalty)',
      }[work.verdict]
      expect(await figure('work-state', row)).toBe(expected)
    }
    await accessibility()
    await screenshot('pool')
  })

  test('a new block updates the page without a reload', async () => {
    await open(`#/pool/${poolId}`, '[data-figure="budget"]')
    const before = await figure('budget')
    // Every text the header shows from here on: it must go from one block to the next, never
    // blank (nor the times that hang on the block) while the new block loads.
    await page.evaluate(() => {
      const header = document.querySelector('[data-figure="block-number"]')!
      const shown: string[] = []
      Object.assign(window, { shownHeads: shown })
      new MutationObserver(() => shown.push(header.textContent ?? '')).observe(header, {
        subtree: true,
        childList: true,
        characterData: true,
      })
    })
    // The chain's clock is fixed (one second a block), so time moves by setting the next block's.
    await chain.setNextBlockTimestamp({ timestamp: (await chainNow()) + 100n })
    await chain.mine({ blocks: 1 })
    const head = await chain.getBlockNumber()
    await expect
      .poll(() => page.locator('[data-figure="block-number"]').textContent())
      .toBe(`Block ${head}`)
    expect(
      await page.evaluate(() => (window as unknown as { shownHeads: string[] }).shownHeads),
    ).toEqual([`Block ${head}`])
    const rewards = await getPoolRewards(chain, { poolId, deployment })
    await expect.poll(() => figure('budget')).toBe(prime(rewards.budget))
    expect(prime(rewards.budget)).not.toBe(before)
    const nodes = await getPoolNodes(chain, { poolId, deployment })
    for (const node of nodes)
      await expect
        .poll(() => figure('pending', page.locator(`tr[data-node="${node.nodeKey}"]`)))
        .toBe(prime(node.pendingRewards))
  })
})

describe('provider page', () => {
  test('shows stake, nodes and where they are, and rewards split as the SDK reads them', async () => {
    await open(`#/provider/${alice}`, '[data-figure="active-stake"]')
    const { stake, nodePools, rewards, provider } = await getProviderSnapshot(chain, {
      provider: alice,
      deployment,
    })
    expect(await figure('active-stake')).toBe(prime(stake.active))
    expect(await figure('minimum')).toBe(prime(stake.minimum))
    expect(await figure('unbonding')).toBe(prime(stake.unbonding))
    expect(provider.nodes).toHaveLength(2)
    for (const { nodeKey, poolId: where } of nodePools)
      expect(await figure('where', page.locator(`tr[data-node="${nodeKey}"]`))).toBe(
        where ? `Pool ${where}` : 'in no pool',
      )
    const split = { time: 0n, claimable: 0n, locked: 0n }
    for (const pool of rewards)
      for (const node of pool.nodes) {
        split.time += node.time
        split.claimable += node.workClaimable
        split.locked += node.workLocked
      }
    expect(split.locked).toBe(parseEther('20'))
    expect(await figure('rewards-time')).toBe(prime(split.time))
    expect(await figure('rewards-work-claimable')).toBe(prime(split.claimable))
    expect(await figure('rewards-work-locked')).toBe(prime(split.locked))
    const balance = await chain.readContract({
      address: deployment.token,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [alice],
    })
    expect(await figure('wallet-balance')).toBe(prime(balance))
    await accessibility()
    await screenshot('provider')
  })

  test('a provider claims through the page; balances update without a reload', async () => {
    await open(`#/provider/${alice}`, '[data-figure="active-stake"]')
    await connectAs(2)
    const balanceBefore = await chain.readContract({
      address: deployment.token,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [alice],
    })
    const nonceBefore = await chain.getTransactionCount({ address: alice })
    await page.getByRole('button', { name: `Claim from pool ${poolId}` }).click()
    const status = page.getByRole('status').filter({ hasText: 'Claimed' })
    await status.waitFor()
    expect(await chain.getTransactionCount({ address: alice })).toBe(nonceBefore + 1)
    const balanceAfter = await chain.readContract({
      address: deployment.token,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [alice],
    })
    const paid = balanceAfter - balanceBefore
    expect(paid).toBeGreaterThan(0n)
    expect(plain(await status.textContent())).toBe(`Claimed ${prime(paid)}`)
    await expect.poll(() => figure('wallet-balance')).toBe(prime(balanceAfter))
    const pending = await getPendingRewards(chain, { poolId, provider: alice, deployment })
    await expect
      .poll(() => figure('claimable', page.locator(`tr[data-pool="${poolId}"]`)))
      .toBe(prime(pending.total))
    // The claim reaches the pool's history through the indexer.
    await indexerCaughtUp()
    await open(`#/pool/${poolId}`, '[data-figure="budget"]')
    await page.getByText('Paid in total:').waitFor()
    expect(plain(await page.getByText('Paid in total:').textContent())).toBe(
      `Paid in total: ${prime(paid)}`,
    )
    await screenshot('pool-after-claim')
  })

  test('a failing write shows the SDK’s explanation, the CLI’s words, and sends nothing', async () => {
    await open(`#/provider/${alice}`, '[data-figure="active-stake"]')
    await connectAs(2)
    const { active, minimum } = await getStake(chain, { provider: alice, deployment })
    const nonceBefore = await chain.getTransactionCount({ address: alice })
    const blockBefore = await chain.getBlockNumber()
    // Reclaiming all of it would leave nothing, less than her nodes require.
    const reclaimed = active
    const left = active - reclaimed
    await page.getByLabel('Reclaim stake (PRIME)').fill(formatEther(reclaimed))
    await page.getByRole('button', { name: 'Start unbonding' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    const shown = async (part: string) =>
      plain(await alert.locator(`[data-error="${part}"]`).textContent())
    expect(await shown('name')).toBe('InsufficientStake')
    // From a reclaim, the way out names what to reclaim less: all that would be short.
    expect(await shown('next')).toBe(
      `Reclaim ${prime(minimum - left)} less, or remove nodes first.`,
    )
    expect(await shown('summary')).toContain(
      `provider ${alice} ${prime(left)} staked, below the ${prime(minimum)} it must keep`,
    )
    // Word for word what the SDK explains (and the CLI prints) for the same call from alice.
    const sameCall = await createWalletClient({
      account: mnemonicToAccount(mnemonic, { addressIndex: 2 }),
      chain: chain.chain,
      transport: http(rpcUrl),
    })
      .extend(primeNetworkActions({ deployment }))
      .reclaimStake({ amount: reclaimed })
      .catch((error: unknown) => error)
    const explained = explainError(sameCall, { now: await chainNow() })
    expect({
      name: await shown('name'),
      summary: await shown('summary'),
      next: await shown('next'),
    }).toEqual({ name: explained.name, summary: explained.summary, next: explained.next })
    expect(await chain.getTransactionCount({ address: alice })).toBe(nonceBefore)
    expect(await chain.getBlockNumber()).toBe(blockBefore)
    await accessibility()
  })
})

describe('node page', () => {
  test('shows its record, its pool and its rewards as the SDK reads them', async () => {
    const nodeKey = dev(10)
    await open(`#/node/${nodeKey}`, '[data-figure="time"]')
    const node = await getNode(chain, { nodeKey, deployment })
    expect(await figure('compute-units')).toBe(String(node!.computeUnits))
    expect(await figure('validated')).toBe(node!.validated ? 'yes' : 'no')
    expect(await figure('pool')).toBe(`Pool ${poolId}`)
    const pending = await getPendingRewards(chain, { poolId, nodeKey, deployment })
    const row = page.locator(`tr[data-pool="${poolId}"]`)
    expect(await figure('time', row)).toBe(prime(pending.nodes[0]!.time))
    expect(await figure('work-claimable', row)).toBe(prime(pending.nodes[0]!.workClaimable))
    expect(await figure('work-locked', row)).toBe(prime(pending.nodes[0]!.workLocked))
    await page.locator('tr[data-work]').first().waitFor()
    expect(await page.locator('tr[data-work]').count()).toBe(
      works.filter((work) => work.node === 'alice-gpu-1').length,
    )
    await accessibility()
    await screenshot('node')
  })
})

describe('validator page', () => {
  test('lists the works inside their window, with the actions', async () => {
    await open('#/validator', 'h1')
    await connectAs(1)
    expect(await page.locator('[data-figure="connected-account"]').getAttribute('title')).toBe(
      validator,
    )
    const open_ = works.filter((work) => work.verdict === 'accepted')
    await expect.poll(() => page.locator('tr[data-work]').count()).toBe(open_.length)
    for (const work of open_)
      await page
        .locator(`tr[data-work="${workKey(work)}"]`)
        .getByRole('button', { name: 'Soft-invalidate' })
        .waitFor()
    await expect(page.getByText('No provider waits.').count()).resolves.toBe(1)
    await expect(page.getByText('No node waits.').count()).resolves.toBe(1)
    await accessibility()
    await screenshot('validator')
  })
})

describe('validator actions', () => {
  test('the validator whitelists a new provider and validates its node from the page', async () => {
    // A provider who registered after the story, with one node: both wait for the validator.
    const newcomer = createWalletClient({
      account: mnemonicToAccount(mnemonic, { addressIndex: 7 }),
      chain: chain.chain,
      transport: http(rpcUrl),
      pollingInterval: 50,
    }).extend(primeNetworkActions({ deployment }))
    const node = mnemonicToAccount(mnemonic, { addressIndex: 20 })
    await newcomer.registerProvider({ amount: parseEther('500') })
    await newcomer.addNode({ node, computeUnits: 1n, specsURI: 'ipfs://newcomer' })
    await indexerCaughtUp()
    await open('#/validator', 'h1')
    await connectAs(1)
    const providerItem = page.locator('li', { hasText: 'registered' }).filter({
      has: page.getByRole('button', { name: 'Whitelist' }),
    })
    await expect.poll(() => providerItem.count(), { timeout: 20_000 }).toBe(1)
    await providerItem.getByRole('button', { name: 'Whitelist' }).click()
    await providerItem.waitFor({ state: 'detached', timeout: 30_000 })
    expect(
      (await getProvider(chain, { provider: newcomer.account.address, deployment })).whitelisted,
    ).toBe(true)
    const nodeItem = page
      .locator('li')
      .filter({ has: page.getByRole('button', { name: 'Validate' }) })
    expect(await nodeItem.count()).toBe(1)
    await nodeItem.getByRole('button', { name: 'Validate' }).click()
    await nodeItem.waitFor({ state: 'detached', timeout: 30_000 })
    expect((await getNode(chain, { nodeKey: node.address, deployment }))!.validated).toBe(true)
    await page.getByText('No provider waits.').waitFor()
    await page.getByText('No node waits.').waitFor()
  })

  test('the validator soft-invalidates a work from the page: exactly that work goes back', async () => {
    await open('#/validator', 'h1')
    await connectAs(1)
    const work = works.find((w) => w.node === 'bob-gpu-1' && w.verdict === 'accepted')!
    const nodeKey = dev(12)
    const before = await getWork(chain, { nodeKey, workKey: workKey(work), deployment })
    expect(before!.status).toBe('ACCEPTED')
    const nonceBefore = await chain.getTransactionCount({ address: validator })
    const row = page.locator(`tr[data-work="${workKey(work)}"]`)
    await row.getByRole('button', { name: 'Soft-invalidate' }).click()
    // The work leaves the queue once the index holds the transaction.
    await row.waitFor({ state: 'detached', timeout: 30_000 })
    expect(await chain.getTransactionCount({ address: validator })).toBe(nonceBefore + 1)
    const after = await getWork(chain, { nodeKey, workKey: workKey(work), deployment })
    expect(after!.status).toBe('SOFT_INVALIDATED')
    expect(after!.rewardReturned).toBe(true)
    expect(await page.locator('tr[data-work]').count()).toBe(1)
  })
})

describe('without an indexer', () => {
  test('history panels say so, and the live figures still come from the chain', async () => {
    const { indexerUrl } = inject('dashboard')
    // The same app with a config.json that names no indexer, as a host without one serves it.
    await page.route('**/config.json', async (route) => {
      const response = await route.fetch()
      const { indexerUrl: _, ...config } = await response.json()
      await route.fulfill({ response, json: config })
    })
    const asked: string[] = []
    const onRequest = (request: { url: () => string }) => {
      if (request.url().startsWith(indexerUrl)) asked.push(request.url())
    }
    // Leave the previous test's page first: its last poll of the indexer may still go out.
    await page.goto('about:blank')
    page.on('request', onRequest)
    try {
      await open(`#/pool/${poolId}`, '[data-figure="budget"]')
      const rewards = await getPoolRewards(chain, { poolId, deployment })
      expect(await figure('budget')).toBe(prime(rewards.budget))
      const notes = page.locator('p.note', {
        hasText: 'come from the indexer, and none is configured',
      })
      expect(await notes.count()).toBe(2)
      expect(asked).toEqual([])
    } finally {
      page.off('request', onRequest)
      await page.unroute('**/config.json')
    }
  })
})

describe('static build', () => {
  test('vite build gives files a plain web server hosts from any folder', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'prime-dashboard-dist-'))
    await build({
      root: dashboardRoot,
      configFile: join(dashboardRoot, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    })
    // What a host writes next to index.html; no indexer, since this origin is not one it allows.
    const { indexerUrl: _, ...config } = await fetch(`${url}config.json`).then((r) => r.json())
    const server = createServer(async (request, response) => {
      const path = (request.url ?? '/').split('?')[0]!
      if (!path.startsWith('/some/folder/')) return response.writeHead(404).end()
      const file = path.slice('/some/folder/'.length) || 'index.html'
      if (file === 'config.json') {
        response.setHeader('content-type', 'application/json')
        return response.end(JSON.stringify(config))
      }
      const body = await readFile(join(outDir, file)).catch(() => undefined)
      if (!body) return response.writeHead(404).end()
      const type = file.endsWith('.js')
        ? 'text/javascript'
        : file.endsWith('.css')
          ? 'text/css'
          : 'text/html'
      response.setHeader('content-type', type)
      response.end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as { port: number }
      await page.goto('about:blank')
      await page.goto(`http://127.0.0.1:${port}/some/folder/#/`)
      await page.locator('[data-figure="total-staked"]').waitFor()
      const network = await getNetworkSnapshot(chain, { deployment })
      expect(await figure('total-staked')).toBe(prime(network.totalStaked))
    } finally {
      server.close()
      await rm(outDir, { recursive: true, force: true })
    }
  })
})

test('no page logged a console error', () => {
  expect(consoleErrors).toEqual([])
})
