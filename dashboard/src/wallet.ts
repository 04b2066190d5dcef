import type { Deployment } from '@prime-network/sdk'
import { type Address, defineChain } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { type Connector, createConfig, createConnector, http, injected, mock } from 'wagmi'

/** anvil's dev mnemonic: its first ten accounts hold ETH, and anvil signs for them. */
const devMnemonic = 'test test test test test test test test test test test junk'
const devAccountCount = 10

/** The dev accounts of a local chain (31337), by index. */
export const devAccounts: readonly Address[] = Array.from(
  { length: devAccountCount },
  (_, addressIndex) => mnemonicToAccount(devMnemonic, { addressIndex }).address,
)

export const isLocalChain = (chainId: number) => chainId === 31337

/**
 * One connector per dev account: wagmi's mock connector hands `eth_sendTransaction` to the chain's
 * RPC, where anvil signs with the account's key, so every write is a real transaction on anvil.
 */
function devConnector(index: number) {
  return createConnector((config) => ({
    ...mock({ accounts: [devAccounts[index]!], features: { reconnect: true } })(config),
    id: `dev-${index}`,
    name: `Dev account ${index}`,
  }))
}

export const isDevConnector = (connector: Connector) => connector.id.startsWith('dev-')

/** wagmi's config for one deployment: its chain on the given RPC, an injected wallet and dev accounts. */
export function createWagmiConfig(parameters: {
  rpcUrl: string
  deployment: Deployment
  pollingInterval: number
}) {
  const { rpcUrl, deployment, pollingInterval } = parameters
  const chain = defineChain({
    id: deployment.chainId,
    name: isLocalChain(deployment.chainId) ? 'Local chain' : `Chain ${deployment.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  return createConfig({
    chains: [chain],
    connectors: [
      injected(),
      ...(isLocalChain(chain.id)
        ? Array.from({ length: devAccountCount }, (_, i) => devConnector(i))
        : []),
    ],
    // Requests made in the same tick share one HTTP request.
    transports: { [chain.id]: http(rpcUrl, { batch: true }) },
    pollingInterval,
    // Wallet choice survives a reload (wagmi keeps it in localStorage).
    multiInjectedProviderDiscovery: false,
  })
}
