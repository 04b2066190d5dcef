import { join } from 'node:path'
import { parseEther } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { chain, dev, importKey, makeHome, prime, primeJson } from './prime.js'

// This file's actors: dev account 2 is the provider.
const provider = dev(2)

describe('provider', () => {
  let home: string
  let asProvider: string[]
  beforeAll(async () => {
    home = await makeHome()
    const passwordFile = await importKey(home, 'provider', 2, 'provider-secret')
    asProvider = ['--account', 'provider', '--password-file', passwordFile]
  })

  test('network status reports the deployment, parameters and roles', async () => {
    const { client, deployment } = await chain()
    const status = await primeJson(['network', 'status'], { home })
    expect(status.chainId).toBe(31337)
    expect(status.deployment.primeNetwork).toBe(deployment.primeNetwork)
    expect(status.stakeMinimum).toBe((await client.getMinimumStake()).toString())
    expect(status.roles).toEqual({ federator: dev(0).address, validator: dev(1).address })
    expect(status.paused).toBe(false)
  })

  test('register --dry-run prints the call and its gas, and sends nothing', async () => {
    const { client } = await chain()
    const nonce = await client.getTransactionCount({ address: provider.address })
    const planned = await primeJson(
      ['provider', 'register', '--stake', '100 PRIME', '--dry-run', ...asProvider],
      { home },
    )
    expect(planned.dryRun).toBe(true)
    expect(planned.calls).toHaveLength(1)
    expect(planned.calls[0].contract).toBe('PrimeNetwork')
    expect(planned.calls[0].function).toMatch(/^registerProvider/)
    expect(BigInt(planned.calls[0].gasEstimate)).toBeGreaterThan(21_000n)
    expect(await client.getTransactionCount({ address: provider.address })).toBe(nonce)
    expect((await client.getProvider({ provider: provider.address })).registered).toBe(false)
  })

  test('register stakes exactly the amount given, echoed back', async () => {
    const { client } = await chain()
    const run = await prime(
      ['provider', 'register', '--stake', '1e20 wei', '--json', ...asProvider],
      {
        home,
      },
    )
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.stake).toEqual({ input: '1e20 wei', wei: '100000000000000000000' })
    expect(result.provider).toBe(provider.address)
    expect(result.activeStake).toBe(parseEther('100').toString())
    expect(run.stderr).toContain(`sent ${result.hash}`)
    expect(run.stderr).toContain(`gas used ${result.gasUsed}`)
    const stake = await client.getStake({ provider: provider.address })
    expect(stake.active).toBe(parseEther('100'))
  })

  test('registering twice fails with the contract error, exit 1', async () => {
    const run = await prime(['provider', 'register', '--stake', '100', ...asProvider], { home })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `error ProviderAlreadyRegistered: ${provider.address} is already registered as a provider.\nnext: Add stake or nodes to it instead of registering again\n`,
    )
  })

  test('stake add, reclaim, and an early withdraw that fails cleanly', async () => {
    const { client } = await chain()
    const added = await primeJson(['provider', 'stake', 'add', '2.5', ...asProvider], { home })
    expect(added.amount).toEqual({ input: '2.5', wei: parseEther('2.5').toString() })
    expect(added.activeStake).toBe(parseEther('102.5').toString())

    const reclaimed = await primeJson(
      ['provider', 'stake', 'reclaim', '1.5 PRIME', ...asProvider],
      { home },
    )
    const stake = await client.getStake({ provider: provider.address })
    expect(reclaimed.activeStake).toBe(stake.active.toString())
    expect(stake.active).toBe(parseEther('101'))
    expect(stake.pendingUnbonds).toEqual([
      { amount: parseEther('1.5'), unlockTime: BigInt(reclaimed.unlockTime) },
    ])

    const early = await prime(['provider', 'stake', 'withdraw', '--json', ...asProvider], { home })
    expect(early.code).toBe(1)
    const { error } = JSON.parse(early.stdout)
    expect(error.exitCode).toBe(1)
    expect(error).toMatchObject({ name: 'NothingToWithdraw', args: {} })
    expect((await client.getStake({ provider: provider.address })).unbonding).toBe(
      parseEther('1.5'),
    )
  })

  test('status shows one snapshot matching the chain', async () => {
    const { client } = await chain()
    const status = await primeJson(['provider', 'status', ...asProvider], {
      home,
    })
    const stake = await client.getStake({ provider: provider.address })
    expect(status.address).toBe(provider.address)
    expect(status.registered).toBe(true)
    expect(status.stake.active).toBe(stake.active.toString())
    expect(status.stake.unbonding).toBe(stake.unbonding.toString())
    // Anyone's status, by address, without a key.
    const human = await prime(['provider', 'status', provider.address], { home })
    expect(human.code).toBe(0)
    expect(human.stdout).toContain('101 PRIME')
    expect(human.stdout).toContain('1.5 PRIME')
  })

  test('withdraw after the unbonding period pays exactly the unbond', async () => {
    const { client, testClient } = await chain()
    const [unbond] = (await client.getStake({ provider: provider.address })).pendingUnbonds
    const { timestamp } = await client.getBlock()
    await testClient.increaseTime({ seconds: Number(unbond!.unlockTime - timestamp) + 1 })
    await testClient.mine({ blocks: 1 })
    const before = await client.getStake({ provider: provider.address })
    const result = await primeJson(['provider', 'stake', 'withdraw', ...asProvider], { home })
    expect(result.amount).toBe(parseEther('1.5').toString())
    expect(before.withdrawable).toBe(parseEther('1.5'))
    expect((await client.getStake({ provider: provider.address })).unbonding).toBe(0n)
  })

  test('people get one sentence per write', async () => {
    const added = await prime(['provider', 'stake', 'add', '1', ...asProvider], { home })
    expect(added.stdout).toBe('✔ added 1 PRIME (0 PRIME rebonded); active stake 102 PRIME\n')
    const reclaimed = await prime(['provider', 'stake', 'reclaim', '1', ...asProvider], { home })
    expect(reclaimed.stdout).toMatch(
      /^✔ unbonding 1 PRIME, withdrawable from \d{4}-\d\d-\d\dT[\d:]+Z \(in \d+ (d|h)\); active stake 101 PRIME\n$/,
    )
    const { testClient } = await chain()
    await testClient.increaseTime({ seconds: 7 * 24 * 3600 + 1 })
    await testClient.mine({ blocks: 1 })
    const withdrawn = await prime(['provider', 'stake', 'withdraw', ...asProvider], { home })
    expect(withdrawn.stdout).toBe('✔ withdrew 1 PRIME\n')
    const dry = await prime(['provider', 'stake', 'add', '1', '--dry-run', ...asProvider], { home })
    expect(dry.stdout).toContain(': nothing was sent. The command would send')
    expect(dry.stdout).toContain('PrimeNetwork.increaseStake')
    // Without an anvil to fork with, only the first transaction is simulated, and it says so.
    const first = await primeJson(['provider', 'stake', 'add', '1', '--dry-run', ...asProvider], {
      home,
      env: { PRIME_ANVIL: join(home, 'no-anvil-here') },
    })
    expect(first).toMatchObject({ dryRun: true, sent: false, steps: 'first', forkBlock: null })
    expect(first.calls).toHaveLength(1)
    const human = await prime(['provider', 'stake', 'add', '1', '--dry-run', ...asProvider], {
      home,
      env: { PRIME_ANVIL: join(home, 'no-anvil-here') },
    })
    expect(human.stdout).toContain('Dry run: nothing was sent. The next transaction would be:')
    expect(human.stdout).toContain('install Foundry (anvil on PATH, or PRIME_ANVIL)')
  })
})
