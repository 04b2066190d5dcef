import { createRequire } from 'node:module'
import { dirname, join as joinPath } from 'node:path'
import {
  createPublicClient,
  createWalletClient,
  custom,
  http,
  parseEther,
  publicActions,
} from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  deployment,
  devAccount,
  increaseTime,
  latestTimestamp,
  primeClient,
  rpcUrl,
  snapshot,
  startedPool,
  testClient,
  validator,
} from '../../test/utils.js'
import { primeNetworkActions } from '../decorators/primeNetwork.js'
import { InvalidInputError } from '../errors/base.js'
import { rewardsDistributorClaimRewardsAbi } from '../generated/abis.js'

// Like every public chain, this one has Multicall3 at its usual address (installed in beforeAll).
// A bare anvil has none: there the deployment names the BatchReader that deploy.sh put there.
const multicall3 = '0xcA11bde05977b3631167028862bE2a173976CA11'
const chain = { ...anvil, contracts: { multicall3: { address: multicall3 } } } as const
async function installMulticall3() {
  // viem ships Multicall3's creation code for its deployless calls but does not export it.
  const require = createRequire(import.meta.url)
  const viemDir = dirname(require.resolve('viem'))
  const { multicall3Bytecode } = require(joinPath(viemDir, 'constants/contracts.js'))
  const hash = await testClient.sendTransaction({
    account: devAccount(9),
    data: multicall3Bytecode,
  })
  const { contractAddress } = await testClient.waitForTransactionReceipt({ hash })
  const code = await testClient.getCode({ address: contractAddress! })
  await testClient.setCode({ address: multicall3, bytecode: code! })
}

// Every HTTP request the SDK makes, by JSON-RPC method (no JSON-RPC batching: one per request).
let methods: string[] = []
const counted = (index: number, on: typeof anvil | typeof chain = chain, extra = {}) =>
  createWalletClient({
    account: devAccount(index),
    chain: on,
    pollingInterval: 50,
    transport: http(rpcUrl, {
      onFetchRequest: (_, init) => {
        methods.push(JSON.parse(String(init.body)).method)
      },
    }),
  })
    .extend(publicActions)
    .extend(primeNetworkActions(extra))
async function count(run: () => Promise<unknown>) {
  methods = []
  await run()
  return methods.length
}

const provider = counted(4)
/** The same account on a chain definition without Multicall3: reads go to the deployment's. */
const bare = counted(4, anvil)
const creator = primeClient(devAccount(5))
const manager = primeClient(privateKeyToAccount(generatePrivateKey()))
const nodes = Array.from({ length: 200 }, () => privateKeyToAccount(generatePrivateKey()))
const keys = nodes.map((node) => node.address)
const me = provider.account.address

let poolId: bigint
let restore: () => Promise<void>

async function join(nodeKeys: readonly `0x${string}`[]) {
  const expiry = (await latestTimestamp()) + 3600n
  const invites = []
  for (const nodeKey of nodeKeys)
    invites.push(await manager.signPoolInvite({ poolId, nodeKey, expiry }))
  await provider.joinPool({ poolId, invites })
}

/** The request count of every read, at the pool's current size. */
async function readCounts(client: typeof provider) {
  return {
    getPoolNodes: await count(() => client.getPoolNodes({ poolId })),
    getProvider: await count(() => client.getProvider({ provider: me })),
    getStake: await count(() => client.getStake({ provider: me })),
    getPool: await count(() => client.getPool({ poolId })),
    pendingByProvider: await count(() => client.getPendingRewards({ poolId, provider: me })),
    pendingByNode: await count(() => client.getPendingRewards({ poolId, nodeKey: keys[0]! })),
    getPoolSnapshot: await count(() => client.getPoolSnapshot({ poolId })),
    getProviderSnapshot: await count(() => client.getProviderSnapshot({ provider: me })),
    getNetworkSnapshot: await count(() => client.getNetworkSnapshot()),
  }
}
const expected = {
  getPoolNodes: 2,
  getProvider: 1,
  getStake: 1,
  getPool: 1,
  pendingByProvider: 2,
  pendingByNode: 1,
  getPoolSnapshot: 2,
  getProviderSnapshot: 2,
  getNetworkSnapshot: 1,
}

beforeAll(async () => {
  restore = await snapshot()
  await installMulticall3()
  await testClient.setBalance({ address: manager.account.address, value: parseEther('1') })
  await provider.registerProvider({ amount: 250n * 100n * 10n ** 18n })
  await primeClient(validator).whitelistProvider({ provider: me })
  for (const node of nodes) await provider.addNode({ node, computeUnits: 1n, specsURI: '' })
  for (const nodeKey of keys) await primeClient(validator).validateNode({ nodeKey })
  poolId = await startedPool(creator, manager.account.address, {
    rate: 10n ** 12n,
    budget: parseEther('1000'),
  })
}, 300_000)
afterAll(async () => restore())

