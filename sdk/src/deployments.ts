import { type Address, getAddress, isAddress } from 'viem'
import { InvalidInputError, UnsupportedChainIdError } from './errors/base.js'

/** Where the protocol lives on one chain, and the block from which to read its events. */
export type Deployment = {
  chainId: number
  /** The block the deploy script started at; event queries start here. */
  deploymentBlock: bigint
  token: Address
  primeNetwork: Address
  stakeManager: Address
  computeRegistry: Address
  domainRegistry: Address
  computePool: Address
  rewardsDistributor: Address
  /** The default work validation logic (WorkUnitsValidation), when the deployment has one. */
  workValidation?: Address | undefined
  /**
   * A Multicall3 (`aggregate3`) for batched reads, when the chain definition names none: the
   * chain's own, or the BatchReader the deploy script deploys on chains without one (anvil).
   */
  multicall3?: Address | undefined
}

const contractKeys = [
  'token',
  'primeNetwork',
  'stakeManager',
  'computeRegistry',
  'domainRegistry',
  'computePool',
  'rewardsDistributor',
] as const
const optionalKeys = ['workValidation', 'multicall3'] as const

/**
 * Known deployments by chain id. No public chain is deployed yet; local chains are added with
 * {@link registerDeployment}.
 */
const deployments = new Map<number, Deployment>()

/**
 * Returns the deployment for `chainId`.
 *
 * @throws {UnsupportedChainIdError} when none is known.
 * @example
 * const { primeNetwork, deploymentBlock } = getDeployment(31337)
 */
export function getDeployment(chainId: number): Deployment {
  const deployment = deployments.get(chainId)
  if (!deployment) throw new UnsupportedChainIdError(chainId)
  return deployment
}

/**
 * Registers (or replaces) the deployment of its chain id, e.g. a local anvil deployment.
 *
 * @returns The validated deployment.
 * @example
 * registerDeployment(await loadDeployment('deployments/31337.json'))
 */
export function registerDeployment(deployment: Deployment): Deployment {
  const parsed = parseDeployment(deployment)
  deployments.set(parsed.chainId, parsed)
  return parsed
}

/**
 * Validates a deployment object or the JSON the deploy script writes (`deployments/<chainId>.json`,
 * numbers and checksummed addresses) and returns it as a {@link Deployment}.
 *
 * @example
 * const deployment = parseDeployment(JSON.parse(text))
 */
export function parseDeployment(value: unknown): Deployment {
  if (typeof value === 'string') return parseDeployment(JSON.parse(value))
  if (!value || typeof value !== 'object')
    throw new InvalidInputError('deployment', 'expected an object')
  const raw = value as Record<string, unknown>
  const chainId = Number(raw.chainId)
  if (!Number.isSafeInteger(chainId) || chainId <= 0)
    throw new InvalidInputError(
      'deployment.chainId',
      `expected a positive integer, got ${String(raw.chainId)}`,
    )
  const block = raw.deploymentBlock
  if (!(typeof block === 'number' || typeof block === 'bigint' || typeof block === 'string'))
    throw new InvalidInputError('deployment.deploymentBlock', 'expected a block number')
  const deploymentBlock = BigInt(block)
  if (deploymentBlock < 0n)
    throw new InvalidInputError('deployment.deploymentBlock', 'expected a block number')
  const addresses = Object.fromEntries(
    contractKeys.map((key) => {
      const address = raw[key]
      if (typeof address !== 'string' || !isAddress(address, { strict: false }))
        throw new InvalidInputError(
          `deployment.${key}`,
          `expected an address, got ${String(address)}`,
        )
      return [key, getAddress(address)]
    }),
  ) as Record<(typeof contractKeys)[number], Address>
  const optional: Partial<Record<(typeof optionalKeys)[number], Address>> = {}
  for (const key of optionalKeys) {
    const address = raw[key]
    if (address === undefined) continue
    if (typeof address !== 'string' || !isAddress(address, { strict: false }))
      throw new InvalidInputError(
        `deployment.${key}`,
        `expected an address, got ${String(address)}`,
      )
    optional[key] = getAddress(address)
  }
  return { chainId, deploymentBlock, ...addresses, ...optional }
}

/**
 * Reads a deployment file written by `contracts/script/Deploy.s.sol` (Node.js only).
 *
 * @example
 * const deployment = await loadDeployment('deployments/31337.json')
 */
export async function loadDeployment(path: string): Promise<Deployment> {
  const { readFile } = await import('node:fs/promises')
  return parseDeployment(await readFile(path, 'utf8'))
}
