import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { erc20Abi } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { beforeAll, describe, expect, test } from 'vitest'
import { chain, devPrivateKey, freshAccount, makeHome, prime, primeJson } from './prime.js'

// This file's actors: 0 federator, 1 validator, and fresh accounts for the provider, the pool
// creator and its compute manager key. Two pools, A and B, in one domain.

const federator = { PRIME_PRIVATE_KEY: devPrivateKey(0) }
const validator = { PRIME_PRIVATE_KEY: devPrivateKey(1) }

describe('a provider across two pools; the creator and manager run them', () => {
  let home: string
  let provider: Awaited<ReturnType<typeof freshAccount>>
  let creator: Awaited<ReturnType<typeof freshAccount>>
  let manager: Awaited<ReturnType<typeof freshAccount>>
  const nodeKeys = [generatePrivateKey(), generatePrivateKey(), generatePrivateKey()]
  const [n1, n2, n3] = nodeKeys.map((key) => privateKeyToAccount(key).address) as [
    `0x${string}`,
    `0x${string}`,
    `0x${string}`,
  ]
  let poolA: string
  let poolB: string
  const as = (account: { env: Record<string, string> }) => ({ home, env: account.env })

  /** An invite file for `nodeKey` in `poolId`, signed by the manager key. */
  async function invite(poolId: string, nodeKey: string, signer = manager) {
    const file = join(home, `${poolId}-${nodeKey}-${Math.random()}.json`)
    await primeJson(['pool', 'invite', poolId, '--node', nodeKey, '--out', file], as(signer))
    return file
  }

  beforeAll(async () => {
    home = await makeHome()
    ;[provider, creator, manager] = [
      await freshAccount(),
      await freshAccount(),
      await freshAccount(),
    ]
    const { domainId } = await primeJson(['domain', 'create', '--name', 'pools'], {
      home,
      env: federator,
    })
    const pools: string[] = []
    for (const name of ['a', 'b']) {
      const { poolId } = await primeJson(
        ['pool', 'create', '--domain', domainId, '--manager', manager.address, '--name', name],
        as(creator),
      )
      await primeJson(['pool', 'set-rate', poolId, '1e15 wei'], as(creator))
      await primeJson(['pool', 'fund', poolId, '100'], as(creator))
      await primeJson(['pool', 'start', poolId], as(creator))
      pools.push(poolId)
    }
    ;[poolA, poolB] = pools as [string, string]
    // Minimum x (1 + three 1-unit nodes).
    await primeJson(['provider', 'register', '--stake', '400'], as(provider))
    for (const key of nodeKeys)
      await primeJson(['node', 'add', '--node', 'n', '--units', '1', '--specs', 's'], {
        home,
        env: { ...provider.env, PRIME_NODE_PRIVATE_KEY: key },
      })
    await primeJson(['validator', 'whitelist', provider.address], { home, env: validator })
    for (const nodeKey of [n1, n2, n3])
      await primeJson(['validator', 'validate', nodeKey], { home, env: validator })
    await primeJson(
      ['pool', 'join', poolA, '--invite', await invite(poolA, n1), await invite(poolA, n2)],
      as(provider),
    )
    await primeJson(['pool', 'join', poolB, '--invite', await invite(poolB, n3)], as(provider))
  })

  test('pool move: a dry run sends nothing; then the node leaves A and joins B in one transaction', async () => {
    const { client } = await chain()
    const file = await invite(poolB, n2)
    const nonce = await client.getTransactionCount({ address: provider.address })
    const dry = await primeJson(
      ['pool', 'move', poolA, poolB, '--invite', file, '--dry-run'],
      as(provider),
    )
    expect(dry.calls[0]).toMatchObject({ contract: 'ComputePool', function: 'moveComputeNodes' })
    // People's table shows the invite struct field by field (its signature hidden), not
    // `[object Object]`.
    const human = await prime(
      ['pool', 'move', poolA, poolB, '--invite', file, '--dry-run'],
      as(provider),
    )
    const { nonce: inviteNonce, expiry } = JSON.parse(await readFile(file, 'utf8'))
    expect(human.stdout).toContain(
      `│ args         │ ${poolA}, ${poolB}, [{ nodeKey: ${n2}, nonce: ${inviteNonce}, expiry: ${expiry}, signature: (hidden) }]`,
    )
    expect(human.stdout).not.toContain('[object Object]')
    expect(await client.getTransactionCount({ address: provider.address })).toBe(nonce)

    const run = await prime(
      ['pool', 'move', poolA, poolB, '--invite', file, '--json'],
      as(provider),
    )
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual(
      expect.objectContaining({ fromPoolId: poolA, toPoolId: poolB, nodeKeys: [n2], skipped: [] }),
    )
    expect(run.stderr).toContain(
      `moving 1 node(s): leave pool ${poolA}, join pool ${poolB} (one transaction)`,
    )
    expect(run.stderr).toContain('ComputePool.moveComputeNodes confirmed')
    const members = async (poolId: string) =>
      (await client.getPoolNodes({ poolId: BigInt(poolId) })).map((node) => node.nodeKey).sort()
    expect(await members(poolA)).toEqual([n1])
    expect(await members(poolB)).toEqual([n2, n3].sort())

    // A node no longer in the first pool is skipped, as a leave skips it, and the CLI says so.
    const again = await prime(
      ['pool', 'move', poolA, poolB, '--invite', await invite(poolB, n2)],
      as(provider),
    )
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain(
      `moved 0 node(s) from pool ${poolA} to pool ${poolB}; skipped (not in pool ${poolA}): ${n2}`,
    )
  })

  test('rewards show without a pool: every pool, exactly as the SDK reads them', async () => {
    const { client, testClient } = await chain()
    await testClient.increaseTime({ seconds: 100 })
    await testClient.mine({ blocks: 1 })
    const shown = await primeJson(['rewards', 'show'], as(provider))
    const perPool = await Promise.all(
      [poolA, poolB].map((poolId) =>
        client.getPendingRewards({ poolId: BigInt(poolId), provider: provider.address }),
      ),
    )
    expect(shown.provider).toBe(provider.address)
    expect(shown.pools.map((pool: { poolId: string }) => pool.poolId)).toEqual([poolA, poolB])
    for (const [i, pending] of perPool.entries()) {
      expect(shown.pools[i].total).toBe(pending.total.toString())
      expect(shown.pools[i].nodes).toHaveLength(pending.nodes.length)
    }
    expect(shown.total).toBe((perPool[0]!.total + perPool[1]!.total).toString())
    expect(perPool[0]!.total).toBeGreaterThan(0n)
    const human = await prime(['rewards', 'show'], as(provider))
    expect(human.stdout).toContain(`Rewards of ${provider.address} in all pools`)
    expect(human.stdout).toContain(`Pool ${poolB}`)
  })

  test('rewards claim without a pool claims each pool in its own step, totals exact', async () => {
    const { client, deployment } = await chain()
    const balance = () =>
      client.readContract({
        address: deployment.token,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [provider.address],
      })
    const nonce = await client.getTransactionCount({ address: provider.address })
    const dry = await primeJson(['rewards', 'claim', '--dry-run'], as(provider))
    expect(dry.calls[0]).toMatchObject({ contract: 'RewardsDistributor', function: 'claimRewards' })
    expect(await client.getTransactionCount({ address: provider.address })).toBe(nonce)
    const noPool = await prime(['rewards', 'claim', '--node', n1], as(provider))
    expect(noPool.code).toBe(2)
    expect(noPool.stderr).toContain('--node needs a pool id')

    const before = await balance()
    const run = await prime(['rewards', 'claim', '--json'], as(provider))
    expect(run.code, run.stderr).toBe(0)
    const claimed = JSON.parse(run.stdout)
    expect(run.stderr).toContain(`step 1/2: claim `)
    expect(run.stderr).toContain(`step 2/2: claim `)
    expect(claimed.pools.map((pool: { poolId: string }) => pool.poolId)).toEqual([poolA, poolB])
    // Each pool's figure is what its RewardsClaimed events in that transaction paid.
    for (const pool of claimed.pools) {
      const events = await client.getEvents({
        eventName: 'RewardsClaimed',
        args: { poolId: BigInt(pool.poolId), provider: provider.address },
        fromBlock: BigInt(pool.blockNumber),
        toBlock: BigInt(pool.blockNumber),
      })
      const paid = events.reduce((sum, e) => sum + e.args.timeRewards + e.args.workRewards, 0n)
      expect(pool.total).toBe(paid.toString())
    }
    const total = BigInt(claimed.pools[0].total) + BigInt(claimed.pools[1].total)
    expect(claimed.total).toBe(total.toString())
    expect(await balance()).toBe(before + total)

    // An account that never earned anything has nothing to claim anywhere: not an error.
    const idle = await freshAccount(0n)
    const nothing = await prime(['rewards', 'claim'], as(idle))
    expect(nothing.code).toBe(0)
    expect(nothing.stdout).toBe('✔ nothing to claim in any pool\n')
    const { testClient } = await chain()
    await testClient.increaseTime({ seconds: 10 })
    await testClient.mine({ blocks: 1 })
    const human = await prime(['rewards', 'claim', poolA], as(provider))
    expect(human.stdout).toMatch(new RegExp(`^✔ claimed [\\d.]+ PRIME from pool ${poolA}\\n$`))
  })

  test('pool update changes the limit and the data URI; what is not given stays', async () => {
    const { client } = await chain()
    const limit = await primeJson(['pool', 'update', poolA, '--compute-limit', '5'], as(creator))
    expect(limit).toMatchObject({ poolId: poolA, computeLimit: '5', poolDataURI: '' })
    const uri = await primeJson(['pool', 'update', poolA, '--data-uri', 'ipfs://a2'], as(creator))
    expect(uri).toMatchObject({ computeLimit: '5', poolDataURI: 'ipfs://a2' })
    expect(await client.getPool({ poolId: BigInt(poolA) })).toMatchObject({
      computeLimit: 5n,
      poolDataURI: 'ipfs://a2',
    })
    const below = await prime(['pool', 'update', poolB, '--compute-limit', '1'], as(creator))
    expect(below.code).toBe(1)
    expect(below.stderr).toContain(
      `error ComputeLimitBelowTotal: A compute limit of 1 is below the 2 compute units already in pool ${poolB}.\nnext: Set a limit of at least 2, or 0 for none\n`,
    )
    const nothing = await prime(['pool', 'update', poolA], as(creator))
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('pass --compute-limit, --data-uri or both')
  })

  test('set-manager-key voids the old key’s invites; cancel-invite voids one invite', async () => {
    const { client } = await chain()
    const stale = await invite(poolA, n3)
    const next = await freshAccount(0n)
    const denied = await prime(['pool', 'set-manager-key', poolA, next.address], as(manager))
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain('error CallerNotPoolCreator')
    const rotated = await primeJson(['pool', 'set-manager-key', poolA, next.address], as(creator))
    expect(rotated).toMatchObject({ poolId: poolA, computeManagerKey: next.address })
    const pool = await client.getPool({ poolId: BigInt(poolA) })
    expect(pool.computeManagerKey).toBe(next.address)
    // n3 leaves B; the old key's invite to A no longer works, whatever else holds.
    await primeJson(['pool', 'leave', poolB, '--node', n3], as(provider))
    const voided = await prime(['pool', 'join', poolA, '--invite', stale], as(provider))
    expect(voided.code).toBe(1)
    expect(voided.stderr).toContain(
      `error InvalidInviteSignature: The invite of node ${n3} to pool ${poolA} was not signed by the pool's current compute manager key, or not for this provider.\nnext: Ask the pool's manager for a new invite, made out to this node and provider\n`,
    )

    const fresh = await invite(poolA, n3, next)
    const { nonce } = JSON.parse(await readFile(fresh, 'utf8'))
    const cancelled = await primeJson(['pool', 'cancel-invite', poolA, nonce], as(next))
    expect(cancelled).toMatchObject({ poolId: poolA, nonce })
    expect(await client.isInviteNonceUsed({ poolId: BigInt(poolA), nonce: BigInt(nonce) })).toBe(
      true,
    )
    const used = await prime(['pool', 'join', poolA, '--invite', fresh], as(provider))
    expect(used.code).toBe(1)
    expect(used.stderr).toContain(
      `error InviteNonceUsed: Invite nonce ${nonce} of pool ${poolA} was already used or cancelled.\n`,
    )
  })

  test('eject-ineligible takes out only the nodes that may no longer be in the pool', async () => {
    const { client } = await chain()
    // n2 (in B) is invalidated without being evicted: still in B, but no longer eligible.
    await primeJson(['validator', 'invalidate', n2], { home, env: validator })
    const keeper = await freshAccount(0n)
    await primeJson(['pool', 'join', poolB, '--invite', await invite(poolB, n3)], as(provider))
    const ejected = await primeJson(['pool', 'eject-ineligible', poolB], as(keeper))
    expect(ejected).toMatchObject({ poolId: poolB, ejected: [n2] })
    expect((await client.getPoolNodes({ poolId: BigInt(poolB) })).map((n) => n.nodeKey)).toEqual([
      n3,
    ])
    const none = await prime(['pool', 'eject-ineligible', poolB, '--node', n3], as(keeper))
    expect(none.stdout).toBe(`✔ ejected 0 ineligible node(s) from pool ${poolB}\n`)
  })

  test('pool blacklist bars nodes or providers, purging those in the pool when asked', async () => {
    const { client } = await chain()
    const denied = await prime(['pool', 'blacklist', poolA, '--node', n1], as(provider))
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain(
      `error CallerNotPoolOperator: ${provider.address} is neither the creator nor the compute manager key of pool ${poolA}.\n`,
    )
    const nodes = await primeJson(
      ['pool', 'blacklist', poolA, '--node', n1, '--purge'],
      as(creator),
    )
    expect(nodes).toEqual({
      poolId: poolA,
      nodeKeys: [n1],
      providers: [],
      purged: [n1],
      hash: nodes.hash,
      blockNumber: nodes.blockNumber,
      gasUsed: nodes.gasUsed,
    })
    expect(await client.getPoolNodes({ poolId: BigInt(poolA) })).toEqual([])
    const providers = await primeJson(
      ['pool', 'blacklist', poolB, '--provider', provider.address, '--purge'],
      as(manager),
    )
    expect(providers).toMatchObject({ providers: [provider.address], nodeKeys: [], purged: [n3] })
    expect(await client.getPoolNodes({ poolId: BigInt(poolB) })).toEqual([])
    const rejoin = await prime(
      ['pool', 'join', poolB, '--invite', await invite(poolB, n3)],
      as(provider),
    )
    expect(rejoin.code).toBe(1)
    expect(rejoin.stderr).toContain(
      `error ProviderBlacklisted: Provider ${provider.address} is blacklisted from pool ${poolB}.\nnext: Use another pool\n`,
    )
    const both = await prime(['pool', 'blacklist', poolA], as(creator))
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('pass either --node <address> ... or --provider <address> ...')
  })
})
