import { type Deployment, primeNetworkActions } from '@prime-network/sdk'
import { primeTokenAbi } from '@prime-network/sdk/abis'
import {
  type Account,
  type Address,
  type Chain,
  createTestClient,
  createWalletClient,
  defineChain,
  type Hash,
  http,
  publicActions,
  type TransactionReceipt,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { formatDuration, formatNumber } from './format.js'
import { plan } from './scenario.js'

const mnemonic = 'test test test test test test test test test test test junk'
/** anvil's dev account `index`; 0..9 hold ETH and, after the deploy, 1,000,000 PRIME each. */
const devAccount = (index: number) => mnemonicToAccount(mnemonic, { addressIndex: index })

export type Say = (line?: string) => void

function clientFor(deployment: Deployment, rpcUrl: string) {
  const chain: Chain = defineChain({
    id: deployment.chainId,
    name: 'anvil',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  const transport = http(rpcUrl)
  return {
    actor: (account: Account) =>
      createWalletClient({ account, chain, transport, pollingInterval: 50 })
        .extend(publicActions)
        .extend(primeNetworkActions({ deployment })),
    chain: createTestClient({ chain, mode: 'anvil', transport }).extend(publicActions),
  }
}

export type Actor = ReturnType<ReturnType<typeof clientFor>['actor']>

/** Everything the acts share: the actors, the chain, the report and what earlier acts produced. */
export type Stage = ReturnType<typeof createStage>

export function createStage(parameters: {
  say: Say
  signal: AbortSignal | undefined
  rpcUrl: string
  deployment: Deployment
}) {
  const { say, signal, rpcUrl, deployment } = parameters
  const clients = clientFor(deployment, rpcUrl)
  const actors = {
    federator: clients.actor(devAccount(0)),
    validator: clients.actor(devAccount(1)),
    alice: clients.actor(devAccount(2)),
    bob: clients.actor(devAccount(3)),
    // Carol creates the pool and is its compute manager: her key signs the invites.
    carol: clients.actor(devAccount(4)),
  }
  const names = new Map<Address, string>(
    Object.entries(actors).map(([name, actor]) => [actor.account.address, name]),
  )
  const nodes = plan.nodes.map((node) => ({
    ...node,
    account: devAccount(node.keyIndex),
    client: clients.actor(devAccount(node.keyIndex)),
  }))
  const totals = { transactions: 0, gasUsed: 0n }
  /** Unix time of the pool phase's start; set by the act that opens the pool. */
  let t0 = 0n

  return {
    say,
    rpcUrl,
    deployment,
    chain: clients.chain,
    ...actors,
    names,
    nodes,
    node: (name: string) => nodes.find((node) => node.name === name)!,
    providerOf: (node: { provider: string }) =>
      node.provider === 'alice' ? actors.alice : actors.bob,
    totals,
    /** What acts hand to later acts and to the summary. */
    results: {} as Partial<Results>,
    /** Reports one transaction: who did what, its hash and the gas it used. */
    sent(actor: string, what: string, result: { hash: Hash; receipt: TransactionReceipt }) {
      totals.transactions += 1
      totals.gasUsed += result.receipt.gasUsed
      say(`  ${actor.padEnd(11)} ${what}`)
      say(`  ${''.padEnd(11)} ↳ tx ${result.hash}  gas ${formatNumber(result.receipt.gasUsed)}`)
    },
    note: (line: string) => say(`  ${line}`),
    balanceOf: (address: Address) =>
      clients.chain.readContract({
        address: deployment.token,
        abi: primeTokenAbi,
        functionName: 'balanceOf',
        args: [address],
      }),
    checkAborted: () => signal?.throwIfAborted(),
    /** Starts the pinned clock at the next boundary of the work window, a minute or more ahead. */
    async startClock() {
      const latest = (await clients.chain.getBlock()).timestamp + 60n
      t0 = ((latest + plan.workLockPeriod - 1n) / plan.workLockPeriod) * plan.workLockPeriod
      return t0
    },
    get t0() {
      return t0
    },
    /** Pins the next block's time to t0 + `offset`. */
    async at(offset: bigint) {
      signal?.throwIfAborted()
      await clients.chain.setNextBlockTimestamp({ timestamp: t0 + offset })
    },
    clock: (offset: bigint) => `[t0+${formatDuration(offset)}]`,
  }
}

/** What the acts produce for later acts and the summary. */
export type Results = {
  balancesBefore: Map<Address, bigint>
  domainId: bigint
  poolId: bigint
  invites: Awaited<ReturnType<Actor['signPoolInvite']>>[]
  /** Per node key: what its provider claimed for time and for work. */
  claimed: Map<Address, { time: bigint; work: bigint }>
  aliceClaimed: bigint
  bobClaimed: bigint
  penaltySlashed: bigint
  budgetReturned: bigint
  bobWithdrawn: bigint
}
