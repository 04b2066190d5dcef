import { PrimeNetworkProvider } from '@prime-network/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { WagmiProvider } from 'wagmi'
import { App } from './App'
import { loadConfig } from './config'
import './style.css'
import { SettingsContext } from './settings'
import { createWagmiConfig } from './wallet'

const root = createRoot(document.getElementById('root')!)

loadConfig().then(
  (config) => {
    const wagmiConfig = createWagmiConfig(config)
    // The event watcher and the block watcher refresh what changes: nothing refetches on focus.
    const queryClient = new QueryClient({
      defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } },
    })
    root.render(
      <StrictMode>
        <WagmiProvider config={wagmiConfig}>
          <QueryClientProvider client={queryClient}>
            <PrimeNetworkProvider
              deployment={config.deployment}
              pollingInterval={config.pollingInterval}
            >
              <SettingsContext.Provider
                value={{ indexerUrl: config.indexerUrl, pollingInterval: config.pollingInterval }}
              >
                <App />
              </SettingsContext.Provider>
            </PrimeNetworkProvider>
          </QueryClientProvider>
        </WagmiProvider>
      </StrictMode>,
    )
  },
  (error: Error) =>
    root.render(
      <main>
        <h1>Prime Network dashboard</h1>
        <p role="alert">{error.message}</p>
      </main>,
    ),
)
