import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { join } from 'node:path'
import {
  createStore,
  freePort,
  type Indexer,
  type Store,
  startIndexer,
} from '@prime-network/indexer/testing'
import { type Anvil, startAnvil } from '@prime-network/localnet'
import { primeTokenAbi } from '@prime-network/sdk/abis'
import { type Address, type Hash, parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { chain, dev, makeHome, prime, primeJson } from './prime.js'

// Fresh accounts (the other files use anvil's dev accounts); 0 federator and 1 validator vet them.
const providerKey = generatePrivateKey()
const provider = privateKeyToAccount(providerKey)
const creator = privateKeyToAccount(generatePrivateKey())
const node1 = privateKeyToAccount(generatePrivateKey())
const node2 = privateKeyToAccount(generatePrivateKey())
const rate = parseEther('0.001')

/** What the chain recorded for one transaction of the story: its block and its time. */
type Mark = { block: string; time: string; hash: Hash }

/**
 * One pool P, with a history worth reading: node1 and node2 join together; node1 is ejected by the
 * creator at +600 s; the provider claims at +700 s; node1 rejoins at +900 s; node2 leaves at
 * +1200 s and joins pool Q at +1300 s; P ends at +1500 s; node1 leaves P at +1800 s (its time
 * stops at the end); the provider claims again at +1900 s. Every step is mined at a chosen time, so
 * active seconds and amounts are exact.
 */
async function story() {
  const { client, testClient, deployment } = await chain()
  for (const account of [provider, creator]) {
    await testClient.setBalance({ address: account.address, value: parseEther('10') })
    const hash = await client.writeContract({
      account: dev(0),
      address: deployment.token,
      abi: primeTokenAbi,
      functionName: 'transfer',
      args: [account.address, parseEther('2000')],
    })
    await client.waitForTransactionReceipt({ hash })
  }
  const { domainId } = await client.createDomain({
    name: 'history',
    domainParametersURI: '',
    account: dev(0),
  })
  const pool = async () =>
    (
      await client.createPool({
        domainId,
        computeManagerKey: creator.address,
        name: 'history',
        poolDataURI: '',
        account: creator,
      })
    ).poolId
  const poolP = await pool()
  const poolQ = await pool()
  await client.setRewardRate({ poolId: poolP, rate, account: creator })
  await client.fundPool({ poolId: poolP, amount: parseEther('100'), account: creator })
  for (const poolId of [poolP, poolQ]) await client.startPool({ poolId, account: creator })
  const amount = await client.getMinimumStake({ additionalComputeUnits: 3n })
  await client.registerProvider({ amount, account: provider })
  for (const [node, computeUnits] of [
    [node1, 1n],
    [node2, 2n],
  ] as const)
    await client.addNode({ node, computeUnits, specsURI: 'ipfs://history', account: provider })
  await client.whitelistProvider({ provider: provider.address, account: dev(1) })
  for (const node of [node1, node2])
    await client.validateNode({ nodeKey: node.address, account: dev(1) })

  const start = (await client.getBlock()).timestamp + 100n
  /** Mines the next write at `start + offset` and records where it landed. */
  const at = async (offset: bigint, write: () => Promise<{ hash: Hash }>): Promise<Mark> => {
    await testClient.setNextBlockTimestamp({ timestamp: start + offset })
    const { hash } = await write()
    const receipt = await client.getTransactionReceipt({ hash })
    const block = await client.getBlock({ blockNumber: receipt.blockNumber })
    expect(block.timestamp, 'mined at the chosen time').toBe(start + offset)
    return { block: String(receipt.blockNumber), time: String(block.timestamp), hash }
  }
  const invite = (poolId: bigint, nodeKey: Address) =>
    client.signPoolInvite({ poolId, nodeKey, expiry: start + 10_000n, account: creator })
  const join = async (poolId: bigint, ...nodes: Address[]) => {
    const invites = await Promise.all(nodes.map((nodeKey) => invite(poolId, nodeKey)))
    return () => client.joinPool({ poolId, invites, account: provider })
  }
  const claim = () =>
    client.claimRewards({
      poolId: poolP,
      nodeKeys: [node1.address, node2.address],
      account: provider,
    })
  const marks = {
    joined: await at(0n, await join(poolP, node1.address, node2.address)),
    ejected: await at(600n, () =>
      client.ejectNode({ poolId: poolP, nodeKey: node1.address, account: creator }),
    ),
    claimed: await at(700n, claim),
    rejoined: await at(900n, await join(poolP, node1.address)),
    left: await at(1200n, () =>
      client.leavePool({ poolId: poolP, nodeKeys: [node2.address], account: provider }),
    ),
    joinedQ: await at(1300n, await join(poolQ, node2.address)),
    ended: await at(1500n, () => client.endPool({ poolId: poolP, account: creator })),
    leftAfterEnd: await at(1800n, () =>
      client.leavePool({ poolId: poolP, nodeKeys: [node1.address], account: provider }),
    ),
    claimedAgain: await at(1900n, claim),
  }
  return { poolP: String(poolP), poolQ: String(poolQ), marks }
}

/**
 * The test chain behind a proxy that drops `blockTimestamp` from logs, as many RPC providers do
 * (anvil includes it), so the log source must read each block's time itself.
 */
async function withoutLogTimestamps(rpcUrl: string) {
  let stripped = 0
  const methods: string[] = []
  const server = createServer(async (request, response) => {
    let body = ''
    for await (const chunk of request) body += chunk
    methods.push(JSON.parse(body).method)
    const upstream = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    const answer = (await upstream.json()) as { result?: unknown } | { result?: unknown }[]
    for (const reply of [answer].flat())
      if (Array.isArray(reply.result))
        for (const item of reply.result)
          if (item && typeof item === 'object' && 'blockTimestamp' in item) {
            delete item.blockTimestamp
            stripped += 1
          }
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify(answer))
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    /** How many logs lost their timestamp on the way. */
    stripped: () => stripped,
    /** The JSON-RPC methods asked for, in order. */
    methods,
    close: () => new Promise((closed) => server.close(closed)),
  }
}

describe('history: the same answers from the indexer and from the chain logs', () => {
  let home: string
  let store: Store
  let indexer: Indexer
  let head: string
  let poolP: string
  let poolQ: string
  let marks: Awaited<ReturnType<typeof story>>['marks']

  beforeAll(async () => {
    home = await makeHome()
    store = await createStore()
    indexer = await startIndexer({
      chain: { rpcUrl: inject('rpcUrl'), deploymentPath: inject('deploymentPath') },
      store,
    })
    ;({ poolP, poolQ, marks } = await story())
    const { client } = await chain()
    const latest = await client.getBlockNumber()
    head = String(latest)
    await indexer.waitForBlock(latest)
  })

  afterAll(async () => {
    await indexer?.stop()
    await store?.drop()
  })

  /** Runs a history command from both sources; they must agree on everything but `source`. */
  async function both(args: string[], env?: Record<string, string>) {
    const logs = await primeJson(['history', ...args], { home, env })
    const indexed = await primeJson(['history', ...args, '--indexer', indexer.url], { home, env })
    expect(logs.source).toBe('logs')
    expect(indexed.source).toBe('indexer')
    expect({ ...indexed, source: 'logs' }).toEqual(logs)
    return logs
  }

  const stay = (
    poolId: string,
    node: Address,
    joined: Mark,
    left?: { mark: Mark; activeSeconds: string; ejectedBy?: Address },
  ) => ({
    poolId,
    nodeKey: node,
    provider: provider.address,
    joinedAt: joined.time,
    joinBlock: joined.block,
    leftAt: left?.mark.time ?? null,
    leftBlock: left?.mark.block ?? null,
    activeSeconds: left?.activeSeconds ?? null,
    ejectedBy: left?.ejectedBy ?? null,
    status: left ? (left.ejectedBy ? 'ejected' : 'left') : 'in',
  })

  test('history pool: every stay ever, with how it ended and the seconds that counted', async () => {
    const logs = await both(['pool', poolP])
    expect(logs).toEqual({
      source: 'logs',
      chainId: 31337,
      blockNumber: head,
      poolId: poolP,
      stays: [
        stay(poolP, node1.address, marks.joined, {
          mark: marks.ejected,
          activeSeconds: '600',
          ejectedBy: creator.address,
        }),
        stay(poolP, node2.address, marks.joined, { mark: marks.left, activeSeconds: '1200' }),
        // Left 300 s after the pool ended: only the time up to the end counts.
        stay(poolP, node1.address, marks.rejoined, {
          mark: marks.leftAfterEnd,
          activeSeconds: '600',
        }),
      ],
    })
    // An RPC without log timestamps that caps eth_getLogs at 10 blocks: the block times are read,
    // the logs in chunks (joins, leaves and ends, each from the deployment block to the head),
    // and the answer is the same.
    const proxy = await withoutLogTimestamps(inject('rpcUrl'))
    try {
      const capped = await primeJson(['history', 'pool', poolP, '--rpc-url', proxy.url], {
        home,
        env: { PRIME_LOG_BLOCK_RANGE: '10' },
      })
      expect(capped).toEqual(logs)
      expect(proxy.stripped()).toBeGreaterThan(0)
      const { deployment } = await chain()
      const chunks = (BigInt(head) - deployment.deploymentBlock) / 10n + 1n
      expect(proxy.methods.filter((method) => method === 'eth_getLogs')).toHaveLength(
        3 * Number(chunks),
      )
      expect(proxy.methods).toContain('eth_getBlockByNumber')
    } finally {
      await proxy.close()
    }
    const human = await prime(['history', 'pool', poolP, '--indexer', indexer.url], { home })
    expect(human.code).toBe(0)
    expect(human.stdout).toContain(`Pool ${poolP} (from the indexer, up to block ${head})`)
    expect(human.stdout).toContain(`ejected by ${creator.address}`)
    expect(human.stdout).toContain(
      new Date(Number(marks.joined.time) * 1000).toISOString().slice(0, 19),
    )
  })

  test("history node: a node's pools over time, still in the last one", async () => {
    expect(await both(['node', node2.address])).toEqual({
      source: 'logs',
      chainId: 31337,
      blockNumber: head,
      nodeKey: node2.address,
      stays: [
        stay(poolP, node2.address, marks.joined, { mark: marks.left, activeSeconds: '1200' }),
        stay(poolQ, node2.address, marks.joinedQ),
      ],
    })
    const human = await prime(['history', 'node', node2.address], { home })
    expect(human.stdout).toContain(
      `Node ${node2.address} (from the chain's logs, up to block ${head})`,
    )
    expect(human.stdout).toMatch(new RegExp(`│ ${poolQ} +│ ${provider.address} │.*│ - +│ - +│ in`))
  })

  test("history claims: each claim's pool, node, amount, time and transaction", async () => {
    const claim = (node: Address, seconds: bigint, units: bigint, mark: Mark) => ({
      poolId: poolP,
      nodeKey: node,
      amount: String(rate * seconds * units),
      timeRewards: String(rate * seconds * units),
      workRewards: '0',
      blockNumber: mark.block,
      timestamp: mark.time,
      transactionHash: mark.hash,
    })
    const claims = [
      claim(node1.address, 600n, 1n, marks.claimed),
      claim(node2.address, 700n, 2n, marks.claimed),
      claim(node1.address, 600n, 1n, marks.claimedAgain),
      claim(node2.address, 500n, 2n, marks.claimedAgain),
    ]
    // With no provider named, the signing account's claims.
    expect(await both(['claims'], { PRIME_PRIVATE_KEY: providerKey })).toEqual({
      source: 'logs',
      chainId: 31337,
      blockNumber: head,
      provider: provider.address,
      total: String(rate * (600n + 1400n + 600n + 1000n)),
      claims,
    })
    expect((await both(['claims', provider.address])).claims).toEqual(claims)
    const human = await prime(['history', 'claims', provider.address, '--indexer', indexer.url], {
      home,
    })
    expect(human.stdout).toContain(marks.claimedAgain.hash)
    expect(human.stdout).toContain('total 3.6 PRIME')
  })

  test('an indexer that cannot answer for this chain and deployment is an error, exit 1', async () => {
    const fail = async (args: string[], message: string, env?: Record<string, string>) => {
      const run = await prime(['history', ...args], { home, env })
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.stderr, args.join(' ')).toContain(message)
      expect(run.stdout, args.join(' ')).toBe('')
    }
    const closed = `http://127.0.0.1:${await freePort()}`
    await fail(
      ['pool', poolP, '--indexer', closed],
      `IndexerError: cannot reach the indexer at ${closed}/graphql: ECONNREFUSED`,
    )
    // Something that is not a Prime indexer: the chain's own RPC endpoint.
    await fail(
      ['pool', poolP, '--indexer', inject('rpcUrl')],
      `${inject('rpcUrl')}/graphql answered HTTP 404 without GraphQL data (an empty body): is it a Prime indexer?`,
    )
    // A deployment on the same chain that the indexer does not follow.
    const { deployment } = await chain()
    const other = join(home, 'other-deployment.json')
    await writeFile(
      other,
      JSON.stringify({
        ...deployment,
        deploymentBlock: String(deployment.deploymentBlock),
        primeNetwork: dev(9).address,
        computePool: dev(8).address,
        rewardsDistributor: dev(7).address,
        stakeManager: dev(6).address,
        computeRegistry: dev(5).address,
        domainRegistry: dev(4).address,
        token: dev(3).address,
        workValidation: dev(2).address,
      }),
    )
    await fail(
      ['node', node1.address, '--indexer', indexer.url, '--deployment', other],
      `the indexer at ${indexer.url} indexes another deployment on chain 31337`,
    )
    const anvils: Anvil[] = []
    try {
      // A fork is this chain up to now and then its own: one block more, and the indexer lags.
      const fork = await startAnvil({ forkUrl: inject('rpcUrl') })
      anvils.push(fork)
      await fetch(fork.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_mine', params: [] }),
      })
      await fail(
        [
          'claims',
          provider.address,
          '--indexer',
          indexer.url,
          '--rpc-url',
          fork.rpcUrl,
          '--wait',
          '1',
        ],
        `the indexer at ${indexer.url} is behind: it has indexed block ${head}, the chain is at ${BigInt(head) + 1n} (waited 1 s`,
      )
      // A fresh chain with the same id (a restarted anvil) lacks the indexer's blocks.
      const fresh = await startAnvil()
      anvils.push(fresh)
      await fail(
        ['pool', poolP, '--indexer', indexer.url, '--rpc-url', fresh.rpcUrl],
        `the indexer at ${indexer.url} follows another chain with id 31337: its block ${head} is not on this chain`,
      )
      // Another chain id altogether.
      const renamed = await startAnvil({ chainId: 4242, forkUrl: inject('rpcUrl') })
      anvils.push(renamed)
      const renamedDeployment = join(home, '4242.json')
      await writeFile(
        renamedDeployment,
        JSON.stringify({
          ...deployment,
          chainId: 4242,
          deploymentBlock: String(deployment.deploymentBlock),
        }),
      )
      await fail(
        [
          'pool',
          poolP,
          '--indexer',
          indexer.url,
          '--rpc-url',
          renamed.rpcUrl,
          '--deployment',
          renamedDeployment,
        ],
        `the indexer at ${indexer.url} indexes chain 31337, not chain 4242 (the RPC's)`,
      )
    } finally {
      for (const anvil of anvils) await anvil.stop()
    }
  })

  test('bad usage exits 2 and names the problem', async () => {
    const cases: [string[], string, Record<string, string | undefined>?][] = [
      [['pool', '0'], "'0' is not an id"],
      [['node', '0x12'], "'0x12' is not an address"],
      [['pool', '1', '--wait', 'soon'], "'soon' is not a non-negative integer"],
      [
        ['pool', '1', '--indexer', 'ftp://indexer'],
        "invalid indexer URL 'ftp://indexer' (from flag)",
      ],
      [
        ['pool', '1'],
        "invalid indexer URL 'localhost:42069' (from env)",
        { PRIME_INDEXER_URL: 'localhost:42069' },
      ],
      [
        ['pool', '1'],
        "invalid log block range '1e3' (from env): expected a positive whole number of blocks",
        { PRIME_LOG_BLOCK_RANGE: '1e3' },
      ],
      [['claims'], 'whose claims? pass a provider address, or --account / PRIME_PRIVATE_KEY'],
      [['pools'], "unknown command 'pools'"],
    ]
    for (const [args, message, env] of cases) {
      const run = await prime(['history', ...args], { home, env })
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toContain(message)
    }
  })

  test('config shows the indexer and where it came from', async () => {
    const file = join(home, 'prime.json')
    await writeFile(file, JSON.stringify({ indexer: 'http://10.0.0.3:42069' }))
    const fromFile = await primeJson(['config', '--config', file], { home })
    expect(fromFile.indexer).toEqual({
      value: 'http://10.0.0.3:42069',
      source: 'config',
      from: file,
    })
    const fromEnv = await primeJson(['config', '--config', file], {
      home,
      env: { PRIME_INDEXER_URL: 'http://10.0.0.4:42069' },
    })
    expect(fromEnv.indexer).toEqual({
      value: 'http://10.0.0.4:42069',
      source: 'env',
      from: 'PRIME_INDEXER_URL',
    })
    const none = await primeJson(['config', '--log-block-range', '2000'], { home })
    expect(none.indexer).toEqual({ source: 'default' })
    expect(none.logBlockRange).toEqual({ value: 2000, source: 'flag' })
    await writeFile(file, JSON.stringify({ indexer: 'ws://10.0.0.3:42069', logBlockRange: 0 }))
    const refused = await prime(['config', '--config', file], { home })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('expected an http(s) URL')
    expect(refused.stderr).toContain('logBlockRange')
    await writeFile(file, JSON.stringify({ logBlockRange: 500 }))
    expect((await primeJson(['config', '--config', file], { home })).logBlockRange).toEqual({
      value: 500,
      source: 'config',
      from: file,
    })
  })
})
