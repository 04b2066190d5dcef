import { keccak256, parseEther, toHex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { beforeAll, describe, expect, test } from 'vitest'
import { chain, dev, importKey, makeHome, prime, primeJson } from './prime.js'

// This file's actors: 0 federator, 1 validator, 7 and 9 providers, 8 pool creator and manager.
// Network-wide settings changed here are restored by the test that changes them.
const provider = dev(7)
const creator = dev(8)
const offender = dev(9)

describe('federator, validator, work and exit', () => {
  let home: string
  const as: Record<string, string[]> = {}
  beforeAll(async () => {
    home = await makeHome()
    for (const [name, index] of [
      ['federator', 0],
      ['validator', 1],
      ['provider', 7],
      ['creator', 8],
      ['offender', 9],
    ] as const)
      as[name] = ['--account', name, '--password-file', await importKey(home, name, index, name)]
  })

  test('the federator pauses, sets parameters and the treasury; network status shows them', async () => {
    const { client } = await chain()
    const before = await primeJson(['network', 'status'], { home })
    expect((await primeJson(['network', 'pause', ...as.federator!], { home })).paused).toBe(true)
    const paused = await prime(['provider', 'register', '--stake', '100', ...as.offender!], {
      home,
    })
    // Unpause before asserting, so a failure here cannot leave the other tests paused.
    await primeJson(['network', 'unpause', ...as.federator!], { home })
    expect(paused.code).toBe(1)
    expect(paused.stderr).toContain(
      'error NetworkPaused: The network is paused: registration, node adds, pool joins and work submissions wait. Claims and withdrawals still work.\nnext: Wait for the federator to unpause the network\n',
    )
    // People read amounts with their unit and durations in words; --json keeps the integers.
    const minimum = await prime(['network', 'set-stake-minimum', '150', ...as.federator!], { home })
    expect([minimum.code, minimum.stdout]).toEqual([0, '✔ stake minimum is 150 PRIME\n'])
    const unbonding = await prime(['network', 'set-unbonding-period', '3600', ...as.federator!], {
      home,
    })
    expect([unbonding.code, unbonding.stdout]).toEqual([0, '✔ unbonding period is 1 hour\n'])
    const shown = await prime(['network', 'status'], { home })
    expect(shown.stdout).toMatch(/│ stake minimum +│ 150 PRIME +│/)
    expect(shown.stdout).toMatch(/│ unbonding period +│ 1 hour +│/)
    await primeJson(['network', 'set-treasury', dev(6).address, ...as.federator!], { home })
    const status = await primeJson(['network', 'status'], { home })
    expect(status).toMatchObject({
      paused: false,
      stakeMinimum: parseEther('150').toString(),
      unbondingPeriod: '3600',
      treasury: dev(6).address,
    })
    expect(await client.getMinimumStake()).toBe(parseEther('150'))
    const denied = await prime(['network', 'set-stake-minimum', '1', ...as.provider!], { home })
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain('error MissingRole')
    await primeJson(
      ['network', 'set-stake-minimum', `${before.stakeMinimum} wei`, ...as.federator!],
      {
        home,
      },
    )
  })

  test('the validator slashes (to the treasury), benchmarks, invalidates and blacklists', async () => {
    const { client } = await chain()
    await primeJson(['provider', 'register', '--stake', '300', ...as.offender!], { home })
    const key = generatePrivateKey()
    const nodeKey = privateKeyToAccount(key).address
    await primeJson(
      ['node', 'add', '--node', 'n', '--units', '1', '--specs', 's', ...as.offender!],
      {
        home,
        env: { PRIME_NODE_PRIVATE_KEY: key },
      },
    )
    const slashed = await primeJson(
      ['validator', 'slash', offender.address, '25', ...as.validator!],
      {
        home,
      },
    )
    expect(slashed).toMatchObject({
      amount: { input: '25', wei: parseEther('25').toString() },
      slashed: parseEther('25').toString(),
      fromActive: parseEther('25').toString(),
      fromUnbonding: '0',
      treasury: dev(6).address,
      evicted: [],
    })
    expect((await client.getStake({ provider: offender.address })).active).toBe(parseEther('275'))
    await primeJson(['validator', 'benchmark', nodeKey, '950', ...as.validator!], { home })
    expect((await client.getNode({ nodeKey }))!.benchmarkScore).toBe(950n)
    await primeJson(['validator', 'validate', nodeKey, ...as.validator!], { home })
    const invalidated = await primeJson(['validator', 'invalidate', nodeKey, ...as.validator!], {
      home,
    })
    expect(invalidated.evicted).toEqual([])
    expect((await client.getNode({ nodeKey }))!.validated).toBe(false)
    await primeJson(['validator', 'whitelist', offender.address, ...as.validator!], { home })
    const blacklisted = await prime(
      ['validator', 'blacklist', offender.address, ...as.validator!],
      {
        home,
      },
    )
    expect(blacklisted.stdout).toBe(`✔ blacklisted ${offender.address}; 0 node(s) taken out\n`)
    expect((await client.getProvider({ provider: offender.address })).whitelisted).toBe(false)
    const human = await prime(['validator', 'slash', offender.address, '1', ...as.validator!], {
      home,
    })
    expect(human.stdout).toContain(
      `✔ slashed 1 PRIME from ${offender.address} (1 PRIME active, 0 PRIME unbonding)`,
    )
  })

  test('a provider submits work, then exits: claim, leave, remove, reclaim all', async () => {
    const { client, deployment } = await chain()
    const key = generatePrivateKey()
    const nodeKey = privateKeyToAccount(key).address
    const nodeEnv = { PRIME_NODE_PRIVATE_KEY: key }
    await primeJson(['provider', 'register', '--stake', '300', ...as.provider!], { home })
    await primeJson(
      ['node', 'add', '--node', 'n', '--units', '2', '--specs', 's', ...as.provider!],
      {
        home,
        env: nodeEnv,
      },
    )
    await primeJson(['validator', 'whitelist', provider.address, ...as.validator!], { home })
    await primeJson(['validator', 'validate', nodeKey, ...as.validator!], { home })
    const { domainId } = await primeJson(
      [
        'domain',
        'create',
        '--name',
        'work',
        '--validation',
        deployment.workValidation!,
        ...as.federator!,
      ],
      { home },
    )
    await primeJson(['domain', 'set-units-cap', domainId, '100', ...as.federator!], { home })
    const { poolId } = await primeJson(
      [
        'pool',
        'create',
        '--domain',
        domainId,
        '--manager',
        creator.address,
        '--name',
        'w',
        ...as.creator!,
      ],
      { home },
    )
    await primeJson(['pool', 'set-rate', poolId, '1e12 wei', ...as.creator!], { home })
    await primeJson(['pool', 'fund', poolId, '100', ...as.creator!], { home })
    await primeJson(['pool', 'start', poolId, ...as.creator!], { home })
    const invite = await primeJson(['pool', 'invite', poolId, '--node', nodeKey, ...as.creator!], {
      home,
    })
    const { writeFile } = await import('node:fs/promises')
    await writeFile(`${home}/w.invite.json`, JSON.stringify(invite))
    await primeJson(
      ['pool', 'join', poolId, '--invite', `${home}/w.invite.json`, ...as.provider!],
      {
        home,
      },
    )

    const workKey = keccak256(toHex('output-1'))
    const submitted = await primeJson(
      [
        'work',
        'submit',
        poolId,
        '--node-key',
        nodeKey,
        '--work-key',
        workKey,
        '--units',
        '5',
        ...as.provider!,
      ],
      { home },
    )
    expect(submitted).toMatchObject({ poolId, nodeKey, workKey, units: '5', reward: '0' })
    const work = await client.getWork({ nodeKey, workKey })
    expect(work).toMatchObject({ nodeKey, units: 5n })
    const again = await prime(
      ['work', 'submit', poolId, '--node', 'n', '--work-key', workKey, '--units', '5'],
      { home, env: nodeEnv },
    )
    expect(again.code).toBe(1)
    const both = await prime(['work', 'submit', poolId, '--work-key', workKey, '--units', '1'], {
      home,
    })
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('pass either --node <name>')
    const badKey = await prime(
      ['work', 'submit', poolId, '--node-key', nodeKey, '--work-key', '0x12', '--units', '1'],
      {
        home,
      },
    )
    expect(badKey.code).toBe(2)
    expect(badKey.stderr).toContain("'0x12' is not a work key: expected 32 bytes of hex")
    // A soft-invalidated work stays rejected: submitted again, it is refused by name.
    await primeJson(['work', 'soft-invalidate', nodeKey, workKey, ...as.validator!], { home })
    const resubmitted = await prime(
      [
        'work',
        'submit',
        poolId,
        '--node-key',
        nodeKey,
        '--work-key',
        workKey,
        '--units',
        '5',
        ...as.provider!,
      ],
      { home },
    )
    expect(resubmitted.code).toBe(1)
    expect(resubmitted.stderr).toContain(
      `error WorkKeyUsed: Node ${nodeKey} already submitted work ${workKey}: it is paid, locked, or invalidated for good.\nnext: Submit new work under a new work key\n`,
    )
    const listed = await primeJson(['work', 'list', poolId], { home })
    expect(listed.works).toHaveLength(1)
    expect(listed.works[0]).toMatchObject({
      workKey,
      status: 'SOFT_INVALIDATED',
      state: 'soft-invalidated',
    })

    const { pools } = await primeJson(['pool', 'list'], { home })
    expect(pools.at(-1)).toMatchObject({ poolId, name: 'w', status: 'ACTIVE', nodeCount: 1 })
    expect((await prime(['pool', 'list'], { home })).stdout).toContain('Pools')

    const { testClient } = await chain()
    await testClient.increaseTime({ seconds: 600 })
    await testClient.mine({ blocks: 1 })
    // The dry run runs every step on a local fork: claim, leave, remove, reclaim.
    const dry = await primeJson(['provider', 'exit', '--dry-run', ...as.provider!], { home })
    expect(dry).toMatchObject({ dryRun: true, sent: false, steps: 'all' })
    expect(dry.calls.map((call: { function: string }) => call.function)).toEqual([
      'leaveComputePool',
      'claimRewards',
      'removeComputeNode',
      'reclaimStake',
    ])
    expect(dry.result).toMatchObject({
      removed: [nodeKey],
      reclaimed: parseEther('200').toString(),
    })
    expect(
      (await client.getProvider({ provider: provider.address })).nodes,
      'still there',
    ).toHaveLength(1)
    const exit = await prime(['provider', 'exit', '--json', ...as.provider!], { home })
    expect(exit.code, exit.stderr).toBe(0)
    const result = JSON.parse(exit.stdout)
    expect(result.claimed).toHaveLength(1)
    expect(BigInt(result.claimed[0].total)).toBeGreaterThan(0n)
    expect(result.left).toEqual([{ poolId, nodeKeys: [nodeKey] }])
    expect(result.removed).toEqual([nodeKey])
    // The work is still in its lock window: the minimum stays bonded for a penalty until then.
    const { workLockedUntil } = await client.getProvider({ provider: provider.address })
    expect(result.reclaimed).toBe(parseEther('200').toString())
    expect(result.kept).toBe(parseEther('100').toString())
    expect(result.keptUntil).toBe(String(workLockedUntil))
    // Leave, then claim: the claim covers every second up to the leave, so nothing claimable is
    // left behind, to the wei (the work reward is still locked, so it is not claimable yet).
    expect(exit.stderr.indexOf('ComputePool.leaveComputePool confirmed')).toBeGreaterThan(-1)
    expect(exit.stderr.indexOf('ComputePool.leaveComputePool confirmed')).toBeLessThan(
      exit.stderr.indexOf('RewardsDistributor.claimRewards confirmed'),
    )
    const after = await primeJson(['provider', 'status', provider.address], { home })
    expect(after.rewards.map((r: { claimable: string }) => r.claimable)).toEqual(
      after.rewards.map(() => '0'),
    )
    const pending = await client.getPendingRewards({
      poolId: BigInt(poolId),
      provider: provider.address,
    })
    expect(pending.total).toBe(0n)
    // What was claimed is exactly what the node earned up to its leave: the claim event's amount.
    const claimEvent = (
      await client.getEvents({
        eventName: 'RewardsClaimed',
        args: { poolId: BigInt(poolId), provider: provider.address },
      })
    ).at(-1)
    expect(result.claimed[0].total).toBe(
      (claimEvent!.args.timeRewards! + claimEvent!.args.workRewards!).toString(),
    )
    const stake = await client.getStake({ provider: provider.address })
    expect(stake.active).toBe(parseEther('100'))
    expect(stake.unbonding).toBe(parseEther('200'))
    expect(result.withdrawableFrom).toBe(stake.pendingUnbonds[0]!.unlockTime.toString())
    expect((await client.getProvider({ provider: provider.address })).nodes).toEqual([])
    // Re-running before the lock ends has nothing left to do.
    const rerun = await prime(['provider', 'exit', ...as.provider!], { home })
    expect(rerun.code).toBe(0)
    expect(rerun.stdout).toContain(
      '✔ reclaimed 0 PRIME; 200 PRIME unbonding, all withdrawable from ',
    )
    expect(rerun.stdout).toContain(
      `; 100 PRIME stays bonded while your work is locked, until ${new Date(workLockedUntil * 1000).toISOString().replace('.000Z', 'Z')} (in `,
    )
    // Once the work is final, exit takes the rest: nothing stays bonded.
    await testClient.setNextBlockTimestamp({ timestamp: BigInt(workLockedUntil) })
    await testClient.mine({ blocks: 1 })
    const last = await primeJson(['provider', 'exit', ...as.provider!], { home })
    expect(last).toMatchObject({
      reclaimed: parseEther('100').toString(),
      kept: '0',
      keptUntil: null,
      unbonding: parseEther('300').toString(),
    })
    const final = await client.getStake({ provider: provider.address })
    expect(final.active).toBe(0n)
    // Nothing is left to do: the dry run says so, with exit's own summary from the fork.
    const idle = await prime(['provider', 'exit', '--dry-run', ...as.provider!], { home })
    expect(idle.code, idle.stderr).toBe(0)
    expect(idle.stdout).toContain(': the command would send nothing.')
    expect(idle.stdout).toContain('✔ reclaimed 0 PRIME; 300 PRIME unbonding')
    expect(final.unbonding).toBe(parseEther('300'))
  })

  test('watch redraws on each new block and stops after --blocks', async () => {
    const { testClient } = await chain()
    const watching = prime(['watch', 'network', '--json', '--blocks', '3', '--interval', '100'], {
      home,
    })
    let done = false
    void watching.then(() => {
      done = true
    })
    // Keep mining until the watch has seen three blocks.
    while (!done) {
      await testClient.mine({ blocks: 1 })
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    const run = await watching
    expect(run.code).toBe(0)
    const updates = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(updates).toHaveLength(3)
    const blocks = updates.map((update) => BigInt(update.blockNumber))
    expect(blocks[1]! > blocks[0]! && blocks[2]! > blocks[1]!).toBe(true)
    expect(updates[2].roles.federator).toBe(dev(0).address)

    const pool = await prime(['watch', 'pool', '1', '--blocks', '1'], { home })
    expect(pool.stdout).toContain('Pool')
    const who = await prime(['watch', 'provider', provider.address, '--blocks', '1', '--json'], {
      home,
    })
    expect(JSON.parse(who.stdout).address).toBe(provider.address)
    const network = await prime(['watch', 'network', '--blocks', '1'], { home })
    expect(network.stdout).toContain('Prime Network')
  })

  test('role handover: propose, cancel, accept, and hand back', async () => {
    const { client } = await chain()
    const newHolder = dev(6)
    const pw = await importKey(home, 'next-validator', 6, 'next')
    const asNext = ['--account', 'next-validator', '--password-file', pw]
    await primeJson(['network', 'propose-role', 'validator', newHolder.address, ...as.federator!], {
      home,
    })
    expect(await client.getPendingRoleHolder({ role: 'validator' })).toBe(newHolder.address)
    await primeJson(['network', 'cancel-role', 'validator', ...as.federator!], { home })
    const refused = await prime(['network', 'accept-role', 'validator', ...asNext], { home })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      `error CallerNotPendingRoleHolder: ${newHolder.address} is not the proposed new validator.\nnext: Accept the role with the account the handover names\n`,
    )
    await primeJson(['network', 'propose-role', 'validator', newHolder.address, ...as.federator!], {
      home,
    })
    const accepted = await primeJson(['network', 'accept-role', 'validator', ...asNext], { home })
    expect(accepted.holder).toBe(newHolder.address)
    expect((await primeJson(['network', 'status'], { home })).roles.validator).toBe(
      newHolder.address,
    )
    // Hand it back, so the validator of the other files is unchanged.
    await primeJson(['network', 'propose-role', 'validator', dev(1).address, ...asNext], { home })
    await primeJson(['network', 'accept-role', 'validator', ...as.validator!], { home })
    expect((await primeJson(['network', 'status'], { home })).roles.validator).toBe(dev(1).address)
    const badRole = await prime(['network', 'accept-role', 'king'], { home })
    expect(badRole.code).toBe(2)
    expect(badRole.stderr).toContain("'king' is not a role")
  })
})
