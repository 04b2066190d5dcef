import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { type Address, decodeFunctionData, getAddress, type Hex, parseAbi } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  deployment,
  devAccount,
  federator,
  primeClient,
  rpcUrl,
  snapshot,
  testClient,
  walletClient,
} from '../../test/utils.js'
import { primeTokenAbi } from '../contracts.js'
import { primeNetworkActions } from '../decorators/primeNetwork.js'
import { loadDeployment } from '../deployments.js'
import { ContractErrors } from '../errors/contract.js'
import { supportsPermit } from '../internal/token.js'

const e18 = 10n ** 18n

const allowance = (owner: Address) =>
  testClient.readContract({
    address: deployment.token,
    abi: primeTokenAbi,
    functionName: 'allowance',
    args: [owner, deployment.stakeManager],
  })
const permitNonce = (owner: Address) =>
  testClient.readContract({
    address: deployment.token,
    abi: primeTokenAbi,
    functionName: 'nonces',
    args: [owner],
  })
const sent = (address: Address) => testClient.getTransactionCount({ address })

let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
})
afterAll(async () => restore())

describe('registerProvider provides the allowance itself', () => {
  test('by default it signs a permit: one transaction, no approve', async () => {
    const client = primeClient(devAccount(2))
    const address = client.account.address
    const before = await sent(address)
    const result = await client.registerProvider({ amount: 100n * e18 })
    expect(result.allowance).toEqual({ kind: 'permit' })
    expect(await sent(address)).toBe(before + 1)
    // Writes carry 20% gas headroom over the estimate (see execute), so a transaction that lands a
    // block later than it was estimated on does not run out of gas.
    const { gas } = await testClient.getTransaction({ hash: result.hash })
    expect(gas * 5n >= result.receipt.gasUsed * 6n).toBe(true)
    expect(await permitNonce(address)).toBe(1n)
    expect(await allowance(address)).toBe(0n)
  })

  test('with `permit: false` it sends an approve of exactly the amount, then registers', async () => {
    const client = primeClient(devAccount(3))
    const address = client.account.address
    const before = await sent(address)
    const result = await client.registerProvider({ amount: 150n * e18, permit: false })
    if (result.allowance.kind !== 'approve') throw new Error('expected an approve')
    const approve = await testClient.getTransaction({ hash: result.allowance.hash })
    expect(approve.to?.toLowerCase()).toBe(deployment.token.toLowerCase())
    expect(decodeFunctionData({ abi: primeTokenAbi, data: approve.input })).toEqual({
      functionName: 'approve',
      args: [deployment.stakeManager, 150n * e18],
    })
    expect(await sent(address)).toBe(before + 2)
    expect(await permitNonce(address)).toBe(0n)
    expect(await allowance(address)).toBe(0n)
    expect(result.activeStake).toBe(150n * e18)
  })

  test('an allowance that already covers the amount is used as is: no approve, no permit', async () => {
    const client = primeClient(devAccount(5))
    const address = client.account.address
    const hash = await client.writeContract({
      address: deployment.token,
      abi: primeTokenAbi,
      functionName: 'approve',
      args: [deployment.stakeManager, 500n * e18],
    })
    // Mined before registering: otherwise the SDK may still see the old allowance and approve.
    await testClient.waitForTransactionReceipt({ hash })
    const before = await sent(address)
    const result = await client.registerProvider({ amount: 200n * e18 })
    expect(result.allowance).toEqual({ kind: 'existing' })
    expect(await sent(address)).toBe(before + 1)
    expect(await permitNonce(address)).toBe(0n)
    expect(await allowance(address)).toBe(300n * e18)
  })

  test('a second registration is a typed error', async () => {
    const error = await primeClient(devAccount(5))
      .registerProvider({ amount: 100n * e18 })
      .catch((e) => e)
    expect(error).toBeInstanceOf(ContractErrors.ProviderAlreadyRegistered)
    expect(error.args).toEqual({ provider: devAccount(5).address })
  })

  test('the permit probe tells an ERC-2612 token from a contract without permit', async () => {
    expect(await supportsPermit(testClient, deployment.token)).toBe(true)
    // The StakeManager has neither `nonces` nor an EIP-712 domain: registerProvider would approve.
    expect(await supportsPermit(testClient, deployment.stakeManager)).toBe(false)
  })
})

// A plain ERC-20 without ERC-2612, compiled here with the workspace's solc: no such token ships
// with the protocol, and the deploy script accepts any existing token through TOKEN.
const plainTokenSource = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;
contract PlainToken {
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint256 public totalSupply;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    constructor(address holder, uint256 amount) { balanceOf[holder] = amount; totalSupply = amount; }
    function decimals() external pure returns (uint8) { return 18; }
    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }
    function transfer(address to, uint256 value) external returns (bool) { _move(msg.sender, to, value); return true; }
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        allowance[from][msg.sender] -= value;
        _move(from, to, value);
        return true;
    }
    function _move(address from, address to, uint256 value) internal {
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}`

const root = resolve(import.meta.dirname, '../../..')

function compilePlainToken(): Hex {
  const solc = createRequire(join(root, 'package.json'))('solc') as {
    compile(input: string): string
  }
  const output = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: 'Solidity',
        sources: { 'PlainToken.sol': { content: plainTokenSource } },
        settings: { outputSelection: { '*': { '*': ['evm.bytecode.object'] } } },
      }),
    ),
  )
  return `0x${output.contracts['PlainToken.sol'].PlainToken.evm.bytecode.object}`
}

describe('registerProvider with a token that has no permit', () => {
  test('falls back to an approve transaction', async () => {
    const provider = devAccount(6)
    const amount = 100n * 10n ** 18n
    const deployer = walletClient(federator)
    const hash = await deployer.deployContract({
      abi: parseAbi(['constructor(address holder, uint256 amount)']),
      bytecode: compilePlainToken(),
      args: [provider.address, amount],
    })
    const { contractAddress: token } = await deployer.waitForTransactionReceipt({ hash })

    // Deploy the protocol again on top of it, with the project's own deploy script.
    await mkdir(join(root, 'deployments'), { recursive: true })
    const out = await mkdtemp(join(root, 'deployments', 'sdk-plain-token-'))
    const broadcast = await mkdtemp(join(tmpdir(), 'prime-sdk-plain-token-'))
    try {
      await promisify(execFile)(
        join(root, 'contracts/tools/bin/forge'),
        ['script', 'contracts/script/Deploy.s.sol', '--rpc-url', rpcUrl, '--broadcast'],
        {
          cwd: root,
          env: {
            ...process.env,
            TOKEN: token!,
            DEPLOYMENTS_DIR: relative(root, out),
            FOUNDRY_BROADCAST: broadcast,
          },
          maxBuffer: 64 * 1024 * 1024,
        },
      )
      const plain = await loadDeployment(join(out, '31337.json'))
      expect(plain.token).toBe(getAddress(token!))
      const client = walletClient(provider).extend(primeNetworkActions({ deployment: plain }))
      expect(await supportsPermit(client, plain.token)).toBe(false)

      const result = await client.registerProvider({ amount })
      expect(result.allowance.kind).toBe('approve')
      expect(result.activeStake).toBe(amount)
      expect(await client.getStake({ provider: provider.address })).toMatchObject({
        active: amount,
      })
    } finally {
      await rm(out, { recursive: true, force: true })
      await rm(broadcast, { recursive: true, force: true })
    }
  })
})
