import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  ContractErrors,
  type Deployment,
  InvalidInputError,
  loadDeployment,
  primeNetworkActions,
} from '@prime-network/sdk'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  act,
  cleanup,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
} from '@testing-library/react'
import { type ReactNode, useState } from 'react'
import {
  createTestClient,
  createWalletClient,
  erc20Abi,
  formatEther,
  http,
  parseEther,
  publicActions,
  type Transport,
} from 'viem'
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest'
import { createConfig, mock, WagmiProvider } from 'wagmi'
import { connect } from 'wagmi/actions'
import { PoolPanel } from '../examples/PoolPanel.js'
import {
  PrimeNetworkProvider,
  useClaimRewards,
  useJoinPool,
  usePendingRewards,
  usePool,
  usePoolRewards,
  useProviderSnapshot,
  useSignPoolInvite,
  useStake,
} from '../src/index.js'

const rpcUrl = inject('rpcUrl')
const deployment: Deployment = await loadDeployment(inject('deploymentPath'))
const mnemonic = 'test test test test test test test test test test test junk'
const dev = (index: number) => mnemonicToAccount(mnemonic, { addressIndex: index })
const sdk = (account: ReturnType<typeof dev> | ReturnType<typeof privateKeyToAccount>) =>
  createWalletClient({ account, chain: anvil, pollingInterval: 50, transport: http(rpcUrl) })
    .extend(publicActions)
    .extend(primeNetworkActions({ deployment }))
const chain = createTestClient({ chain: anvil, mode: 'anvil', transport: http(rpcUrl) }).extend(
  publicActions,
)

const balanceOf = (account: `0x${string}`) =>
  chain.readContract({
    address: deployment.token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [account],
  })

// The connected wallet is anvil's dev account 3 (anvil signs for it): the provider.
const provider = dev(3)
const creator = sdk(dev(4))
const manager = privateKeyToAccount(generatePrivateKey())
const node = privateKeyToAccount(generatePrivateKey())

/** Every JSON-RPC method the app sent, to count what the hooks cost. */
const methods: string[] = []
const counted: Transport = (parameters) => {
  const transport = http(rpcUrl)(parameters)
  return {
    ...transport,
    request: (async (args: { method: string }) => {
      methods.push(args.method)
      return transport.request(args as never)
    }) as typeof transport.request,
  }
}

// The wallet (wagmi's mock connector) sends to the chain's own RPC URL: this test's anvil.
const localChain = { ...anvil, rpcUrls: { default: { http: [rpcUrl] } } } as const
const config = createConfig({
  chains: [localChain],
  // Reconnects on mount, as a wallet the user connected before does.
  connectors: [mock({ accounts: [provider.address], features: { reconnect: true } })],
  transports: { [anvil.id]: counted },
  pollingInterval: 100,
})

/** The providers an app sets up, around `given` (or a query client of each rendered tree's own). */
const withQueryClient = (given?: QueryClient) =>
  function Providers({ children }: { children: ReactNode }) {
    const [queryClient] = useState(
      () => given ?? new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    )
    return (
      <WagmiProvider config={config}>
        <QueryClientProvider client={queryClient}>
          <PrimeNetworkProvider deployment={deployment} pollingInterval={100}>
            {children}
          </PrimeNetworkProvider>
        </QueryClientProvider>
      </WagmiProvider>
    )
  }
const wrapper = withQueryClient()

/** The pool's rate, per compute unit-second; the provider's one node has 1 unit. */
const rewardRate = 10n ** 12n
let poolId: bigint
let snapshot: `0x${string}`
beforeAll(async () => {
  snapshot = await chain.snapshot()
  const { domainId } = await sdk(dev(0)).createDomain({ name: 'd', domainParametersURI: '' })
  ;({ poolId } = await creator.createPool({
    domainId,
    computeManagerKey: manager.address,
    name: 'hooks',
    poolDataURI: '',
  }))
  await creator.setRewardRate({ poolId, rate: rewardRate })
  await creator.fundPool({ poolId, amount: parseEther('10') })
  await creator.startPool({ poolId })
  const asProvider = sdk(provider)
  await asProvider.registerProvider({ amount: parseEther('200') })
  await asProvider.addNode({ node, computeUnits: 1n, specsURI: '' })
  await sdk(dev(1)).whitelistProvider({ provider: provider.address })
  await sdk(dev(1)).validateNode({ nodeKey: node.address })
  const invite = await sdk(manager).signPoolInvite({
    poolId,
    nodeKey: node.address,
    expiry: (await chain.getBlock()).timestamp + 3600n,
  })
  await asProvider.joinPool({ poolId, invites: [invite] })
  await connect(config, { connector: config.connectors[0]! })
})
afterEach(cleanup)
afterAll(async () => {
  await chain.revert({ id: snapshot })
})

