import { keepPreviousData, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { watchBlockNumber } from 'viem/actions'
import {
  useBlock,
  useClient,
  useConnect,
  useConnection,
  useConnections,
  useConnectors,
  useDisconnect,
  useSwitchConnection,
} from 'wagmi'
import { ChainClockContext } from './clock'
import { ErrorNote } from './errors'
import { shortHex } from './format'
import { historyKey, useIndexedBlock } from './history'
import { NetworkPage } from './pages/Network'
import { NodePage } from './pages/Node'
import { PoolPage } from './pages/Pool'
import { ProviderPage } from './pages/Provider'
import { ValidatorPage } from './pages/Validator'
import { useRoute } from './route'
import { useSettings } from './settings'
import { devAccounts, isDevConnector } from './wallet'

export function App() {
  const route = useRoute()
  const blockNumber = useNewBlocks()
  // The latest block once, then each new block once: its time drives the countdowns. Each new
  // number is a new query; until it loads, the page keeps the block before rather than blanking
  // every time and the header for a moment on each block.
  const block = useBlock({
    ...(blockNumber === undefined ? {} : { blockNumber }),
    query: { placeholderData: keepPreviousData },
  })
  const queryClient = useQueryClient()
  // Wallet balances follow the chain; protocol reads are refreshed by PrimeNetworkProvider's
  // watchers; history panels follow the index (one query a panel each time it moves).
  useEffect(() => {
    if (blockNumber !== undefined)
      void queryClient.invalidateQueries({ queryKey: ['readContract'] })
  }, [blockNumber, queryClient])
  const indexedBlock = useIndexedBlock()
  useEffect(() => {
    if (indexedBlock !== undefined) void queryClient.invalidateQueries({ queryKey: [historyKey] })
  }, [indexedBlock, queryClient])
  useEffect(() => {
    const titles = {
      network: 'Network',
      validator: 'Validator',
      pool: 'Pool',
      provider: 'Provider',
      node: 'Node',
      'not-found': 'Not found',
    }
    document.title = `${titles[route.page]} · Prime Network`
  }, [route.page])
  return (
    <ChainClockContext.Provider
      value={{ blockNumber: block.data?.number, timestamp: block.data?.timestamp }}
    >
      <header className="top">
        <a className="brand" href="#/">
          Prime Network
        </a>
        <nav aria-label="Pages">
          <a href="#/" aria-current={route.page === 'network' ? 'page' : undefined}>
            Network
          </a>
          <a href="#/validator" aria-current={route.page === 'validator' ? 'page' : undefined}>
            Validator
          </a>
          <MyProviderLink />
        </nav>
        <p className="block" aria-live="polite" data-figure="block-number">
          {block.data ? `Block ${block.data.number}` : 'Connecting to the chain…'}
        </p>
        <Wallet />
      </header>
      <main>
        {route.page === 'network' && <NetworkPage />}
        {route.page === 'validator' && <ValidatorPage />}
        {route.page === 'pool' && <PoolPage poolId={route.poolId} />}
        {route.page === 'provider' && <ProviderPage address={route.address} />}
        {route.page === 'node' && <NodePage nodeKey={route.address} />}
        {route.page === 'not-found' && (
          <>
            <h1>Not found</h1>
            <p>
              Nothing lives at <code>{route.path}</code>. <a href="#/">Back to the network</a>.
            </p>
          </>
        )}
      </main>
    </ChainClockContext.Provider>
  )
}

/**
 * The chain's new block numbers, from the same poll as PrimeNetworkProvider's block watcher: viem
 * shares one poll between watchers of a client with the same options, so the header costs no
 * request of its own.
 */
function useNewBlocks() {
  const client = useClient()
  const { pollingInterval } = useSettings()
  const [blockNumber, setBlockNumber] = useState<bigint>()
  useEffect(() => {
    if (!client) return
    return watchBlockNumber(client, { pollingInterval, onBlockNumber: setBlockNumber })
  }, [client, pollingInterval])
  return blockNumber
}

function MyProviderLink() {
  const { address } = useConnection()
  if (!address) return null
  return <a href={`#/provider/${address}`}>My provider page</a>
}

/** An injected wallet, or on a local chain one of anvil's dev accounts. */
function Wallet() {
  const { address, connector } = useConnection()
  const connectors = useConnectors()
  const { mutate: connect, error } = useConnect()
  const { mutate: disconnect } = useDisconnect()
  const { mutate: switchConnection } = useSwitchConnection()
  const connections = useConnections()
  const dev = connectors.filter(isDevConnector)
  const injected = connectors.find((c) => c.type === 'injected')
  const hasInjected = typeof window !== 'undefined' && 'ethereum' in window
  return (
    <div className="wallet">
      {dev.length > 0 && (
        <label>
          Account{' '}
          <select
            value={connector && isDevConnector(connector) ? connector.id : ''}
            onChange={(event) => {
              const next = dev.find((c) => c.id === event.target.value)
              if (!next) disconnect()
              // wagmi keeps every account connected once; coming back to one switches to it.
              else if (connections.some((c) => c.connector.uid === next.uid))
                switchConnection({ connector: next })
              else connect({ connector: next })
            }}
          >
            <option value="">Not connected</option>
            {dev.map((c, i) => (
              <option key={c.id} value={c.id}>
                Dev account {i} ({shortHex(devAccounts[i]!)})
              </option>
            ))}
          </select>
        </label>
      )}
      {injected && hasInjected && (
        <button type="button" onClick={() => connect({ connector: injected })}>
          Browser wallet
        </button>
      )}
      {address && (
        <span className="connected" data-figure="connected-account" title={address}>
          {shortHex(address)}
        </span>
      )}
      {error && <ErrorNote error={error} />}
    </div>
  )
}
