import { ContractErrors, InvalidInputError } from '@prime-network/sdk'
import { keccak256, parseEther, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { describeError } from './errors'

const provider = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'

describe('describeError', () => {
  test('a contract error: its name, amounts in PRIME, and the next step', () => {
    const error = new ContractErrors.InsufficientStake({
      provider,
      required: parseEther('800'),
      actual: parseEther('175.5'),
    })
    expect(describeError(error)).toEqual({
      name: 'InsufficientStake',
      message: `InsufficientStake: provider ${provider}, required 800 PRIME, actual 175.5 PRIME`,
      next: 'Reclaim less, so the stake left covers what your nodes require, or remove a node first.',
    })
  })

  test('a role by its name, and the account to switch to', () => {
    const error = new ContractErrors.MissingRole({
      role: keccak256(toHex('VALIDATOR_ROLE')),
      account: provider,
    })
    expect(describeError(error).message).toBe(
      `MissingRole: role VALIDATOR_ROLE, account ${provider}`,
    )
    expect(describeError(error).next).toBe('Switch to the account that holds this role.')
  })

  test('counts and ids stay numbers', () => {
    const error = new ContractErrors.PoolComputeLimitExceeded({
      poolId: 1n,
      totalCompute: 40n,
      limit: 35n,
    })
    expect(describeError(error).message).toBe(
      'PoolComputeLimitExceeded: poolId 1, totalCompute 40, limit 35',
    )
  })

  test('a bad input says which and asks for a correction', () => {
    const error = new InvalidInputError('amount', 'must be positive')
    expect(describeError(error).name).toBe('InvalidInputError')
    expect(describeError(error).next).toBe('Correct the input and retry.')
  })

  test('anything else keeps its message', () => {
    expect(describeError(new Error('network down'))).toEqual({
      name: 'Error',
      message: 'network down',
      next: undefined,
    })
  })
})
