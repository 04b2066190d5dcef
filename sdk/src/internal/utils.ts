import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Client,
  type Hash,
  isAddress,
  type TransactionReceipt,
  type Transport,
} from 'viem'
import { parseAccount } from 'viem/accounts'
import {
  estimateContractGas,
  getBlock,
  readContract,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from 'viem/actions'
import { getAction } from 'viem/utils'
import { protocolErrorsAbi } from '../abis.js'
import { type Deployment, getDeployment } from '../deployments.js'
import { InvalidInputError, TransactionRevertedError } from '../errors/base.js'
import { toPrimeNetworkError } from '../errors/contract.js'

export type AnyClient = Client<Transport, Chain | undefined, Account | undefined>

/** What every action accepts to pick the deployment. */
export type DeploymentParameter = {
  /** The deployment to use; defaults to the registered one of the client's chain. */
  deployment?: Deployment | undefined
}

/** What every write accepts besides its own parameters. */
export type WriteParameters = DeploymentParameter & {
  /** The sender; defaults to the client's account. */
  account?: Account | Address | undefined
}

/** What every write returns besides its own results. */
export type WriteReturnType = {
  hash: Hash
  receipt: TransactionReceipt
}

export function resolveDeployment(client: AnyClient, deployment?: Deployment): Deployment {
  if (deployment) {
    if (client.chain && client.chain.id !== deployment.chainId)
      throw new InvalidInputError(
        'deployment',
        `it is for chain ${deployment.chainId} but the client is on chain ${client.chain.id}`,
      )
    return deployment
  }
  if (!client.chain)
    throw new InvalidInputError('deployment', 'the client has no chain; pass a deployment')
  return getDeployment(client.chain.id)
}

export function resolveAccount(client: AnyClient, account?: Account | Address): Account {
  const resolved = account ?? client.account
  if (!resolved) throw new InvalidInputError('account', 'no account given and the client has none')
  if (typeof resolved === 'string') assertAddress('account', resolved)
  return parseAccount(resolved)
}

export function assertAddress(name: string, value: unknown): asserts value is Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false }))
    throw new InvalidInputError(name, `expected an address, got ${String(value)}`)
  // Mixed case means an EIP-55 checksum, and a wrong one is most likely a typo: reject it here
  // (viem would only throw its own InvalidAddressError while encoding). All-lowercase passes.
  if (!isAddress(value, { strict: true }))
    throw new InvalidInputError(name, `${value} has an invalid EIP-55 checksum`)
  if (/^0x0{40}$/.test(value)) throw new InvalidInputError(name, 'the zero address is not allowed')
}

export function assertPositive(name: string, value: unknown): asserts value is bigint {
  if (typeof value !== 'bigint' || value <= 0n)
    throw new InvalidInputError(name, `expected a positive bigint, got ${String(value)}`)
}

export function assertNonNegative(name: string, value: unknown): asserts value is bigint {
  if (typeof value !== 'bigint' || value < 0n)
    throw new InvalidInputError(name, `expected a non-negative bigint, got ${String(value)}`)
}

export function assertId(name: string, value: unknown): asserts value is bigint {
  assertPositive(name, value)
}

export function assertNonEmpty<item>(name: string, value: readonly item[] | undefined) {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidInputError(name, 'expected at least one item')
}

/**
 * Simulates the call (a revert becomes the typed contract error before anything is sent), sends
 * it, and waits for a successful receipt.
 */
export async function execute(
  client: AnyClient,
  parameters: {
    account: Account
    address: Address
    abi: Abi
    functionName: string
    args: readonly unknown[]
  },
): Promise<WriteReturnType> {
  const { account, address, abi, functionName, args } = parameters
  const call = { account, address, abi: [...abi, ...protocolErrorsAbi], functionName, args }
  let request: unknown
  let gas: bigint
  try {
    ;({ request } = await getAction(client, simulateContract, 'simulateContract')(call as never))
    gas = await getAction(client, estimateContractGas, 'estimateContractGas')(call as never)
  } catch (error) {
    throw toPrimeNetworkError(error)
  }
  // The estimate is exact for the block it runs on, but the transaction may land a second later:
  // a pool then also records the new time and accrues, writing slots that were unchanged in the
  // estimate (a few thousand gas more), and a transaction sent with the bare estimate can run out
  // of gas. Unused gas is not charged, so 20% headroom costs nothing. (Estimating here replaces
  // the estimate writeContract would make itself: the request count is unchanged.)
  const hash = await getAction(
    client,
    writeContract,
    'writeContract',
  )({ ...(request as object), gas: (gas * 6n) / 5n } as never)
  const receipt = await getAction(
    client,
    waitForTransactionReceipt,
    'waitForTransactionReceipt',
  )({ hash })
  if (receipt.status !== 'success') throw new TransactionRevertedError(hash)
  return { hash, receipt }
}

/** Runs a read and turns a protocol revert into its typed error. */
export async function read<result>(promise: Promise<result>): Promise<result> {
  try {
    return await promise
  } catch (error) {
    throw toPrimeNetworkError(error)
  }
}

export function assertAddresses(name: string, values: readonly unknown[]) {
  for (const [i, value] of values.entries()) assertAddress(`${name}[${i}]`, value)
}

/** viem's readContract, or the client's own override of it. */
export function reader(client: AnyClient) {
  return getAction(client, readContract, 'readContract')
}

/** The latest block's timestamp: deadlines are judged by chain time, not this computer's clock. */
export async function chainTime(client: AnyClient): Promise<bigint> {
  const block = await getAction(client, getBlock, 'getBlock')({ blockTag: 'latest' })
  return block.timestamp
}
