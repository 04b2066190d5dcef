// registerProvider signs a permit from what the RPC reports (the token's signing domain, its nonce,
// the chain's time). These tests put a lying JSON-RPC proxy in front of anvil: whatever it rewrites,
// the SDK must refuse before anything is signed.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type Account,
  createWalletClient,
  decodeFunctionData,
  decodeFunctionResult,
  encodeFunctionResult,
  type Hex,
  http,
  isAddressEqual,
  multicall3Abi,
  publicActions,
} from 'viem'
import { anvil } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deployment, devAccount, rpcUrl, snapshot } from '../../test/utils.js'
import { primeNetworkActions } from '../decorators/primeNetwork.js'
import { UntrustedRpcResponseError } from '../errors/base.js'
import { primeTokenEip712DomainAbi } from '../generated/abis.js'

type Lie = {
  chainId?: Hex
  domain?: (
    domain: readonly [Hex, string, string, bigint, Hex, Hex, readonly bigint[]],
  ) => typeof domain
}

const eip712DomainSelector = '0x84b0196e'
let lie: Lie = {}
let server: Server
let proxyUrl: string

/** Forwards one JSON-RPC call to anvil and rewrites the answer as `lie` says. */
async function relay(call: { method: string; params?: unknown[]; id: number }) {
  if (call.method === 'eth_chainId' && lie.chainId)
    return { jsonrpc: '2.0', id: call.id, result: lie.chainId }
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(call),
  })
  const answer = (await response.json()) as { result?: Hex }
  const forge = lie.domain
  if (call.method !== 'eth_call' || !forge || !answer.result) return answer
  const { to, data } = call.params![0] as { to?: Hex; data?: Hex }
  if (!to || !data) return answer
  const forged = (result: Hex) =>
    encodeFunctionResult({
      abi: primeTokenEip712DomainAbi,
      functionName: 'eip712Domain',
      result: forge(
        decodeFunctionResult({
          abi: primeTokenEip712DomainAbi,
          functionName: 'eip712Domain',
          data: result,
        }),
      ),
    })
  if (isAddressEqual(to, deployment.token) && data.startsWith(eip712DomainSelector))
    return { ...answer, result: forged(answer.result) }
  // The SDK batches its reads through Multicall3's aggregate3: rewrite the token's entry inside.
  const decoded = (() => {
    try {
      return decodeFunctionData({ abi: multicall3Abi, data })
    } catch {
      return undefined
    }
  })()
  if (decoded?.functionName !== 'aggregate3') return answer
  const calls = decoded.args[0]
  const results = decodeFunctionResult({
    abi: multicall3Abi,
    functionName: 'aggregate3',
    data: answer.result,
  })
  const rewritten = results.map((entry, i) =>
    isAddressEqual(calls[i]!.target, deployment.token) &&
    calls[i]!.callData.startsWith(eip712DomainSelector)
      ? { ...entry, returnData: forged(entry.returnData) }
      : entry,
  )
  return {
    ...answer,
    result: encodeFunctionResult({
      abi: multicall3Abi,
      functionName: 'aggregate3',
      result: rewritten,
    }),
  }
}

let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
  server = createServer(async (request, response) => {
    let body = ''
    for await (const chunk of request) body += chunk
    const parsed = JSON.parse(body)
    const answer = Array.isArray(parsed)
      ? await Promise.all(parsed.map(relay))
      : await relay(parsed)
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify(answer))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((done) => server.close(done))
  await restore()
})

/** A provider whose every signature is counted. */
function countingProvider() {
  const account = devAccount(8)
  const signed: string[] = []
  const signTypedData = async (typedData: { primaryType: unknown }) => {
    signed.push(String(typedData.primaryType))
    return account.signTypedData(typedData as Parameters<typeof account.signTypedData>[0])
  }
  const counting = { ...account, signTypedData } as unknown as Account
  const client = createWalletClient({ account: counting, chain: anvil, transport: http(proxyUrl) })
    .extend(publicActions)
    .extend(primeNetworkActions({ deployment }))
  return { client, signed }
}

describe('registerProvider signs a permit only for the deployment', () => {
  test.each([
    ['an RPC that reports another chain id', { chainId: '0x1' } as Lie, 'chainId'],
    [
      'a token domain for another chain',
      { domain: (d) => [d[0], d[1], d[2], 1n, d[4], d[5], d[6]] } as Lie,
      'domain.chainId',
    ],
    [
      'a token domain for another token',
      {
        domain: (d) => [
          d[0],
          d[1],
          d[2],
          d[3],
          '0x000000000000000000000000000000000000dEaD',
          d[5],
          d[6],
        ],
      } as Lie,
      'domain.verifyingContract',
    ],
  ])('refuses %s', async (_, told, field) => {
    lie = told
    const { client, signed } = countingProvider()
    const error = await client.registerProvider({ amount: 10n ** 20n }).catch((e: unknown) => e)
    lie = {}
    expect(error).toBeInstanceOf(UntrustedRpcResponseError)
    expect((error as UntrustedRpcResponseError).field).toBe(field)
    expect(signed).toEqual([])
  })

  test('signs through the same proxy when it tells the truth', async () => {
    const { client, signed } = countingProvider()
    const result = await client.registerProvider({ amount: 10n ** 20n })
    expect(result.allowance).toEqual({ kind: 'permit' })
    expect(signed).toEqual(['Permit'])
  })

  test('bounds the permit to an hour of chain time', async () => {
    const { client } = countingProvider()
    const error = await client
      .registerProvider({ amount: 10n ** 20n, permitValidity: 3601n })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'InvalidInputError', parameter: 'permitValidity' })
  })
})
