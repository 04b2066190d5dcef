/**
 * The CLI's one door to the chain and to @prime-network/sdk: connecting, the deployment, the
 * transport that reports progress and stops dry runs. (How errors are shown: `errors.ts`.)
 * Commands call the SDK's actions on the client made here and nothing else, so an SDK API change
 * is adapted here and in the command that uses it.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  type Deployment,
  getDeployment,
  loadDeployment,
  primeNetworkActions,
} from '@prime-network/sdk'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  type EIP1193RequestFn,
  getAddress,
  type Hex,
  http,
  type LocalAccount,
  parseTransaction,
  publicActions,
} from 'viem'
import type { Settings } from './config.js'
import { DryRunSignal, describeCall, inviteAdmission, type PlannedCall } from './dryrun.js'
import { NetworkError, UsageError } from './errors.js'
import type { Fork } from './fork.js'
import type { Output } from './output.js'
import { redactUrl } from './redact.js'

export type Connection = Awaited<ReturnType<typeof connect>>

async function resolveDeployment(settings: Settings, chainId: number): Promise<Deployment> {
  const path = settings.deployment.value
  if (path) {
    if (!existsSync(path)) throw new UsageError(`deployment file ${path} does not exist`)
    const deployment = await loadDeployment(path)
    if (deployment.chainId !== chainId)
      throw new UsageError(
        `deployment ${path} is for chain ${deployment.chainId}, but ${redactUrl(settings.rpcUrl.value)} is chain ${chainId}`,
      )
    return deployment
  }
  try {
    return getDeployment(chainId)
  } catch {
    // No deployment is registered for public chains yet: fall back to the deploy script's output.
    const local = join(process.cwd(), 'deployments', `${chainId}.json`)
    if (existsSync(local)) return loadDeployment(local)
    throw new UsageError(
      `no deployment known for chain ${chainId}: pass --deployment <file> (deploy.sh writes deployments/<chainId>.json)`,
    )
  }
}

/**
 * Connects to the RPC, loads the deployment and returns a client extended with the SDK's actions.
 * With `dryRun`, every transaction is decoded and gas-estimated instead of sent: on `fork` (a local
 * anvil forked from the RPC) each is then applied there, so later steps run on the state earlier
 * ones leave; without a fork the command stops at its first transaction.
 */
export async function connect(
  settings: Settings,
  options: {
    account?: LocalAccount | undefined
    dryRun?: boolean
    fork?: Fork | undefined
    output: Output
  },
) {
  const { account, dryRun = false, fork, output } = options
  const rpcUrl = settings.rpcUrl.value
  const chainRpc = http(rpcUrl, { retryCount: 0 })({})
  let realChainId: number
  try {
    realChainId = Number(await chainRpc.request({ method: 'eth_chainId' }))
  } catch (error) {
    throw new NetworkError(rpcUrl, error)
  }
  const realDeployment = await resolveDeployment(settings, realChainId)
  // On a dry run's fork, the same contracts answer under the fork's own chain id, and everything
  // is signed for that id: the deployment is restated for it so the SDK's chain checks hold.
  if (fork && fork.chainId === realChainId)
    throw new Error(`the dry-run fork must not run under the chain's own id ${realChainId}`)
  const chainId = fork?.chainId ?? realChainId
  const deployment = { ...realDeployment, chainId }
  const inner = fork ? http(fork.rpcUrl, { retryCount: 0 })({}) : chainRpc
  const chain = defineChain({
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [fork?.rpcUrl ?? rpcUrl] } },
  })
  const admitInvites =
    fork &&
    inviteAdmission({
      fork: createPublicClient({ chain, transport: custom(inner) }),
      request: inner.request,
      deployment,
      realChainId,
    })

  const planned: PlannedCall[] = []
  const sent = new Map<Hex, string>()
  let count = 0
  const request = (async ({ method, params }: { method: string; params?: unknown }) => {
    if (admitInvites && (method === 'eth_call' || method === 'eth_estimateGas')) {
      const [{ from, to, data, input }] = params as [
        { from?: Address; to?: Address; data?: Hex; input?: Hex },
      ]
      if (from && to && (data ?? input)) await admitInvites(from, to, (data ?? input)!)
    }
    if (method === 'eth_sendRawTransaction') {
      const raw = (params as [Hex])[0]
      const tx = parseTransaction(raw as `0x02${string}`)
      const to = getAddress(tx.to as Address)
      const call = describeCall(deployment, to, tx.data ?? '0x')
      const label = `${call.contract}.${call.function}`
      if (dryRun) {
        const gasEstimate = BigInt(
          (await inner.request({
            method: 'eth_estimateGas',
            params: [
              {
                from: account?.address,
                to,
                data: tx.data,
                value: `0x${(tx.value ?? 0n).toString(16)}`,
              },
            ],
          })) as Hex,
        )
        planned.push({ ...call, to, value: tx.value ?? 0n, gasEstimate })
        if (!fork) throw new DryRunSignal()
        // Applied on the fork only, quietly: the report lists every step once the command ends.
        return (await inner.request({ method, params })) as Hex
      }
      const hash = (await inner.request({ method, params })) as Hex
      count += 1
      sent.set(hash, label)
      output.progress(`tx ${count} ${label} sent ${hash}`)
      return hash
    }
    const result = await inner.request({ method, params } as never)
    if (method === 'eth_getTransactionReceipt' && result) {
      const receipt = result as { transactionHash: Hex; gasUsed: Hex; blockNumber: Hex }
      const label = sent.get(receipt.transactionHash)
      if (label) {
        sent.delete(receipt.transactionHash)
        output.progress(
          `${label} confirmed in block ${BigInt(receipt.blockNumber)}, gas used ${BigInt(receipt.gasUsed)}`,
        )
      }
    }
    return result
  }) as EIP1193RequestFn
  const transport = custom({ request }, { retryCount: 0 })
  const actions = primeNetworkActions({ deployment })
  const client = account
    ? createWalletClient({ account, chain, transport }).extend(publicActions).extend(actions)
    : createPublicClient({ chain, transport }).extend(actions)
  return { client, chain, deployment, account, planned, dryRun, fork }
}