describe('@prime-network/react against anvil', () => {
  test('read hooks answer exactly what the SDK reads', async () => {
    const { result } = renderHook(
      () => ({ pool: usePool({ poolId }), rewards: usePoolRewards({ poolId }) }),
      {
        wrapper,
      },
    )
    await waitFor(() =>
      expect(result.current.pool.data && result.current.rewards.data).toBeTruthy(),
    )
    expect(result.current.pool.data).toEqual(await creator.getPool({ poolId }))
    expect(result.current.rewards.data).toEqual(await creator.getPoolRewards({ poolId }))
    // Waiting for a parameter: no request, no data.
    const waiting = renderHook(() => usePool(undefined), { wrapper })
    expect(waiting.result.current.fetchStatus).toBe('idle')
  })

  test('hooks waiting for a parameter each wait under their own read, with nothing to run', () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const { result } = renderHook(
      () => ({ pool: usePool(undefined), stake: useStake(undefined) }),
      { wrapper: withQueryClient(queryClient) },
    )
    expect(result.current.pool.fetchStatus).toBe('idle')
    expect(result.current.stake.fetchStatus).toBe('idle')
    const waiting = queryClient.getQueryCache().findAll({ queryKey: ['prime-network', 'waiting'] })
    expect(waiting.map((query) => query.queryKey).sort()).toEqual([
      ['prime-network', 'waiting', 'getPool'],
      ['prime-network', 'waiting', 'getStake'],
    ])
    // skipToken: TanStack counts them disabled, so no refetch of every query can run them.
    expect(waiting.every((query) => query.isDisabled())).toBe(true)
  })

  test("another account's write reaches the page through the one event watcher", async () => {
    const { result } = renderHook(() => usePoolRewards({ poolId }), { wrapper })
    await waitFor(() => expect(result.current.data).toBeDefined())
    const before = result.current.data!.budget
    await creator.fundPool({ poolId, amount: parseEther('1') })
    const expected = (await creator.getPoolRewards({ poolId })).budget
    expect(expected).toBeGreaterThan(before)
    await waitFor(() => expect(result.current.data!.budget).toBe(expected), { timeout: 10_000 })
  })

  test('a provider claims through a mutation; its rewards update without a reload', async () => {
    await chain.increaseTime({ seconds: 3600 })
    await chain.mine({ blocks: 1 })
    const { result } = renderHook(
      () => ({
        pending: usePendingRewards({ poolId, provider: provider.address }),
        snapshot: useProviderSnapshot({ provider: provider.address }),
        claim: useClaimRewards(),
      }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.pending.data?.total).toBeGreaterThan(0n))
    const balance = await balanceOf(provider.address)
    let claimed = 0n
    await act(async () => {
      claimed = (await result.current.claim.mutateAsync({ poolId })).total
    })
    expect(claimed).toBeGreaterThan(0n)
    const after = await balanceOf(provider.address)
    expect(after - balance).toBe(claimed)
    // Refreshed from the claim's own events, at the claim's block: nothing left to claim.
    const pending = await creator.getPendingRewards({ poolId, provider: provider.address })
    await waitFor(() => expect(result.current.pending.data).toEqual(pending))
    expect(pending.total).toBe(0n)
  })

  test('a failing write fails with the typed error and sends nothing', async () => {
    const { result } = renderHook(() => useJoinPool(), { wrapper })
    const nonce = await chain.getTransactionCount({ address: provider.address })
    const bad = await act(() =>
      result.current
        .mutateAsync({
          poolId,
          invites: [{ nodeKey: node.address, nonce: 1n, expiry: 1n, signature: '0x00' }],
        })
        .catch((error) => error),
    )
    expect(bad).toBeInstanceOf(ContractErrors.InviteExpired)
    await waitFor(() => expect(result.current.error).toBe(bad))
    const badInput = await act(() =>
      result.current.mutateAsync({ poolId, invites: [] }).catch((error) => error),
    )
    expect(badInput).toBeInstanceOf(InvalidInputError)
    expect(await chain.getTransactionCount({ address: provider.address })).toBe(nonce)
  })

  test('the connected wallet, as a pool’s manager key, signs an invite; the provider joins with it', async () => {
    const { domainId } = await creator.getPool({ poolId })
    const { poolId: managed } = await creator.createPool({
      domainId,
      computeManagerKey: provider.address,
      name: 'managed by the wallet',
      poolDataURI: '',
    })
    await creator.setRewardRate({ poolId: managed, rate: 10n ** 12n })
    await creator.fundPool({ poolId: managed, amount: parseEther('1') })
    await creator.startPool({ poolId: managed })
    const second = privateKeyToAccount(generatePrivateKey())
    await sdk(provider).increaseStake({ amount: parseEther('100') }) // for a second compute unit
    await sdk(provider).addNode({ node: second, computeUnits: 1n, specsURI: '' })
    await sdk(dev(1)).validateNode({ nodeKey: second.address })
    const nonce = await chain.getTransactionCount({ address: provider.address })
    const terms = { poolId: managed, nodeKey: second.address, nonce: 7n }
    const expiry = (await chain.getBlock()).timestamp + 3600n

    const { result } = renderHook(() => useSignPoolInvite(), { wrapper })
    const invite = await act(() => result.current.mutateAsync({ ...terms, expiry }))
    // The wallet (anvil, for the mock connector) signs exactly what the SDK signs with the key.
    expect(invite).toEqual(await sdk(provider).signPoolInvite({ ...terms, expiry }))
    expect(await chain.getTransactionCount({ address: provider.address })).toBe(nonce)
    await sdk(provider).joinPool({ poolId: managed, invites: [invite] })
    const members = await creator.getPoolNodes({ poolId: managed })
    expect(members.map((member) => member.nodeKey)).toEqual([second.address])
  })

  test('many hooks, one watcher: the events are polled once per interval, not once per hook', async () => {
    const hooks = () => [
      usePool({ poolId }),
      usePoolRewards({ poolId }),
      usePendingRewards({ poolId, provider: provider.address }),
      useProviderSnapshot({ provider: provider.address }),
    ]
    methods.length = 0
    const { result } = renderHook(hooks, { wrapper })
    await waitFor(() => expect(result.current.every((query) => query.data)).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 1000))
    // One filter for the protocol's events (all contracts, one watcher), whatever the hook count.
    expect(methods.filter((method) => method === 'eth_newFilter')).toHaveLength(1)
  })
})

