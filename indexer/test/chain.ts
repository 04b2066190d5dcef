import type { Deployment } from '@prime-network/sdk'
import {
  computePoolAbi,
  primeNetworkAbi,
  rewardsDistributorAbi,
  stakeManagerAbi,
  workUnitsValidationAbi,
} from '@prime-network/sdk/abis'
import { replaceBigInts } from 'ponder'
import { type Address, decodeEventLog, getAddress, type Hex, isAddress } from 'viem'
import { contractAbis } from '../abis.js'
import type { devClient } from './flow.js'

type Client = ReturnType<typeof devClient>

/** Every log of the seven protocol contracts since the deployment, decoded by its contract's ABI. */
export async function protocolLogs(client: Client, deployment: Deployment) {
  const byAddress = new Map<Address, keyof typeof contractAbis>([
    [deployment.primeNetwork, 'PrimeNetwork'],
    [deployment.stakeManager, 'StakeManager'],
    [deployment.computeRegistry, 'ComputeRegistry'],
    [deployment.domainRegistry, 'DomainRegistry'],
    [deployment.computePool, 'ComputePool'],
    [deployment.rewardsDistributor, 'RewardsDistributor'],
    [deployment.workValidation!, 'WorkUnitsValidation'],
  ])
  const logs = await client.getLogs({
    address: [...byAddress.keys()],
    fromBlock: deployment.deploymentBlock,
  })
  const timestamps = new Map<bigint, bigint>()
  for (const blockNumber of new Set(logs.map((log) => log.blockNumber)))
    timestamps.set(blockNumber, (await client.getBlock({ blockNumber })).timestamp)
  return logs.map((log) => {
    const contract = byAddress.get(getAddress(log.address))!
    const decoded = decodeEventLog({
      abi: contractAbis[contract],
      data: log.data,
      topics: log.topics,
      strict: true,
    }) as { eventName: string; args: Record<string, unknown> }
    return {
      contract,
      name: decoded.eventName,
      args: decoded.args ?? {},
      blockNumber: log.blockNumber,
      blockTimestamp: timestamps.get(log.blockNumber)!,
      transactionHash: log.transactionHash,
      logIndex: log.logIndex,
    }
  })
}

export type ProtocolLog = Awaited<ReturnType<typeof protocolLogs>>[number]

export const ofName = (logs: readonly ProtocolLog[], ...names: string[]) =>
  logs.filter((log) => names.includes(log.name))

/** The contract reads the index is compared with, beyond the SDK's own getters. */
export function reads(client: Client, deployment: Deployment) {
  return {
    network: async () => ({
      stakeMinimum: await client.readContract({
        address: deployment.primeNetwork,
        abi: primeNetworkAbi,
        functionName: 'stakeMinimum',
      }),
      minWorkLockPeriod: await client.readContract({
        address: deployment.primeNetwork,
        abi: primeNetworkAbi,
        functionName: 'minWorkLockPeriod',
      }),
      paused: await client.readContract({
        address: deployment.primeNetwork,
        abi: primeNetworkAbi,
        functionName: 'paused',
      }),
      unbondingPeriod: await client.readContract({
        address: deployment.stakeManager,
        abi: stakeManagerAbi,
        functionName: 'unbondingPeriod',
      }),
      treasury: await client.readContract({
        address: deployment.stakeManager,
        abi: stakeManagerAbi,
        functionName: 'treasury',
      }),
    }),
    roleHolder: (role: 'federator' | 'validator') =>
      client.readContract({
        address: deployment.primeNetwork,
        abi: primeNetworkAbi,
        functionName: role,
      }),
    nodeRecord: (poolId: bigint, nodeKey: Address) =>
      client.readContract({
        address: deployment.rewardsDistributor,
        abi: rewardsDistributorAbi,
        functionName: 'getNodeRecord',
        args: [poolId, nodeKey],
      }),
    unitsCap: (domainId: bigint) =>
      client.readContract({
        address: deployment.workValidation!,
        abi: workUnitsValidationAbi,
        functionName: 'unitsCap',
        args: [domainId],
      }),
    blacklisted: async (poolId: bigint, kind: 'PROVIDER' | 'NODE', account: Address) =>
      client.readContract({
        address: deployment.computePool,
        abi: computePoolAbi,
        functionName: kind === 'PROVIDER' ? 'isProviderBlacklisted' : 'isNodeBlacklisted',
        args: [poolId, account],
      }),
  }
}

export const lower = (value: Hex) => value.toLowerCase() as Hex

/** The `protocol_event` rows (without ids) an index of `logs` must hold, in chain order. */
export const expectedEventRows = (logs: readonly ProtocolLog[]) =>
  logs.map((log) => ({
    ...log,
    // Ponder stores addresses in lower case, bigints as decimal strings.
    args: Object.fromEntries(
      Object.entries(replaceBigInts(log.args, (value) => String(value))).map(([key, value]) => [
        key,
        isAddress(value as string, { strict: false }) ? lower(value as Hex) : value,
      ]),
    ),
    transactionHash: lower(log.transactionHash),
  }))
