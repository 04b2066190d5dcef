import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { keccak256, parseEther, toHex, zeroAddress } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { chain, devPrivateKey, freshAccount, makeHome, prime, primeJson } from './prime.js'

// This file's actors: 0 federator, 1 validator, and fresh accounts for the provider and the pool
// creator. The network's minimum work lock is shortened here and restored after the file.

const federator = { PRIME_PRIVATE_KEY: devPrivateKey(0) }
const validator = { PRIME_PRIVATE_KEY: devPrivateKey(1) }
const key = (label: string) => keccak256(toHex(label))

describe('work: the federator caps it, the creator prices it, validators check it', () => {
  let home: string
  let provider: Awaited<ReturnType<typeof freshAccount>>
  let creator: Awaited<ReturnType<typeof freshAccount>>
  const nodePrivateKey = generatePrivateKey()
  const node = privateKeyToAccount(nodePrivateKey)
  let domainId: string
  let poolId: string
  let minWorkLock: string
  const asProvider = () => ({ home, env: provider.env })
  const asCreator = () => ({ home, env: creator.env })
  const asFederator = () => ({ home, env: federator })
  const asValidator = () => ({ home, env: validator })

  beforeAll(async () => {
    home = await makeHome()
    provider = await freshAccount()
    creator = await freshAccount()
    minWorkLock = (await primeJson(['network', 'status'], { home })).minWorkLockPeriod
  })
  afterAll(async () => {
    await primeJson(['network', 'set-min-work-lock', minWorkLock], asFederator())
  })

  test('network set-min-work-lock: the federator shortens the window; too long is refused', async () => {
    const { client } = await chain()
    const set = await primeJson(['network', 'set-min-work-lock', '3600'], asFederator())
    expect(set.minWorkLockPeriod).toBe('3600')
    expect((await client.getNetworkSnapshot()).minWorkLockPeriod).toBe(3600n)
    const tooLong = await prime(['network', 'set-min-work-lock', `${91 * 86_400}`], asFederator())
    expect(tooLong.code).toBe(1)
    expect(tooLong.stderr).toContain(
      'error WorkLockPeriodTooLong: A lock window of 91 days is above the most allowed, 90 days.\nnext: Use a window of at most 90 days\n',
    )
    const denied = await prime(['network', 'set-min-work-lock', '1'], asProvider())
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain(
      `error MissingRole: ${provider.address} is not the federator: only the federator may do this.\nnext: Sign with the federator's account\n`,
    )
  })

  test('a provider with a validated node; validator pending lists it until it is validated', async () => {
    const { client } = await chain()
    await primeJson(['provider', 'register', '--stake', '300'], asProvider())
    const added = await primeJson(
      ['node', 'add', '--node', 'n', '--units', '2', '--specs', 'ipfs://n'],
      { home, env: { ...provider.env, PRIME_NODE_PRIVATE_KEY: nodePrivateKey } },
    )
    const { timestamp } = await client.getBlock({ blockNumber: BigInt(added.blockNumber) })
    const pending = await primeJson(['validator', 'pending'], { home })
    expect(pending.nodes.find((n: { nodeKey: string }) => n.nodeKey === node.address)).toEqual({
      nodeKey: node.address,
      provider: provider.address,
      computeUnits: '2',
      benchmarkScore: '0',
      active: false,
      validated: false,
      specsURI: 'ipfs://n',
      addedAt: timestamp.toString(),
      addedInBlock: added.blockNumber,
    })
    // Every node listed is registered and waiting, as the registry says.
    for (const listed of pending.nodes)
      expect((await client.getNode({ nodeKey: listed.nodeKey }))?.validated).toBe(false)
    const human = await prime(['validator', 'pending'], { home })
    expect(human.stdout).toContain('Nodes awaiting validation')
    expect(human.stdout).toContain(
      `${new Date(Number(timestamp) * 1000).toISOString().replace('.000Z', 'Z')} (`,
    )

    await primeJson(['validator', 'whitelist', provider.address], asValidator())
    await primeJson(['validator', 'validate', node.address], asValidator())
    const after = await primeJson(['validator', 'pending'], { home })
    expect(after.nodes.map((n: { nodeKey: string }) => n.nodeKey)).not.toContain(node.address)
  })

  test('domain set-units-cap: only the federator caps the units of one work', async () => {
    const { deployment } = await chain()
    ;({ domainId } = await primeJson(
      ['domain', 'create', '--name', 'work', '--validation', deployment.workValidation!],
      asFederator(),
    ))
    const denied = await prime(['domain', 'set-units-cap', domainId, '10'], asProvider())
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain('error MissingRole')
    // The shipped validation logic is decoded like every other contract: in the dry run's
    // table and in the progress line of the real call.
    const dry = await prime(['domain', 'set-units-cap', domainId, '10', '--dry-run'], asFederator())
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toMatch(/│ call +│ WorkUnitsValidation\.setUnitsCap +│/)
    expect(dry.stdout).toMatch(new RegExp(`│ args +│ ${domainId}, 10 +│`))
    // An empty string argument shows as "", not as nothing after a comma.
    const dryDomain = await prime(['domain', 'create', '--name', 'dry', '--dry-run'], asFederator())
    expect(dryDomain.stdout).toMatch(new RegExp(`│ args +│ "dry", ${zeroAddress}, "" +│`))
    const sent = await prime(['domain', 'set-units-cap', domainId, '10', '--json'], asFederator())
    expect(sent.stderr).toMatch(/^› tx 1 WorkUnitsValidation\.setUnitsCap sent 0x[0-9a-f]{64}\n/)
    const capped = await primeJson(['domain', 'set-units-cap', domainId, '10'], asFederator())
    expect(capped).toMatchObject({ domainId, unitsCap: '10' })
    ;({ poolId } = await primeJson(
      ['pool', 'create', '--domain', domainId, '--manager', creator.address, '--name', 'w'],
      asCreator(),
    ))
    await primeJson(['pool', 'set-rate', poolId, '1e12 wei'], asCreator())
  })

  test('pool set-work-rate and set-lock price the work and set its window', async () => {
    const { client } = await chain()
    const rate = await primeJson(
      ['pool', 'set-work-rate', poolId, '0.5', '--max-locked-per-node', '15'],
      asCreator(),
    )
    expect(rate.workRate).toEqual({ input: '0.5', wei: parseEther('0.5').toString() })
    expect(rate.maxLockedPerNode).toEqual({ input: '15', wei: parseEther('15').toString() })
    const unbounded = await prime(['pool', 'set-work-rate', poolId, '0.5'], asCreator())
    expect(unbounded.code).toBe(2)
    expect(unbounded.stderr).toContain("required option '--max-locked-per-node <amount>'")
    const tooShort = await prime(['pool', 'set-lock', poolId, '60'], asCreator())
    expect(tooShort.code).toBe(1)
    expect(tooShort.stderr).toContain(
      "error WorkLockPeriodTooShort: A lock window of 1 min is below the network's minimum of 1 hour.\nnext: Use a window of at least 1 hour\n",
    )
    const lock = await primeJson(['pool', 'set-lock', poolId, '3600'], asCreator())
    expect(lock.workLockPeriod).toBe('3600')
    const rewards = await client.getPoolRewards({ poolId: BigInt(poolId) })
    expect(rewards.workRate).toBe(parseEther('0.5'))
    expect(rewards.workLockPeriod).toBe(3600n)
    expect(rewards.maxLockedPerNode).toBe(parseEther('15'))
    const notCreator = await prime(
      ['pool', 'set-work-rate', poolId, '1', '--max-locked-per-node', '1'],
      asProvider(),
    )
    expect(notCreator.code).toBe(1)
    expect(notCreator.stderr).toContain('error CallerNotPoolCreator')
  })

  test("submitted work: above the domain's cap is refused, at the cap accepted", async () => {
    await primeJson(['pool', 'fund', poolId, '100'], asCreator())
    await primeJson(['pool', 'start', poolId], asCreator())
    const invite = await primeJson(['pool', 'invite', poolId, '--node', node.address], asCreator())
    await writeFile(join(home, 'n.invite.json'), JSON.stringify(invite))
    await primeJson(['pool', 'join', poolId, '--invite', join(home, 'n.invite.json')], asProvider())

    const submit = (label: string, units: string, ...terms: string[]) =>
      prime(
        [
          'work',
          'submit',
          poolId,
          '--node-key',
          node.address,
          '--work-key',
          key(label),
          '--units',
          units,
          ...terms,
        ],
        asProvider(),
      )
    const above = await submit('above', '11')
    expect(above.code).toBe(1)
    expect(above.stderr).toContain(
      `error WorkUnitsAboveCap: 11 work units is above domain ${domainId}'s cap of 10.\nnext: Submit at most 10 units\n`,
    )
    // Terms the pool does not meet: refused, and the key stays the node's to submit.
    const tooRich = await submit('w1', '10', '--min-work-rate', '0.6')
    expect(tooRich.code).toBe(1)
    expect(tooRich.stderr).toContain(
      `error WorkRateBelowTerms: Pool ${poolId} pays 0.5 PRIME per work unit, less than the 0.6 PRIME this submission accepts.\n`,
    )
    const tooLong = await submit('w1', '10', '--max-lock-period', '3599')
    expect(tooLong.code).toBe(1)
    expect(tooLong.stderr).toContain(
      `error WorkLockPeriodAboveTerms: Pool ${poolId} locks work rewards for 1 hour, longer than the 59 min 59 s this submission accepts.\n`,
    )
    for (const label of ['w1', 'w2', 'w3']) expect((await submit(label, '10')).code).toBe(0)
    // 15 PRIME locked per node at most: a fourth work of 5 PRIME would pass it.
    const over = await submit('w4', '10')
    expect(over.code).toBe(1)
    expect(over.stderr).toContain(
      `error NodeLockedWorkAboveLimit: Node ${node.address} would have 20 PRIME of work rewards locked in pool ${poolId}, above the pool's limit of 15 PRIME per node.\n`,
    )
  })

  test('work list and show: every work of the pool, as the chain records it', async () => {
    const { client } = await chain()
    const { works } = await primeJson(['work', 'list', poolId], { home })
    expect(works.map((w: { workKey: string }) => w.workKey)).toEqual([
      key('w1'),
      key('w2'),
      key('w3'),
    ])
    for (const listed of works) {
      const work = (await client.getWork({ nodeKey: node.address, workKey: listed.workKey }))!
      expect(listed).toEqual({
        nodeKey: node.address,
        workKey: work.workKey,
        poolId,
        provider: provider.address,
        units: '10',
        reward: parseEther('5').toString(),
        submittedAt: work.submittedAt.toString(),
        unlockAt: work.unlockAt.toString(),
        status: 'ACCEPTED',
        final: false,
        rewardReturned: false,
        state: 'locked',
      })
    }
    expect(await primeJson(['work', 'show', node.address, key('w1')], { home })).toEqual(works[0])
    const human = await prime(['work', 'list', poolId], { home })
    expect(human.stdout).toContain(`Work in pool ${poolId}`)
    expect(human.stdout).toContain('5 PRIME')
    const missing = await prime(['work', 'show', node.address, key('never')], { home })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(
      `error NotFoundError: node ${node.address} submitted no work ${key('never')}`,
    )
    // Another node's work under the same key is another work: none here.
    const other = await prime(['work', 'show', provider.address, key('w1')], { home })
    expect(other.code).toBe(1)
    const bad = await prime(['work', 'show', node.address, '0x12'], { home })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("'0x12' is not a work key: expected 32 bytes of hex")
  })

  test('work soft-invalidate returns exactly the reward to the budget', async () => {
    const { client } = await chain()
    const before = await client.getPoolRewards({ poolId: BigInt(poolId) })
    const soft = await primeJson(
      ['work', 'soft-invalidate', node.address, key('w1')],
      asValidator(),
    )
    expect(soft).toMatchObject({
      nodeKey: node.address,
      workKey: key('w1'),
      poolId,
      reward: parseEther('5').toString(),
    })
    // The node keeps earning for time, so the budget is compared at the block of the call.
    const atBlock = await client.getPoolRewards({ poolId: BigInt(poolId) })
    const accrued = before.rate * before.totalCompute * (atBlock.lastUpdate - before.lastUpdate)
    expect(atBlock.budget).toBe(before.budget + parseEther('5') - accrued)
    expect((await client.getWork({ nodeKey: node.address, workKey: key('w1') }))!.status).toBe(
      'SOFT_INVALIDATED',
    )
    const again = await prime(['work', 'soft-invalidate', node.address, key('w1')], asValidator())
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(
      `error WorkAlreadyInvalidated: Work ${key('w1')} of node ${node.address} was already invalidated.\n`,
    )
  })

  test('work invalidate: dry run sends nothing; the validator slashes, invalidates and evicts', async () => {
    const { client } = await chain()
    const args = [
      'work',
      'invalidate',
      node.address,
      key('w2'),
      '--penalty',
      '5 PRIME',
      '--invalidate-node',
      '--evict',
      `${poolId}:${node.address}`,
    ]
    const block = await client.getBlockNumber()
    const dry = await primeJson([...args, '--dry-run'], asValidator())
    expect(dry.calls[0]).toMatchObject({ contract: 'PrimeNetwork', function: 'invalidateWork' })
    expect(await client.getBlockNumber()).toBe(block)
    const denied = await prime(args, asProvider())
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain(
      `error MissingRole: ${provider.address} is not the validator: only the validator may do this.\n`,
    )

    const stake = await client.getStake({ provider: provider.address })
    const invalidated = await primeJson(args, asValidator())
    // Invalidating the node returns its other locked reward too (w3's 5 PRIME).
    expect(invalidated).toMatchObject({
      nodeKey: node.address,
      workKey: key('w2'),
      poolId,
      reward: parseEther('5').toString(),
      returnedLocked: parseEther('5').toString(),
      penalty: { input: '5 PRIME', wei: parseEther('5').toString() },
      slashed: parseEther('5').toString(),
      nodeInvalidated: true,
      evicted: [{ poolId, nodeKey: node.address }],
    })
    expect((await client.getStake({ provider: provider.address })).active).toBe(
      stake.active - parseEther('5'),
    )
    expect(await client.getNode({ nodeKey: node.address })).toMatchObject({
      validated: false,
      active: false,
    })
  })

  test('validator forfeit returns exactly what the node had not claimed to the budget', async () => {
    const { client } = await chain()
    const pending = await client.getPendingRewards({
      poolId: BigInt(poolId),
      nodeKey: node.address,
    })
    const { budget } = await client.getPoolRewards({ poolId: BigInt(poolId) })
    expect(pending.total).toBeGreaterThan(0n)
    const denied = await prime(['validator', 'forfeit', poolId, node.address], asCreator())
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain('error MissingRole')
    const forfeited = await primeJson(['validator', 'forfeit', poolId, node.address], asValidator())
    expect(forfeited).toMatchObject({
      poolId,
      nodeKey: node.address,
      amount: pending.total.toString(),
    })
    // The pool is empty now, so nothing accrues and the budget grows by exactly that.
    expect((await client.getPoolRewards({ poolId: BigInt(poolId) })).budget).toBe(
      budget + pending.total,
    )
  })

  test('after the window the last work is final and can no longer be invalidated', async () => {
    const { client, testClient } = await chain()
    const w3 = (await client.getWork({ nodeKey: node.address, workKey: key('w3') }))!
    const { timestamp } = await client.getBlock()
    await testClient.increaseTime({ seconds: Number(w3.unlockAt - timestamp) + 1 })
    await testClient.mine({ blocks: 1 })
    const { works } = await primeJson(['work', 'list', poolId], { home })
    // w3 is final, but its reward went back when the validator invalidated its node.
    expect(works.map((w: { state: string }) => w.state)).toEqual([
      'soft-invalidated',
      'invalidated',
      'returned',
    ])
    const late = await prime(['work', 'soft-invalidate', node.address, key('w3')], asValidator())
    expect(late.code).toBe(1)
    // Dated by the chain's clock, which this test moved past the unlock (the wall clock is not):
    // the latest block's time, which no read since has moved.
    const unlocked = new Date(Number(w3.unlockAt) * 1000).toISOString().replace('.000Z', 'Z')
    const since = (await client.getBlock()).timestamp - w3.unlockAt
    expect(since > 0n && since < 60n, `${since} s`).toBe(true)
    expect(late.stderr).toContain(
      `error WorkFinal: Work ${key('w3')} of node ${node.address} unlocked at ${unlocked} (${since} s ago): it is final and can no longer be invalidated.\n`,
    )
  })
})