describe('reads take a fixed number of requests whatever the size', () => {
  test('3 nodes and 200 nodes cost the same requests, with Multicall3 or the BatchReader', async () => {
    await join(keys.slice(0, 3))
    expect(await readCounts(provider)).toEqual(expected)
    expect(await readCounts(bare)).toEqual(expected)
    await join(keys.slice(3))
    expect(await readCounts(provider)).toEqual(expected)
    expect(await readCounts(bare)).toEqual(expected)
    expect(await provider.getPoolNodes({ poolId })).toHaveLength(200)
    expect(await bare.getPoolNodes({ poolId })).toEqual(await provider.getPoolNodes({ poolId }))
    const { nodes: held } = await provider.getProvider({ provider: me })
    expect(held.map(({ nodeKey }) => nodeKey)).toEqual(keys)
  })

  test('works read together cost one contract read and one block read', async () => {
    const workKeys = [1n, 2n, 3n].map((n) => `0x${n.toString(16).padStart(64, '0')}` as const)
    methods = []
    const nodeKey = provider.account.address
    const works = await Promise.all(
      workKeys.map((workKey) => provider.getWork({ nodeKey, workKey })),
    )
    expect(works).toEqual([undefined, undefined, undefined])
    expect(methods.sort()).toEqual(['eth_call', 'eth_getBlockByNumber'])
  })

  test("a client without a chain definition reads through the deployment's BatchReader too", async () => {
    const chainless = createPublicClient({
      transport: http(rpcUrl, {
        onFetchRequest: (_, init) => {
          methods.push(JSON.parse(String(init.body)).method)
        },
      }),
    }).extend(primeNetworkActions({ deployment }))
    expect(await count(() => chainless.getPoolNodes({ poolId }))).toBe(expected.getPoolNodes)
    expect(await chainless.getPoolNodes({ poolId })).toEqual(await bare.getPoolNodes({ poolId }))
  })

  test('without any aggregator (deployless) a large read fails, which is why deploy.sh adds one', async () => {
    const { multicall3: _, ...withoutReader } = deployment
    const deployless = counted(4, anvil, { deployment: withoutReader })
    expect(await deployless.getPool({ poolId })).toEqual(await bare.getPool({ poolId }))
    // Its results come back as contract code, which may not exceed 24,576 bytes (EIP-170): the
    // 200 records of one batch view are more than that.
    await expect(deployless.getPoolNodes({ poolId })).rejects.toThrow('CreateContractSizeLimit')
  })

  test('a default claim reads its nodes in two requests, then writes as an explicit one', async () => {
    await increaseTime(100n)
    await count(() => provider.claimRewards({ poolId }))
    const byDefault = methods
    await count(() => provider.claimRewards({ poolId, nodeKeys: keys }))
    const explicit = methods
    const tally = (list: string[], method: string) => list.filter((m) => m === method).length
    expect(tally(byDefault, 'eth_getLogs')).toBe(1)
    expect(tally(explicit, 'eth_getLogs')).toBe(0)
    // One multicall for the records, then the simulation, as the explicit claim does.
    expect(tally(byDefault, 'eth_call')).toBe(tally(explicit, 'eth_call') + 1)
  })

  test("a write costs one request more than viem's simulate-then-write: the estimate the headroom is added to", async () => {
    const untilSent = (list: string[]) => list.slice(0, list.indexOf('eth_sendRawTransaction') + 1)
    await increaseTime(100n)
    await count(() => provider.claimRewards({ poolId, nodeKeys: keys }))
    const sdk = untilSent(methods)
    await increaseTime(100n)
    await count(async () => {
      const { request } = await provider.simulateContract({
        address: deployment.rewardsDistributor,
        abi: rewardsDistributorClaimRewardsAbi,
        functionName: 'claimRewards',
        args: [poolId, keys],
      })
      await provider.writeContract(request)
    })
    const viem = untilSent(methods)
    // viem fills (and estimates) the transaction once in writeContract; the SDK estimates first
    // (gas plus headroom), and writeContract still fills the nonce and fees: one fill more.
    expect(viem).toEqual(['eth_call', 'eth_fillTransaction', 'eth_sendRawTransaction'])
    expect(sdk).toEqual([
      'eth_call',
      'eth_fillTransaction',
      'eth_fillTransaction',
      'eth_sendRawTransaction',
    ])
  })

  test('snapshots agree with the single reads', async () => {
    const pool = await provider.getPoolSnapshot({ poolId })
    expect(pool.pool).toEqual(await provider.getPool({ poolId }))
    expect(pool.nodes).toEqual(await provider.getPoolNodes({ poolId }))
    const mine = await provider.getProviderSnapshot({ provider: me })
    expect(mine.stake).toEqual(await provider.getStake({ provider: me }))
    expect(mine.nodePools).toEqual(keys.map((nodeKey) => ({ nodeKey, poolId })))
    expect(mine.rewards).toEqual([
      { poolId, ...(await provider.getPendingRewards({ poolId, provider: me })) },
    ])
    const network = await provider.getNetworkSnapshot()
    expect(network.stakeMinimum).toBe(100n * 10n ** 18n)
    expect(network.paused).toBe(false)
    expect(network.validator).toBe(validator.address)
  })
})

