import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { erc20Abi, formatEther, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { beforeAll, describe, expect, test } from 'vitest'
import { formatDuration } from '../src/format.js'
import { chain, dev, importKey, makeHome, prime, primeJson } from './prime.js'

// This file's actors: 0 federator, 1 validator, 3 provider, 4 pool creator, 5 compute manager.
const provider = dev(3)
const creator = dev(4)
const manager = dev(5)

describe('a pool from creation to claimed rewards', () => {
  let home: string
  const as: Record<string, string[]> = {}
  let nodeKey: `0x${string}`
  let domainId: string
  let poolId: string
  beforeAll(async () => {
    home = await makeHome()
    for (const [name, index] of [
      ['federator', 0],
      ['validator', 1],
      ['provider', 3],
      ['creator', 4],
      ['manager', 5],
    ] as const)
      as[name] = ['--account', name, '--password-file', await importKey(home, name, index, name)]
  })

  test('node keygen writes a keystore that cast reads; the key is never printed', async () => {
    const run = await prime(['node', 'keygen', 'gpu-1', '--json'], {
      home,
      env: { PRIME_NODE_PASSWORD: 'node-secret' },
    })
    expect(run.code).toBe(0)
    const created = JSON.parse(run.stdout)
    nodeKey = created.address
    expect(created.path).toBe(join(home, '.foundry/keystores/gpu-1'))
    expect(run.stdout + run.stderr).not.toMatch(/[0-9a-f]{64}/i)
    const again = await prime(['node', 'keygen', 'gpu-1'], {
      home,
      env: { PRIME_NODE_PASSWORD: 'node-secret' },
    })
    expect(again.code).toBe(2)
    expect(again.stderr).toContain("keystore 'gpu-1' already exists")
  })

  test('the provider registers and adds the node, signed by the node key', async () => {
    const { client } = await chain()
    const stake = await client.getMinimumStake({ additionalComputeUnits: 10n })
    const registered = await prime(
      ['provider', 'register', '--stake', `${stake} wei`, ...as.provider!],
      { home },
    )
    expect(registered.stdout).toBe(
      `✔ registered ${provider.address} with 1100 PRIME; active stake 1100 PRIME\n`,
    )
    const added = await primeJson(
      [
        'node',
        'add',
        '--node',
        'gpu-1',
        '--units',
        '10',
        '--specs',
        'ipfs://gpu-1',
        ...as.provider!,
      ],
      { home, env: { PRIME_NODE_PASSWORD: 'node-secret' } },
    )
    expect(added.nodeKey).toBe(nodeKey)
    expect(added.providerComputeUnits).toBe('10')
    const node = await client.getNode({ nodeKey })
    expect(node).toMatchObject({ provider: provider.address, computeUnits: 10n, validated: false })
    const shown = await primeJson(['node', 'show', nodeKey], { home })
    expect(shown).toEqual({
      nodeKey,
      provider: provider.address,
      computeUnits: '10',
      benchmarkScore: node!.benchmarkScore.toString(),
      active: false,
      validated: false,
      specsURI: 'ipfs://gpu-1',
    })
  })

  test('a non-validator cannot validate: the typed error, exit 1', async () => {
    const run = await prime(['validator', 'validate', nodeKey, ...as.provider!], { home })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `error MissingRole: ${provider.address} is not the validator: only the validator may do this.\nnext: Sign with the validator's account\n`,
    )
  })

  test('the validator whitelists the provider and validates the node', async () => {
    const { client } = await chain()
    const whitelisted = await prime(
      ['validator', 'whitelist', provider.address, ...as.validator!],
      {
        home,
      },
    )
    expect(whitelisted.stdout).toBe(`✔ whitelisted ${provider.address}\n`)
    expect(whitelisted.stderr).toMatch(/tx 1 PrimeNetwork.whitelistProvider sent 0x[0-9a-f]{64}\n/)
    await primeJson(['validator', 'validate', nodeKey, ...as.validator!], { home })
    expect((await client.getProvider({ provider: provider.address })).whitelisted).toBe(true)
    expect((await client.getNode({ nodeKey }))!.validated).toBe(true)
  })

  test('the federator creates and updates a domain; list and show read it back', async () => {
    const { client } = await chain()
    const created = await primeJson(
      ['domain', 'create', '--name', 'inference', '--parameters-uri', 'ipfs://p', ...as.federator!],
      { home },
    )
    domainId = created.domainId
    const { domains } = await primeJson(['domain', 'list'], { home })
    expect(domains.at(-1)).toMatchObject({
      domainId,
      name: 'inference',
      domainParametersURI: 'ipfs://p',
    })
    expect(await primeJson(['domain', 'show', domainId], { home })).toEqual(domains.at(-1))
    const updated = await primeJson(
      ['domain', 'update', domainId, '--parameters-uri', 'ipfs://p2', ...as.federator!],
      { home },
    )
    expect(updated).toMatchObject({ domainId, domainParametersURI: 'ipfs://p2' })
    expect((await client.getDomain({ domainId: BigInt(domainId) })).domainParametersURI).toBe(
      'ipfs://p2',
    )
    const denied = await prime(
      ['domain', 'update', domainId, '--parameters-uri', 'x', ...as.provider!],
      {
        home,
      },
    )
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain('error MissingRole')
  })

  test('the creator creates, prices, funds and starts a pool', async () => {
    const { client } = await chain()
    const created = await primeJson(
      [
        'pool',
        'create',
        '--domain',
        domainId,
        '--manager',
        manager.address,
        '--name',
        'llm',
        ...as.creator!,
      ],
      { home },
    )
    poolId = created.poolId
    await primeJson(['pool', 'set-rate', poolId, '1e15 wei', ...as.creator!], { home })
    const funded = await primeJson(['pool', 'fund', poolId, '1000 PRIME', ...as.creator!], { home })
    expect(funded.amount).toEqual({ input: '1000 PRIME', wei: parseEther('1000').toString() })
    expect(funded.budget).toBe(parseEther('1000').toString())
    const started = await prime(['pool', 'start', poolId, ...as.creator!], { home })
    expect(started.stdout).toBe(`✔ pool ${poolId} started\n`)
    const pool = await client.getPool({ poolId: BigInt(poolId) })
    expect(pool).toMatchObject({ status: 'ACTIVE', rewardRate: parseEther('0.001') })
    const shown = await primeJson(['pool', 'show', poolId], { home })
    expect(shown).toMatchObject({
      poolId,
      status: 'ACTIVE',
      creator: creator.address,
      computeManagerKey: manager.address,
      rewardBudget: pool.rewardBudget.toString(),
    })
  })

  test('the manager signs an invite; the provider joins with it; reuse fails', async () => {
    const { client } = await chain()
    const inviteFile = join(home, 'gpu-1.invite.json')
    const nonce = await client.getTransactionCount({ address: manager.address })
    const invite = await primeJson(
      ['pool', 'invite', poolId, '--node', nodeKey, '--out', inviteFile, ...as.manager!],
      { home },
    )
    expect(invite).toMatchObject({ poolId, nodeKey, file: inviteFile })
    // Signing is offline.
    expect(await client.getTransactionCount({ address: manager.address })).toBe(nonce)
    const joined = await primeJson(
      ['pool', 'join', poolId, '--invite', inviteFile, ...as.provider!],
      {
        home,
      },
    )
    expect(joined.nodeKeys).toEqual([nodeKey])
    expect((await client.getNode({ nodeKey }))!.active).toBe(true)
    const reused = await prime(['pool', 'join', poolId, '--invite', inviteFile, ...as.provider!], {
      home,
    })
    expect(reused.code).toBe(1)
    expect(reused.stderr).toContain(
      `error InviteNonceUsed: Invite nonce ${invite.nonce} of pool ${poolId} was already used or cancelled.\nnext: Ask the pool's manager for a new invite\n`,
    )
    const members = await primeJson(['pool', 'members', poolId], { home })
    expect(members.nodes).toMatchObject([
      { nodeKey, provider: provider.address, computeUnits: '10' },
    ])
  })

  test('pool fund checks the balance before any transaction: no approve, no allowance left', async () => {
    const { client, deployment } = await chain()
    const creator = dev(4).address
    const [nonce, allowance, balance] = await Promise.all([
      client.getTransactionCount({ address: creator }),
      client.readContract({
        address: deployment.token,
        abi: erc20Abi,
        functionName: 'allowance',
        args: [creator, deployment.rewardsDistributor],
      }),
      client.readContract({
        address: deployment.token,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [creator],
      }),
    ])
    const run = await prime(['pool', 'fund', poolId, '2000000 PRIME', ...as.creator!], { home })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(
      `${creator} holds ${formatEther(balance)} tokens, less than the 2000000 needed; nothing was sent`,
    )
    expect(await client.getTransactionCount({ address: creator })).toBe(nonce)
    expect(
      await client.readContract({
        address: deployment.token,
        abi: erc20Abi,
        functionName: 'allowance',
        args: [creator, deployment.rewardsDistributor],
      }),
    ).toBe(allowance)
  })

  test('people get tables and plain sentences', async () => {
    const expectOut = async (args: string[], ...texts: string[]) => {
      const run = await prime(args, { home })
      expect(run.code, args.join(' ')).toBe(0)
      for (const text of texts) expect(run.stdout, args.join(' ')).toContain(text)
      return run
    }
    await expectOut(['network', 'status'], 'Prime Network', 'paused', 'no', 'Deployment')
    const pool = await expectOut(['pool', 'show', poolId], 'ACTIVE', 'llm')
    const rewards = await (await chain()).client.getPoolRewards({ poolId: BigInt(poolId) })
    for (const row of [
      /│ reward rate +│ 0\.001 PRIME per unit per second +│/,
      /│ work rate +│ 0 PRIME per work unit +│/,
      // The network's minimum window when the pool set none (other files change it).
      new RegExp(`│ work lock window +│ ${formatDuration(rewards.workLockPeriod)} +│`),
      /│ most locked per node +│ 0 PRIME +│/,
      // Times are ISO and relative to the chain's clock.
      /│ started +│ \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(\d+ (s|min) ago\) +│/,
      /│ ended +│ - +│/,
    ])
      expect(pool.stdout).toMatch(row)
    const json = await primeJson(['pool', 'show', poolId], { home })
    expect(json).toMatchObject({
      workRate: '0',
      workLockPeriod: rewards.workLockPeriod.toString(),
      maxLockedPerNode: '0',
    })
    const members = await expectOut(['pool', 'members', poolId], nodeKey, provider.address)
    expect(members.stdout).toMatch(/│ \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(.+\) +│ 0 s +│/)
    await expectOut(['rewards', 'show', poolId, ...as.provider!], 'claimable', nodeKey)
    await expectOut(['domain', 'list'], 'inference')
    await expectOut(['domain', 'show', domainId], 'inference', 'ipfs://p')
    await expectOut(['node', 'show', nodeKey], 'gpu-1', 'yes')
    await expectOut(['provider', 'status', provider.address], nodeKey, '(none)')
    // Without --out, an invite is printed; nothing is written.
    const printed = await expectOut(['pool', 'invite', poolId, '--node', nodeKey, ...as.manager!])
    expect(JSON.parse(printed.stdout)).toMatchObject({ poolId, nodeKey })
    const budget = (await (await chain()).client.getPoolRewards({ poolId: BigInt(poolId) })).budget
    const dry = await expectOut(
      ['pool', 'fund', poolId, '5', '--dry-run', ...as.creator!],
      ': nothing was sent. The command would send 2 transaction(s), in order:',
      // The creator's allowance is used up: the approve, then the fund on the state it leaves.
      'PrimeToken.approve',
      'RewardsDistributor.fundPool',
      'gas estimate',
      'Its result on the fork:',
    )
    expect(dry.stderr).toBe('')
    expect(
      (await (await chain()).client.getPoolRewards({ poolId: BigInt(poolId) })).budget,
      'nothing reached the chain',
    ).toBe(budget)
  })

  test('an hour later the provider claims exactly rate x units x seconds', async () => {
    const { client, testClient } = await chain()
    await testClient.increaseTime({ seconds: 3600 })
    await testClient.mine({ blocks: 1 })
    const shown = await primeJson(['rewards', 'show', poolId, ...as.provider!], { home })
    const pending = await client.getPendingRewards({
      poolId: BigInt(poolId),
      provider: provider.address,
    })
    expect(shown.total).toBe(pending.total.toString())
    // The provider's status has the same figure for the pool, and the node in it.
    const status = await primeJson(['provider', 'status', provider.address], { home })
    expect(status.rewards).toEqual([
      { poolId, claimable: pending.total.toString(), locked: pending.totalLocked.toString() },
    ])
    expect(status.nodes).toMatchObject([{ nodeKey, poolId, active: true }])
    const before = await client.getPoolNodes({ poolId: BigInt(poolId) })
    const claimed = await primeJson(['rewards', 'claim', poolId, ...as.provider!], { home })
    const { timestamp } = await client.getBlock({ blockNumber: BigInt(claimed.blockNumber) })
    const seconds = timestamp - before[0]!.joinedAt + before[0]!.activeSeconds
    expect(claimed.total).toBe((parseEther('0.001') * 10n * seconds).toString())
    expect(claimed.claims).toEqual([
      {
        nodeKey,
        amount: claimed.total,
        timeRewards: claimed.total,
        workRewards: '0',
      },
    ])
  })

  test('the creator ejects the node; it rejoins with a fresh invite', async () => {
    const { client } = await chain()
    const ejected = await primeJson(['pool', 'eject', poolId, nodeKey, ...as.creator!], { home })
    expect(ejected).toMatchObject({ poolId, nodeKey })
    expect((await client.getNode({ nodeKey }))!.active).toBe(false)
    const again = await prime(['pool', 'eject', poolId, nodeKey, ...as.creator!], { home })
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(
      `error NodeNotInPool: Node ${nodeKey} is not in pool ${poolId}.\n`,
    )
    const inviteFile = join(home, 'gpu-1.again.json')
    await primeJson(
      ['pool', 'invite', poolId, '--node', nodeKey, '--out', inviteFile, ...as.manager!],
      {
        home,
      },
    )
    await primeJson(['pool', 'join', poolId, '--invite', inviteFile, ...as.provider!], { home })
    expect((await client.getNode({ nodeKey }))!.active).toBe(true)
    // A broken invite file is refused before anything is sent.
    await writeFile(join(home, 'bad.json'), '{"poolId": 1}')
    const bad = await prime(
      ['pool', 'join', poolId, '--invite', join(home, 'bad.json'), ...as.provider!],
      {
        home,
      },
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('is invalid')
    const missing = await prime(
      ['pool', 'join', poolId, '--invite', join(home, 'none.json'), ...as.provider!],
      {
        home,
      },
    )
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot read invite')
  })

  test('the node leaves, the pool ends, the node is removed', async () => {
    const { client } = await chain()
    const left = await primeJson(['pool', 'leave', poolId, ...as.provider!], { home })
    expect(left.nodeKeys).toEqual([nodeKey])
    await primeJson(['pool', 'end', poolId, ...as.creator!], { home })
    expect((await client.getPool({ poolId: BigInt(poolId) })).status).toBe('COMPLETED')
    const { rewardBudget } = await client.getPool({ poolId: BigInt(poolId) })
    const withdrawn = await primeJson(['pool', 'withdraw-budget', poolId, ...as.creator!], { home })
    expect(withdrawn.amount).toBe(rewardBudget.toString())
    expect((await client.getPool({ poolId: BigInt(poolId) })).rewardBudget).toBe(0n)
    await primeJson(['node', 'remove', nodeKey, ...as.provider!], { home })
    expect(await client.getNode({ nodeKey })).toBeNull()
    const missing = await prime(['node', 'show', nodeKey], { home })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`no node ${nodeKey} is registered`)
  })

  test('PRIME_NODE_PRIVATE_KEY replaces the node keystore in CI', async () => {
    const key = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d' as const
    const run = await primeJson(
      ['node', 'add', '--node', 'ci', '--units', '1', '--specs', 's', ...as.provider!],
      { home, env: { PRIME_NODE_PRIVATE_KEY: key } },
    )
    expect(run.nodeKey).toBe(privateKeyToAccount(key).address)
  })
})
