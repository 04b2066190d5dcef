import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { roleIds } from '@prime-network/sdk'
import { formatEther, keccak256, parseEther, toHex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  chain,
  devPrivateKey,
  freshAccount,
  makeHome,
  prime,
  primeJson,
  type Run,
} from './prime.js'

// This file's actors: 0 federator, 1 validator, and fresh accounts for the provider and the pool
// creator (who is also its compute manager). The node key never gets ETH until a test gives it.

const federator = { PRIME_PRIVATE_KEY: devPrivateKey(0) }
const validator = { PRIME_PRIVATE_KEY: devPrivateKey(1) }

/** The two lines people read for a failure: what happened, and the next step. */
function expectFailure(run: Run, summary: string, next: string) {
  expect(run.code, run.stderr).toBe(1)
  expect(run.stdout).toBe('')
  // The last lines on stderr, after any progress: exactly these two.
  expect(run.stderr.split('\n').slice(-3)).toEqual([`error ${summary}`, `next: ${next}`, ''])
}

/** The `--json` document of a failure: the raw fields, exact, beside the same words. */
function failureJson(run: Run) {
  expect(run.code, run.stderr).toBe(1)
  return JSON.parse(run.stdout).error
}

describe('errors in the user units, with the next step', () => {
  let home: string
  let provider: Awaited<ReturnType<typeof freshAccount>>
  let creator: Awaited<ReturnType<typeof freshAccount>>
  const nodePrivateKey = generatePrivateKey()
  const node = privateKeyToAccount(nodePrivateKey)
  let poolId: string
  const asProvider = () => ({ home, env: provider.env })
  const asNodeAdder = () => ({
    home,
    env: { ...provider.env, PRIME_NODE_PRIVATE_KEY: nodePrivateKey },
  })

  beforeAll(async () => {
    home = await makeHome()
    provider = await freshAccount()
    creator = await freshAccount()
  })

  test('ERC20InsufficientBalance: who holds how much PRIME, and what is needed', async () => {
    // ETH for gas, no PRIME: registration's permit path reaches the token's own check.
    const { testClient } = await chain()
    const key = generatePrivateKey()
    const { address } = privateKeyToAccount(key)
    await testClient.setBalance({ address, value: parseEther('1') })
    const args = ['provider', 'register', '--stake', '100']
    const run = await prime(args, { home, env: { PRIME_PRIVATE_KEY: key } })
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      [
        '› registering with a stake of 100 PRIME',
        `error ERC20InsufficientBalance: ${address} holds 0 PRIME, but 100 PRIME is needed.`,
        `next: Get 100 PRIME more into ${address}, or use a smaller amount`,
        '',
      ].join('\n'),
    )
    const json = await prime([...args, '--json'], { home, env: { PRIME_PRIVATE_KEY: key } })
    expect(failureJson(json)).toEqual({
      exitCode: 1,
      name: 'ERC20InsufficientBalance',
      message: 'The contract reverted with ERC20InsufficientBalance.',
      summary: `${address} holds 0 PRIME, but 100 PRIME is needed.`,
      next: `Get 100 PRIME more into ${address}, or use a smaller amount.`,
      args: { sender: address, balance: '0', needed: '100000000000000000000' },
    })
  })

  test('InsufficientStake: the shortfall in PRIME, and the command that stakes it', async () => {
    const { client } = await chain()
    const minimum = (await client.getNetworkSnapshot()).stakeMinimum
    await primeJson(['provider', 'register', '--stake', `${minimum} wei`], asProvider())
    // 3 units need the minimum x (1 + 3); the provider staked the minimum once.
    const add = ['node', 'add', '--node', 'n', '--units', '3', '--specs', 'ipfs://n']
    const run = await prime(add, asNodeAdder())
    const short = formatEther(3n * minimum)
    expectFailure(
      run,
      `InsufficientStake: Provider ${provider.address} has ${formatEther(minimum)} PRIME staked; its nodes require ${formatEther(4n * minimum)} PRIME.`,
      `Stake ${short} PRIME more: prime provider stake add ${short}`,
    )
    expect(failureJson(await prime([...add, '--json'], asNodeAdder()))).toEqual({
      exitCode: 1,
      name: 'InsufficientStake',
      message: 'The contract reverted with InsufficientStake.',
      summary: `Provider ${provider.address} has ${formatEther(minimum)} PRIME staked; its nodes require ${formatEther(4n * minimum)} PRIME.`,
      next: `Stake ${short} PRIME more.`,
      command: `prime provider stake add ${short}`,
      args: {
        provider: provider.address,
        required: (4n * minimum).toString(),
        actual: minimum.toString(),
      },
    })
    // The command it names is the step that works: run as printed, then the node goes in.
    const command = /^next: .*: prime (.*)$/m.exec(run.stderr)![1]!.split(' ')
    expect((await prime(command, asProvider())).code).toBe(0)
    expect((await client.getStake({ provider: provider.address })).active).toBe(4n * minimum)
    expect((await prime(add, asNodeAdder())).code).toBe(0)
  })

  test('MissingRole: the role by its name, not its hash', async () => {
    const args = ['validator', 'whitelist', provider.address]
    expectFailure(
      await prime(args, asProvider()),
      `MissingRole: ${provider.address} is not the validator: only the validator may do this.`,
      "Sign with the validator's account",
    )
    expect(failureJson(await prime([...args, '--json'], asProvider()))).toEqual({
      exitCode: 1,
      name: 'MissingRole',
      message: 'The contract reverted with MissingRole.',
      summary: `${provider.address} is not the validator: only the validator may do this.`,
      next: "Sign with the validator's account.",
      args: { role: roleIds.validator, account: provider.address },
    })
  })

  test("an invite the manager cancelled: ask the pool's manager for a new one", async () => {
    const { deployment } = await chain()
    await primeJson(['validator', 'whitelist', provider.address], { home, env: validator })
    await primeJson(['validator', 'validate', node.address], { home, env: validator })
    const { domainId } = await primeJson(
      ['domain', 'create', '--name', 'errors', '--validation', deployment.workValidation!],
      { home, env: federator },
    )
    await primeJson(['domain', 'set-units-cap', domainId, '10'], { home, env: federator })
    const asCreator = { home, env: creator.env }
    ;({ poolId } = await primeJson(
      ['pool', 'create', '--domain', domainId, '--manager', creator.address, '--name', 'e'],
      asCreator,
    ))
    await primeJson(['pool', 'start', poolId], asCreator)
    const inviteFile = join(home, 'n.invite.json')
    const invite = await primeJson(['pool', 'invite', poolId, '--node', node.address], asCreator)
    await writeFile(inviteFile, JSON.stringify(invite))
    await primeJson(['pool', 'cancel-invite', poolId, invite.nonce], asCreator)

    const join_ = ['pool', 'join', poolId, '--invite', inviteFile]
    expectFailure(
      await prime(join_, asProvider()),
      `InviteNonceUsed: Invite nonce ${invite.nonce} of pool ${poolId} was already used or cancelled.`,
      "Ask the pool's manager for a new invite",
    )
    expect(failureJson(await prime([...join_, '--json'], asProvider()))).toEqual({
      exitCode: 1,
      name: 'InviteNonceUsed',
      message: 'The contract reverted with InviteNonceUsed.',
      summary: `Invite nonce ${invite.nonce} of pool ${poolId} was already used or cancelled.`,
      next: "Ask the pool's manager for a new invite.",
      args: { poolId, nonce: invite.nonce },
    })
    // The step it names works: a new invite, and the node joins.
    await writeFile(
      inviteFile,
      JSON.stringify(
        await primeJson(['pool', 'invite', poolId, '--node', node.address], asCreator),
      ),
    )
    expect((await prime(join_, asProvider())).code).toBe(0)
  })

  test('a node key without ETH: the account that needs gas, by its address', async () => {
    const { client, testClient } = await chain()
    const submit = [
      'work',
      'submit',
      poolId,
      '--node',
      'n',
      '--work-key',
      keccak256(toHex('errors')),
      '--units',
      '1',
    ]
    const asNode = { home, env: { PRIME_NODE_PRIVATE_KEY: nodePrivateKey } }
    expectFailure(
      await prime(submit, asNode),
      `InsufficientFundsError: ${node.address} has too little ETH to pay for this transaction's gas.`,
      `Send ETH to ${node.address} for gas, then run this again`,
    )
    expect(failureJson(await prime([...submit, '--json'], asNode))).toEqual({
      exitCode: 1,
      name: 'InsufficientFundsError',
      message:
        'The total cost (gas * gas fee + value) of executing this transaction exceeds the balance of the account.',
      summary: `${node.address} has too little ETH to pay for this transaction's gas.`,
      next: `Send ETH to ${node.address} for gas, then run this again.`,
      args: { account: node.address },
    })
    // Funded (test arrangement), the same command goes through.
    await testClient.setBalance({ address: node.address, value: parseEther('1') })
    expect((await prime(submit, asNode)).code).toBe(0)
    expect(
      await client.getWork({ nodeKey: node.address, workKey: keccak256(toHex('errors')) }),
    ).toMatchObject({
      nodeKey: node.address,
      units: 1n,
    })
  })
})
