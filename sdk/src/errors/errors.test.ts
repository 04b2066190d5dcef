import {
  BaseError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  parseAbi,
  zeroAddress,
} from 'viem'
import { simulateContract } from 'viem/actions'
import { describe, expect, test } from 'vitest'
import { deployment, devAccount, primeClient, testClient } from '../../test/utils.js'
import { protocolErrorsAbi } from '../abis.js'
import { primeNetworkAbi } from '../contracts.js'
import {
  InvalidInputError,
  PrimeNetworkError,
  TransactionRevertedError,
  UnsupportedChainIdError,
} from './base.js'
import {
  type AnyContractError,
  ContractError,
  ContractErrors,
  decodeRevert,
  decodeRevertData,
} from './contract.js'

const client = primeClient(devAccount(5))

describe('typed contract errors', () => {
  test('one class per contract error, named like it', () => {
    const names = protocolErrorsAbi.map((error) => error.name)
    expect(Object.keys(ContractErrors).sort()).toEqual([...names].sort())
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) {
      expect(ContractErrors[name].errorName).toBe(name)
      expect(ContractErrors[name].name).toBe(name)
    }
  })

  test('reads revert with typed errors', async () => {
    const error = await client.getPool({ poolId: 999n }).catch((e) => e)
    expect(error).toBeInstanceOf(ContractErrors.PoolNotFound)
    expect(error).toBeInstanceOf(ContractError)
    expect(error).toBeInstanceOf(PrimeNetworkError)
    expect(error.name).toBe('PoolNotFound')
    expect(error.args).toEqual({ poolId: 999n })
    expect(error.shortMessage).toBe('The contract reverted with PoolNotFound.')
    expect(error.metaMessages).toEqual(['Arguments:', '  poolId: 999'])
    expect(error.walk((e: unknown) => e instanceof ContractFunctionRevertedError)).toBeInstanceOf(
      ContractFunctionRevertedError,
    )

    const domain = await client.getDomain({ domainId: 7n }).catch((e) => e)
    expect(domain).toBeInstanceOf(ContractErrors.DomainNotFound)
    expect(domain.args.domainId).toBe(7n)
  })

  test('writes revert in simulation, before anything is sent', async () => {
    const before = await testClient.getTransactionCount({ address: client.account.address })
    const error = await client.startPool({ poolId: 42n }).catch((e) => e)
    expect(error).toBeInstanceOf(ContractErrors.PoolNotFound)
    expect(await testClient.getTransactionCount({ address: client.account.address })).toBe(before)

    // Reverts from a module bubble up through PrimeNetwork and still decode.
    const registry = await client.removeNode({ nodeKey: devAccount(6).address }).catch((e) => e)
    expect(registry).toBeInstanceOf(ContractErrors.NodeNotRegistered)
  })

  test('decodeRevert walks any viem error to the revert, even one decoded with another ABI', async () => {
    const viaViem = await simulateContract(testClient, {
      account: client.account,
      address: deployment.primeNetwork,
      abi: primeNetworkAbi,
      functionName: 'whitelistProvider',
      args: [zeroAddress],
    }).catch((e) => e)
    expect(viaViem).toBeInstanceOf(BaseError)
    const decoded = decodeRevert(viaViem)
    expect(decoded).toBeInstanceOf(ContractErrors.MissingRole)
    expect(decoded?.cause).toBe(viaViem)

    // An ABI without the error: viem cannot decode it, the SDK still does from the raw data.
    const undecoded = await simulateContract(testClient, {
      account: client.account,
      address: deployment.computePool,
      abi: parseAbi(['function startComputePool(uint256)']),
      functionName: 'startComputePool',
      args: [5n],
    }).catch((e) => e)
    const fromRaw = decodeRevert(undecoded)
    expect(fromRaw).toBeInstanceOf(ContractErrors.PoolNotFound)
    expect(fromRaw?.args).toEqual({ poolId: 5n })
    expect(decodeRevert(fromRaw)).toBe(fromRaw)
  })

  test('switching on the name narrows the arguments', () => {
    const data = encodeErrorResult({
      abi: protocolErrorsAbi,
      errorName: 'InsufficientStake',
      args: [zeroAddress, 2n, 1n],
    })
    const error = decodeRevertData(data) as AnyContractError
    switch (error.name) {
      case 'InsufficientStake':
        expect(error.args.required - error.args.actual).toBe(1n)
        break
      default:
        throw new Error('not narrowed')
    }
    expect(error.data).toBe(data)
    expect(error.message).toContain('Version: @prime-network/sdk@')
  })

  test('anything else is not a protocol error', () => {
    expect(decodeRevert(new Error('boom'))).toBeUndefined()
    expect(decodeRevert(new BaseError('boom'))).toBeUndefined()
    expect(decodeRevertData('0xdeadbeef')).toBeUndefined()
    expect(decodeRevertData('0x')).toBeUndefined()
  })
})

describe('SDK errors', () => {
  test('carry a short message, details and the cause chain', () => {
    const root = new Error('root cause')
    const error = new InvalidInputError('amount', 'expected a positive bigint', { cause: root })
    expect(error.name).toBe('InvalidInputError')
    expect(error.shortMessage).toBe('Invalid `amount`: expected a positive bigint')
    expect(error.details).toBe('root cause')
    expect(error.walk()).toBe(root)
    expect(error.walk((e) => e === error)).toBe(error)
    expect(error.walk((e) => e === 'nothing')).toBeNull()
    expect(error.message).toMatchInlineSnapshot(`
      "Invalid \`amount\`: expected a positive bigint

      Details: root cause
      Version: @prime-network/sdk@0.1.0"
    `)
    expect(new TransactionRevertedError('0x01').hash).toBe('0x01')
    expect(new UnsupportedChainIdError(5).details).toMatch(/registerDeployment/)
    expect(new PrimeNetworkError('plain').walk()).toBeInstanceOf(PrimeNetworkError)
  })
})
