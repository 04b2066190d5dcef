import { type AbiParameter, parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { devAccount, federator, primeClient, snapshot } from '../../test/utils.js'
import { protocolErrorsAbi } from '../abis.js'
import { InvalidInputError, UnsupportedChainIdError } from '../errors/base.js'
import { type ContractErrorName, ContractErrors } from '../errors/contract.js'
import * as generated from '../generated/abis.js'
import { roleIds } from '../internal/roles.js'
import {
  explainError,
  explainedContractErrors,
  formatDuration,
  formatTime,
  formatTokenAmount,
} from './index.js'

const provider = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const nodeKey = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'

/** `name`'s error as the SDK throws it, with these arguments. */
function revert<name extends ContractErrorName>(
  name: name,
  args: ConstructorParameters<(typeof ContractErrors)[name]>[0],
) {
  return new ContractErrors[name](args as never)
}

/** A value of `parameter`'s type, with figures no explanation could print by accident. */
function sample(parameter: AbiParameter): unknown {
  if (parameter.type === 'address') return provider
  if (parameter.type === 'bytes32') return `0x${'ab'.repeat(32)}`
  if (parameter.type === 'string') return 'a name'
  if (parameter.type === 'uint8') return 1
  if (parameter.name?.endsWith('Id')) return 7n
  return times.includes(parameter.name ?? '') ? now : 123_456_789_000_000_000_000n
}

const now = 1_796_611_015n
const times = ['expiry', 'deadline', 'unlockAt']
/** The arguments that are token amounts or durations: people read them in PRIME and in days. */
const tokens: Partial<Record<ContractErrorName, string[]>> = {
  InsufficientStake: ['required', 'actual'],
  InsufficientActiveStake: ['requested', 'active'],
  InsufficientBudget: ['reward', 'budget'],
  NodeLockedWorkAboveLimit: ['locked', 'limit'],
  WorkRateBelowTerms: ['workRate', 'minWorkRate'],
  AmountTooLarge: ['amount', 'max'],
  ERC20InsufficientBalance: ['balance', 'needed'],
  ERC20InsufficientAllowance: ['allowance', 'needed'],
}
const durations: Partial<Record<ContractErrorName, string[]>> = {
  WorkLockPeriodAboveTerms: ['lockPeriod', 'maxLockPeriod'],
  WorkLockPeriodTooShort: ['period', 'minimum'],
  WorkLockPeriodTooLong: ['period', 'max'],
  UnbondingPeriodTooLong: ['period', 'max'],
}

describe('every protocol error is explained', () => {
  test('the explanations cover exactly the errors of the ABI', () => {
    const names = protocolErrorsAbi.map((error) => error.name)
    expect([...explainedContractErrors].sort()).toEqual([...names].sort())
  })

  test("every contract's own ABI: no error any contract declares goes without words", () => {
    const contracts = Object.entries(generated).filter(
      ([name, abi]) =>
        !name.startsWith('protocol') &&
        Array.isArray(abi) &&
        abi.some((item: { type: string }) => item.type === 'error'),
    ) as [string, readonly { type: string; name?: string }[]][]
    // The six contracts, the token and the validation logic, whole (their one-function slices
    // declare no errors).
    expect(contracts.map(([name]) => name).sort()).toEqual([
      'computePoolAbi',
      'computeRegistryAbi',
      'domainRegistryAbi',
      'primeNetworkAbi',
      'primeTokenAbi',
      'rewardsDistributorAbi',
      'stakeManagerAbi',
      'workUnitsValidationAbi',
    ])
    const declared = contracts.flatMap(([, abi]) =>
      abi.filter((item) => item.type === 'error').map((item) => item.name!),
    )
    expect(declared.filter((name) => !explainedContractErrors.includes(name as never))).toEqual([])
  })

  test.each(protocolErrorsAbi.map((error) => [error.name, error] as const))('%s', (name, item) => {
    const args = Object.fromEntries(item.inputs.map((input) => [input.name, sample(input)]))
    const explained = explainError(revert(name, args as never), { now })
    expect(explained.name).toBe(name)
    expect(explained.args).toEqual(args)
    // A sentence that says what happened without repeating the error's name, and a next step.
    expect(explained.summary).toMatch(/^\S.*[.)]$/)
    expect(explained.summary).not.toContain(name)
    expect(explained.next).toMatch(/^[A-Z].*\.$/)
    const words = `${explained.summary} ${explained.next}`
    // Accounts by address, times as dates, amounts in PRIME and periods in days, never raw.
    for (const input of item.inputs) {
      if (input.type === 'address') expect(words).toContain(provider)
      if (times.includes(input.name)) expect(words).toContain(formatTime(now, now))
    }
    if (tokens[name] || durations[name]) expect(words).not.toContain('123456789000000000000')
    if (tokens[name]) expect(words).toContain('123.456789 PRIME')
    if (durations[name]) expect(words).toContain(formatDuration(123_456_789_000_000_000_000n))
  })
})

