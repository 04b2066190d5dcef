// JSON-RPC accounts: an address instead of a local account, so the node behind the transport signs.
// anvil holds its ten dev accounts and no other: an account it does not hold must surface as the
// SDK's InvalidInputError naming the parameter (with the RPC's own error as its cause), and nothing
// may be sent; one it holds must work as a local account does.
import {
  type Address,
  createWalletClient,
  http,
  type JsonRpcAccount,
  parseEther,
  publicActions,
  RpcRequestError,
  recoverTypedDataAddress,
} from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { afterAll, describe, expect, test } from 'vitest'
import {
  deployment,
  federator,
  primeClient,
  rpcUrl,
  snapshot,
  testClient,
} from '../../test/utils.js'
import { primeNetworkActions } from '../decorators/primeNetwork.js'
import { InvalidInputError } from '../errors/base.js'
import { poolInviteTypes } from './signPoolInvite.js'

const restore = await snapshot()
afterAll(() => restore())

/** A client whose account is an address: the node signs for it. */
const rpcAccountClient = (address: Address) =>
  createWalletClient({
    account: address,
    chain: anvil,
    pollingInterval: 50,
    transport: http(rpcUrl),
  })
    .extend(publicActions)
    .extend(primeNetworkActions())

const unheld = privateKeyToAccount(generatePrivateKey()).address
const jsonRpc = (address: Address): JsonRpcAccount => ({ address, type: 'json-rpc' })

/** Runs `write`, expects it to be refused as an input error on `parameter`, with nothing mined. */
async function expectRefused(parameter: string, write: () => Promise<unknown>) {
  const blockBefore = await testClient.getBlockNumber({ cacheTime: 0 })
  const error = await write().then(
    () => expect.unreachable('the write went through'),
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(InvalidInputError)
  const refused = error as InvalidInputError
  expect(refused.parameter).toBe(parameter)
  expect(refused.shortMessage).toBe(
    `Invalid \`${parameter}\`: the RPC does not hold ${unheld} (eth_accounts), so it cannot sign for it: pass a local account (e.g. privateKeyToAccount) or one the node or wallet holds`,
  )
  // The node's own answer stays reachable for whoever needs it.
  expect(refused.walk((cause) => cause instanceof RpcRequestError)).toBeInstanceOf(RpcRequestError)
  expect(await testClient.getBlockNumber({ cacheTime: 0 })).toBe(blockBefore)
}

describe('an account the node does not hold is an input error', () => {
  // Pool creation is open to anyone, so the simulation passes and only the signing can fail.
  const pool = async () => {
    const { domainId } = await primeClient(federator).createDomain({
      name: 'd',
      domainParametersURI: '',
    })
    return { domainId, computeManagerKey: federator.address, name: 'p', poolDataURI: '' }
  }

  test('a write (createPool)', async () => {
    const parameters = await pool()
    await expectRefused('account', () => rpcAccountClient(unheld).createPool(parameters))
  })

  test('a write given the account as a parameter, on a client with a local one', async () => {
    const parameters = await pool()
    await expectRefused('account', () =>
      primeClient(federator).createPool({ ...parameters, account: unheld }),
    )
  })

  test('a permit signature (registerProvider)', async () => {
    await expectRefused('account', () =>
      rpcAccountClient(unheld).registerProvider({ amount: parseEther('1') }),
    )
  })

  test('an invite signature (signPoolInvite)', async () => {
    await expectRefused('account', () =>
      rpcAccountClient(unheld).signPoolInvite({
        poolId: 1n,
        nodeKey: federator.address,
        provider: federator.address,
        keyVersion: 0n,
        expiry: 2n ** 40n,
      }),
    )
  })

  test("a node's ownership signature (addNode with a JSON-RPC node account)", async () => {
    await expectRefused('node', () =>
      rpcAccountClient(federator.address).addNode({
        node: jsonRpc(unheld),
        computeUnits: 1n,
        specsURI: '',
      }),
    )
  })
})

describe('an account the node holds signs and sends', () => {
  test('a write goes out from it', async () => {
    const client = rpcAccountClient(federator.address)
    const { receipt } = await client.pause()
    expect(receipt.from).toBe(federator.address.toLowerCase())
    const unpaused = await client.unpause()
    expect(unpaused.receipt.status).toBe('success')
  })

  test('an invite is signed by it', async () => {
    const invite = await rpcAccountClient(federator.address).signPoolInvite({
      poolId: 1n,
      nodeKey: federator.address,
      provider: federator.address,
      nonce: 7n,
      keyVersion: 0n,
      expiry: 2n ** 40n,
    })
    const signer = await recoverTypedDataAddress({
      domain: {
        name: 'Prime Network ComputePool',
        version: '1',
        chainId: deployment.chainId,
        verifyingContract: deployment.computePool,
      },
      types: poolInviteTypes,
      primaryType: 'PoolInvite',
      message: {
        poolId: 1n,
        nodeKey: federator.address,
        provider: federator.address,
        nonce: 7n,
        expiry: 2n ** 40n,
        keyVersion: 0n,
      },
      signature: invite.signature,
    })
    expect(signer).toBe(federator.address)
  })
})