describe('a claim of 200 nodes', () => {
  test('estimated in the second of the last claim, it has the gas to land a second later', async () => {
    await increaseTime(100n)
    await provider.claimRewards({ poolId, nodeKeys: keys })
    const claimedAt = await latestTimestamp()
    // The estimate runs on the latest block, where the claim above just wrote every record: the
    // same writes again change nothing and cost little, and nothing is paid. The transaction is
    // mined a second later, when the pool's index has moved: each record is written anew, and the
    // provider is paid. With the percent headroom alone it ran out of gas.
    await testClient.setAutomine(false)
    let mined: Promise<unknown> | undefined
    try {
      const { total, claims, receipt } = await provider.claimRewards({
        poolId,
        nodeKeys: keys,
        onProgress: (progress) => {
          if (progress.status !== 'sent') return
          mined = testClient
            .setNextBlockTimestamp({ timestamp: claimedAt + 1n })
            .then(() => testClient.mine({ blocks: 1 }))
        },
      })
      expect((await provider.getBlock({ blockNumber: receipt.blockNumber })).timestamp).toBe(
        claimedAt + 1n,
      )
      expect(claims).toHaveLength(200)
      // One second of the pool's rate per compute unit, for 200 nodes of one unit each.
      expect(total).toBe(200n * 10n ** 12n)
    } finally {
      await mined
      await testClient.setAutomine(true)
    }
  })
})

describe('logs are read in chunks, with retry', () => {
  test('a block range splits eth_getLogs and gives the same nodes', async () => {
    const whole = await provider.getPoolNodes({ poolId })
    const latest = await testClient.getBlockNumber()
    const { deploymentBlock } = deployment
    const chunks = Number((latest - deploymentBlock) / 25n + 1n)
    methods = []
    expect(await provider.getPoolNodes({ poolId, logBlockRange: 25n })).toEqual(whole)
    expect(methods.filter((m) => m === 'eth_getLogs')).toHaveLength(chunks)
    expect(methods.filter((m) => m === 'eth_blockNumber')).toHaveLength(1)
  })

  test('getEvents splits its range too, up to toBlock; a block tag cannot be split', async () => {
    const { deploymentBlock } = (await import('../../test/utils.js')).deployment
    const toBlock = await testClient.getBlockNumber()
    const whole = await provider.getEvents({ eventName: 'NodeJoinedPool', toBlock })
    expect(whole.length).toBeGreaterThan(0)
    methods = []
    expect(
      await provider.getEvents({ eventName: 'NodeJoinedPool', toBlock, logBlockRange: 10n }),
    ).toEqual(whole)
    // toBlock bounds the chunks, so the head is never asked for.
    expect(methods.filter((m) => m === 'eth_getLogs')).toHaveLength(
      Number((toBlock - deploymentBlock) / 10n + 1n),
    )
    expect(methods).not.toContain('eth_blockNumber')
    const error = await provider
      .getEvents({ fromBlock: 'earliest', logBlockRange: 10n })
      .catch((e) => e)
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error.parameter).toBe('logBlockRange')
  })

  test('a failed eth_getLogs is retried', async () => {
    const base = http(rpcUrl)({ chain: anvil, retryCount: 0 })
    let failures = 1
    const flaky = createWalletClient({
      chain: anvil,
      transport: custom(
        {
          async request(args) {
            if (args.method === 'eth_getLogs' && failures-- > 0) throw new Error('rate limited')
            return base.request(args)
          },
        },
        { retryCount: 0 },
      ),
    }).extend(primeNetworkActions())
    expect(await flaky.getPoolNodes({ poolId })).toHaveLength(200)
    expect(failures).toBe(-1)
    failures = 10
    const error = await flaky.getPoolNodes({ poolId, logRetryCount: 1 }).catch((e) => e)
    expect(error.message).toMatch(/rate limited/)
  })
})