describe('in the user units, with the next step', () => {
  test('a stake shortfall in PRIME, with the amount to stake and the action that stakes it', () => {
    const explained = explainError(
      revert('InsufficientStake', {
        provider,
        required: parseEther('50'),
        actual: parseEther('10'),
      }),
    )
    expect(explained).toEqual({
      name: 'InsufficientStake',
      summary: `Provider ${provider} has 10 PRIME staked; its nodes require 50 PRIME.`,
      next: 'Stake 40 PRIME more.',
      args: { provider, required: parseEther('50'), actual: parseEther('10') },
      action: { name: 'increaseStake', amount: parseEther('40') },
    })
  })

  test("the token's decimals and symbol", () => {
    const explained = explainError(
      revert('ERC20InsufficientBalance', {
        sender: provider,
        balance: 1_500_000n,
        needed: 2n * 10n ** 6n,
      }),
      { decimals: 6, symbol: 'USDC' },
    )
    expect(explained.summary).toBe(`${provider} holds 1.5 USDC, but 2 USDC is needed.`)
    expect(explained.next).toBe(`Get 0.5 USDC more into ${provider}, or use a smaller amount.`)
  })

  test('roles by name, not by their hash', () => {
    expect(
      explainError(revert('MissingRole', { role: roleIds.validator, account: provider })).summary,
    ).toBe(`${provider} is not the validator: only the validator may do this.`)
    expect(
      explainError(revert('MissingRole', { role: roleIds.federator, account: provider })).next,
    ).toBe("Sign with the federator's account.")
    expect(explainError(revert('UnknownRole', { role: '0x12' })).summary).toContain(
      'unknown role 0x12',
    )
  })

  test('durations humanised, times as ISO and relative to the given now', () => {
    expect(
      explainError(revert('WorkLockPeriodTooShort', { period: 60n, minimum: 3_600n })).summary,
    ).toBe("A lock window of 1 min is below the network's minimum of 1 hour.")
    expect(
      explainError(revert('InviteExpired', { poolId: 3n, nodeKey, expiry: now - 7_200n }), { now }),
    ).toMatchObject({
      summary: `The invite of node ${nodeKey} to pool 3 expired at 2026-12-07T00:36:55Z (2 h ago).`,
      next: "Ask the pool's manager for a new invite.",
    })
    expect(formatTime(2n ** 256n - 1n, now)).toBe(`${2n ** 256n - 1n} (unix s)`)
    expect(formatDuration(90_061n)).toBe('1 day 1 hour 1 min 1 s')
  })

  test('a pool that has not started points at starting it', () => {
    expect(explainError(revert('InvalidPoolStatus', { poolId: 4n, status: 0 }))).toMatchObject({
      summary: 'Pool 4 is PENDING: it has not started.',
      action: { name: 'startPool', poolId: 4n },
    })
    expect(explainError(revert('InvalidPoolStatus', { poolId: 4n, status: 2 })).summary).toBe(
      'Pool 4 is COMPLETED: this is not allowed in that state.',
    )
  })

  test('a domain without a units cap says who sets it', () => {
    expect(
      explainError(revert('WorkUnitsAboveCap', { domainId: 2n, units: 5n, cap: 0n })).next,
    ).toBe("Ask the federator to set the domain's work units cap.")
  })
})

