import type { Address, Hash, TransactionReceipt } from 'viem'
import { describe, expectTypeOf, test } from 'vitest'
import {
  type AnyContractError,
  acceptRole,
  type ContractError,
  type ContractErrorArgs,
  ContractErrors,
  createPool,
  type getEvents,
  getPool,
  getPoolRewards,
  isInviteNonceUsed,
  type joinPool,
  type PoolInvite,
  type PoolRewards,
  type PrimeNetworkActions,
  type pause,
  signPoolInvite,
  type UpdateDomainParameters,
  withdrawUnusedBudget,
} from '../index.js'

describe('action signatures', () => {
  test('createPool returns the pool id with the receipt', () => {
    expectTypeOf(createPool).returns.resolves.toHaveProperty('poolId').toEqualTypeOf<bigint>()
    expectTypeOf(createPool).returns.resolves.toHaveProperty('hash').toEqualTypeOf<Hash>()
    expectTypeOf(createPool)
      .returns.resolves.toHaveProperty('receipt')
      .toEqualTypeOf<TransactionReceipt>()
    expectTypeOf(createPool)
      .parameter(1)
      .toHaveProperty('computeManagerKey')
      .toEqualTypeOf<Address>()
  })

  test('invites flow from signPoolInvite into joinPool', () => {
    expectTypeOf(signPoolInvite).returns.resolves.toMatchTypeOf<PoolInvite>()
    expectTypeOf(signPoolInvite)
      .returns.resolves.toHaveProperty('keyVersion')
      .toEqualTypeOf<bigint>()
    expectTypeOf<PoolInvite>().toMatchTypeOf<Parameters<typeof joinPool>[1]['invites'][number]>()
  })

  test('pool status is a string union', () => {
    expectTypeOf(getPool)
      .returns.resolves.toHaveProperty('status')
      .toEqualTypeOf<'PENDING' | 'ACTIVE' | 'COMPLETED'>()
  })

  test('events are typed by name', async () => {
    type Logs = Awaited<ReturnType<typeof getEvents<'PoolCreated'>>>
    expectTypeOf<Logs[number]['args']['poolId']>().toEqualTypeOf<bigint>()
    expectTypeOf<Logs[number]['args']['name']>().toEqualTypeOf<string>()
  })

  test('pool reward reads are typed; the index is not presented as an amount accrued', () => {
    expectTypeOf(getPoolRewards).returns.resolves.toEqualTypeOf<PoolRewards>()
    expectTypeOf<PoolRewards>().toHaveProperty('budget').toEqualTypeOf<bigint>()
    expectTypeOf<PoolRewards>().toHaveProperty('nodeCount').toEqualTypeOf<number>()
    expectTypeOf<PoolRewards>().not.toHaveProperty('accrued')
    expectTypeOf(isInviteNonceUsed).returns.resolves.toEqualTypeOf<boolean>()
  })

  test('admin writes return what their events say', () => {
    expectTypeOf(acceptRole)
      .returns.resolves.toHaveProperty('previousHolder')
      .toEqualTypeOf<Address>()
    expectTypeOf(withdrawUnusedBudget)
      .returns.resolves.toHaveProperty('amount')
      .toEqualTypeOf<bigint>()
    // updateDomain overwrites the validation logic, so it must be given explicitly.
    expectTypeOf<UpdateDomainParameters['validationLogic']>().toEqualTypeOf<Address>()
    expectTypeOf<Parameters<typeof pause>[1]>().toEqualTypeOf<
      Parameters<PrimeNetworkActions['pause']>[0]
    >()
    expectTypeOf<PrimeNetworkActions['pause']>().toBeCallableWith()
  })

  test('the decorator exposes the actions without the client argument', () => {
    expectTypeOf<PrimeNetworkActions['createPool']>()
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof createPool>[1]>()
  })
})

describe('error types', () => {
  test('args are typed per error name', () => {
    expectTypeOf<ContractErrorArgs<'InsufficientStake'>>().toEqualTypeOf<{
      readonly provider: Address
      readonly required: bigint
      readonly actual: bigint
    }>()
    expectTypeOf(new ContractErrors.PoolNotFound({ poolId: 1n })).toEqualTypeOf<
      ContractError<'PoolNotFound'>
    >()
  })

  test('switching on name narrows args', () => {
    const error = {} as AnyContractError
    if (error.name === 'InviteExpired') expectTypeOf(error.args.expiry).toEqualTypeOf<bigint>()
  })
})
