import type { Deployment } from '@prime-network/sdk'
import { protocolEventsAbi, watchEvents } from '@prime-network/sdk'
import { changesWithTime, isStaleAfter, type ProtocolEventLike } from '@prime-network/sdk/query'
import { type QueryClient, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useEffect } from 'react'
import { type Log, parseEventLogs } from 'viem'
import { watchBlockNumber } from 'viem/actions'
import { useClient } from 'wagmi'

const DeploymentContext = createContext<Deployment | undefined>(undefined)

/** The deployment the hooks below a `PrimeNetworkProvider` use (undefined: the chain's registered one). */
export function useDeployment(): Deployment | undefined {
  return useContext(DeploymentContext)
}

/**
 * Marks stale every protocol query of `queryClient` that `events` change (see the SDK's
 * `isStaleAfter`): a query that is on screen is read again at once, the others when next used.
 */
export function refreshAfter(
  queryClient: QueryClient,
  events: readonly ProtocolEventLike[],
  deployment: Deployment,
) {
  if (events.length === 0) return Promise.resolve()
  const scope = { chainId: deployment.chainId, primeNetwork: deployment.primeNetwork }
  return queryClient.invalidateQueries({
    predicate: (query) =>
      events.some((event) => isStaleAfter(query.queryKey, query.state.data, event, scope)),
  })
}

/** The protocol events in a transaction's logs, decoded. */
export function protocolEventsIn(logs: readonly Log[]): ProtocolEventLike[] {
  return parseEventLogs({ abi: protocolEventsAbi, logs: [...logs] })
}

/**
 * Gives the hooks below it their deployment and keeps their data live: one watcher of the
 * deployment's events per client (never one per hook) marks exactly the queries each event
 * changes as stale, and each new block refreshes the reads that move with chain time alone
 * (accruing rewards, unlocking work). Put it inside wagmi's and TanStack Query's providers.
 *
 * @example
 * <WagmiProvider config={config}>
 *   <QueryClientProvider client={queryClient}>
 *     <PrimeNetworkProvider deployment={deployment}>
 *       <App />
 *     </PrimeNetworkProvider>
 *   </QueryClientProvider>
 * </WagmiProvider>
 */
export function PrimeNetworkProvider(props: {
  deployment: Deployment
  children?: ReactNode
  /** How often to poll for events and blocks over HTTP, in ms (default: the client's). */
  pollingInterval?: number
}) {
  const { deployment, pollingInterval } = props
  const client = useClient({ chainId: deployment.chainId })
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!client) return
    const unwatchEvents = watchEvents(client, {
      deployment,
      pollingInterval,
      onLogs: (logs) => void refreshAfter(queryClient, logs, deployment),
    })
    const unwatchBlocks = watchBlockNumber(client, {
      pollingInterval,
      onBlockNumber: () =>
        void queryClient.invalidateQueries({
          predicate: (query) => changesWithTime(query.queryKey),
        }),
    })
    return () => {
      unwatchEvents()
      unwatchBlocks()
    }
  }, [client, queryClient, deployment, pollingInterval])
  return (
    <DeploymentContext.Provider value={deployment}>{props.children}</DeploymentContext.Provider>
  )
}