describe('the README example', () => {
  test('is examples/PoolPanel.tsx, verbatim', async () => {
    const [readme, example] = await Promise.all([
      // The package's folder (happy-dom gives modules http: URLs, not file: ones).
      readFile(join(process.cwd(), 'README.md'), 'utf8'),
      readFile(join(process.cwd(), 'examples/PoolPanel.tsx'), 'utf8'),
    ])
    const block = /<!-- example: examples\/PoolPanel\.tsx -->\n```tsx\n([\s\S]*?)```/.exec(readme)
    expect(block, 'README.md has no example block').not.toBeNull()
    expect(block![1]).toBe(example)
  })

  test('shows the budget and the claimable amount in PRIME, and claims them', async () => {
    await chain.increaseTime({ seconds: 600 })
    await chain.mine({ blocks: 1 })
    render(<PoolPanel poolId={poolId} provider={provider.address} />, { wrapper })
    const pending = await creator.getPendingRewards({ poolId, provider: provider.address })
    const { budget } = await creator.getPoolRewards({ poolId })
    const readAt = (await chain.getBlock()).timestamp
    expect(pending.total).toBeGreaterThan(0n)
    await screen.findByText(`Budget left: ${formatEther(budget)} PRIME`)
    await screen.findByText(`You can claim: ${formatEther(pending.total)} PRIME`)
    const before = await balanceOf(provider.address)
    fireEvent.click(screen.getByRole('button', { name: 'Claim' }))
    await screen.findByText('You can claim: 0 PRIME', undefined, { timeout: 10_000 })
    // The claim's block is mined on the wall clock, so on a busy machine it can come seconds after
    // the read: the node's one compute unit kept earning the pool's rate until then.
    const claimedAt = (await chain.getBlock()).timestamp
    expect(await balanceOf(provider.address)).toBe(
      before + pending.total + rewardRate * (claimedAt - readAt),
    )
  })
})