describe('the call that reverted chooses the way out', () => {
  test('InsufficientStake: reclaim less, register with more, or stake more for a node', async () => {
    const restore = await snapshot()
    try {
      const account = devAccount(7)
      const client = primeClient(account)
      const minimum = await client.getMinimumStake()
      const prime = (amount: bigint) => formatTokenAmount(amount)

      // A registration below the minimum: register with more (no provider yet to add stake to).
      const register = await client.registerProvider({ amount: minimum - 1n }).catch((e) => e)
      expect(explainError(register)).toMatchObject({
        name: 'InsufficientStake',
        summary: `Registering takes a stake of at least ${prime(minimum)}; ${account.address} offered ${prime(minimum - 1n)}.`,
        next: `Register with a stake of at least ${prime(minimum)}.`,
        action: undefined,
      })

      // One node of 1 unit requires twice the minimum; reclaiming half of it leaves too little.
      await client.registerProvider({ amount: 2n * minimum })
      const node = privateKeyToAccount(generatePrivateKey())
      await client.addNode({ node, computeUnits: 1n, specsURI: 'ipfs://node' })
      const reclaim = await client.reclaimStake({ amount: minimum }).catch((e) => e)
      expect(explainError(reclaim)).toMatchObject({
        name: 'InsufficientStake',
        summary: `Reclaiming would leave provider ${account.address} ${prime(minimum)} staked, below the ${prime(2n * minimum)} it must keep (what its nodes require, or the minimum while its work is locked).`,
        next: `Reclaim ${prime(minimum)} less, or remove nodes first.`,
        action: undefined,
      })

      // A second node raises what the nodes require: stake the difference.
      const second = privateKeyToAccount(generatePrivateKey())
      const add = await client
        .addNode({ node: second, computeUnits: 1n, specsURI: 'ipfs://node' })
        .catch((e) => e)
      expect(explainError(add)).toMatchObject({
        next: `Stake ${prime(minimum)} more.`,
        action: { name: 'increaseStake', amount: minimum },
      })
    } finally {
      await restore()
    }
  })
})

describe('errors that are not reverts', () => {
  test('a write the account cannot pay gas for names the account that needs ETH', async () => {
    const broke = privateKeyToAccount(generatePrivateKey())
    const { domainId } = await primeClient(federator).createDomain({
      name: 'gasless',
      domainParametersURI: '',
    })
    const error = await primeClient(broke)
      .createPool({ domainId, computeManagerKey: broke.address, name: 'p', poolDataURI: '' })
      .catch((e: unknown) => e)
    expect(explainError(error)).toEqual({
      name: 'InsufficientFundsError',
      summary: `${broke.address} has too little ETH to pay for this transaction's gas.`,
      next: `Send ETH to ${broke.address} for gas, then run this again.`,
      args: { account: broke.address },
      action: undefined,
    })
  })

  test("the SDK's own errors keep their words; a hint in the details becomes the next step", () => {
    expect(explainError(new InvalidInputError('amount', 'expected a positive amount'))).toEqual({
      name: 'InvalidInputError',
      summary: 'Invalid `amount`: expected a positive amount',
      next: undefined,
      args: undefined,
      action: undefined,
    })
    expect(explainError(new UnsupportedChainIdError(5))).toMatchObject({
      summary: 'No Prime Network deployment is known for chain id 5.',
      next: 'Pass a `deployment` or call `registerDeployment` for local chains.',
    })
  })

  test('anything else by its message', () => {
    expect(explainError(new Error('boom'))).toMatchObject({ name: 'Error', summary: 'boom' })
    expect(explainError('plain')).toMatchObject({ name: 'Error', summary: 'plain' })
    expect(explainError(revert('ZeroAddress', {})).args).toEqual({})
  })
})
