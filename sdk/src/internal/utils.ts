import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hash,
  type Hex,
  isAddress,
  type ParseEventLogsReturnType,
  type ReadContractParameters,
  type ReadContractReturnType,
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
import { encodeFunctionData, getAction, parseEventLogs } from 'viem/utils'
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

/** What a write reports while it runs: see {@link WriteOptions}. */
export type WriteProgress =
  /** The simulation passed; `gas` is the estimate, `gasLimit` what will be sent. */
  | { status: 'simulated'; gas: bigint; gasLimit: bigint }
  /** The transaction is signed and in the node's pool. */
  | { status: 'sent'; hash: Hash }
  /** The receipt is in, with `confirmations` blocks on top. */
  | { status: 'confirmed'; hash: Hash; receipt: TransactionReceipt }

/** How a write is sent and awaited. */
export type WriteOptions = {
  /**
   * Gas sent over the estimate, in percent (default 20). The estimate is exact only for the block
   * it ran on; unused gas is not charged.
   */
  gasHeadroom?: number | undefined
  /** Blocks the receipt must have on top, counting its own (default 1: included). */
  confirmations?: number | undefined
  /** Called as the write is simulated, sent and confirmed (e.g. to store the hash at once). */
  onProgress?: ((progress: WriteProgress) => void) | undefined
}

/** Set by {@link buildCalls}: the write records its calls here instead of sending them. */
export const capturedCalls: unique symbol = Symbol('capturedCalls')

/** What every write accepts besides its own parameters. */
export type WriteParameters = DeploymentParameter &
  WriteOptions & {
    /** The sender; defaults to the client's account. */
    account?: Account | Address | undefined
    /** @internal */
    [capturedCalls]?: ProtocolCall[] | undefined
  }

/**
 * A protocol write as data: `{ to, data, value }` for a Safe, EIP-5792 `sendCalls` or any
 * transaction, and the same call in viem's typed form (`address`, `abi`, `functionName`, `args`).
 */
export type ProtocolCall = {
  to: Address
  data: Hex
  value: bigint
  address: Address
  abi: Abi
  functionName: string
  args: readonly unknown[]
}

/** Thrown by execute() once a captured write has recorded its call; never escapes buildCalls. */
export class CallCaptured {}

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

/** A write to one protocol contract, checked against its `as const` ABI. */
export type WriteCall<
  abi extends Abi = Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'> = ContractFunctionName<
    abi,
    'nonpayable' | 'payable'
  >,
> = {
  address: Address
  abi: abi
  functionName: functionName
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
}

/** Checks the write options before anything is sent. */
export function assertWriteOptions(options: WriteOptions) {
  const { gasHeadroom, confirmations } = options
  if (gasHeadroom !== undefined && !(Number.isInteger(gasHeadroom) && gasHeadroom >= 0))
    throw new InvalidInputError('gasHeadroom', `expected a whole percent >= 0, got ${gasHeadroom}`)
  if (confirmations !== undefined && !(Number.isInteger(confirmations) && confirmations >= 1))
    throw new InvalidInputError(
      'confirmations',
      `expected a whole number >= 1, got ${confirmations}`,
    )
}

/**
 * Simulates the call (a revert becomes the typed contract error before anything is sent), sends
 * it with headroom over the gas estimate, waits for a successful receipt and decodes the events
 * that `call.abi` declares (none for a one-function slice: actions decode the events they need
 * with one-event slices, which keeps their bundles small).
 */
export async function execute<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
>(
  client: AnyClient,
  parameters: WriteParameters,
  call: WriteCall<abi, functionName>,
): Promise<WriteReturnType & { events: ParseEventLogsReturnType<abi, undefined, true> }> {
  const { gasHeadroom = 20, confirmations = 1, onProgress } = parameters
  assertWriteOptions(parameters)
  const account = resolveAccount(client, parameters.account)
  // Widened once here: the generic call was checked against its ABI at the call site.
  const request: {
    account: Account
    address: Address
    abi: Abi
    functionName: string
    args: readonly unknown[]
  } = {
    account,
    address: call.address,
    abi: [...call.abi, ...protocolErrorsAbi],
    functionName: call.functionName,
    args: call.args as readonly unknown[],
  }
  const captured = parameters[capturedCalls]
  if (captured) {
    const { address, abi, functionName, args } = request
    const data = encodeFunctionData({ abi, functionName, args })
    captured.push({ to: address, data, value: 0n, address, abi: call.abi, functionName, args })
    throw new CallCaptured()
  }
  let gas: bigint
  try {
    await getAction(client, simulateContract, 'simulateContract')(request)
    gas = await getAction(client, estimateContractGas, 'estimateContractGas')(request)
  } catch (error) {
    throw toPrimeNetworkError(error)
  }
  // The estimate is exact for the block it runs on, but the transaction may land a second later:
  // a pool then also records the new time and accrues, writing slots that were unchanged in the
  // estimate (a few thousand gas more), and a transaction sent with the bare estimate can run out
  // of gas. Unused gas is not charged, so the headroom costs nothing. The estimate is one request
  // more than viem's own write (writeContract still fills the nonce and fees), measured in
  // requests.test.ts.
  const gasLimit = (gas * BigInt(100 + gasHeadroom)) / 100n
  onProgress?.({ status: 'simulated', gas, gasLimit })
  const hash = await getAction(
    client,
    writeContract,
    'writeContract',
  )({ ...request, chain: client.chain, gas: gasLimit })
  onProgress?.({ status: 'sent', hash })
  const receipt = await getAction(
    client,
    waitForTransactionReceipt,
    'waitForTransactionReceipt',
  )({ hash, confirmations })
  if (receipt.status !== 'success') throw new TransactionRevertedError(hash)
  onProgress?.({ status: 'confirmed', hash, receipt })
  const events = parseEventLogs({ abi: call.abi, logs: receipt.logs, strict: true })
  return { hash, receipt, events }
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

const batchingClients = new WeakMap<AnyClient, Map<Address | undefined, AnyClient>>()

/**
 * viem's readContract on a copy of the client whose reads made in the same tick go out as one
 * `eth_call` (viem's multicall batching), so an action's parallel reads cost one request however
 * many there are. The Multicall3 that aggregates them is the chain definition's, else the
 * deployment's (the deploy script names the chain's own, or deploys a BatchReader where there is
 * none, as on anvil). With neither, viem's deployless form does, whose results must fit the 24 kB
 * code size limit, so there batches are kept smaller (several requests for very large reads).
 */
export function reader(
  client: AnyClient,
  deployment?: Pick<Deployment, 'chainId' | 'multicall3'> | undefined,
) {
  const multicall3 = client.chain?.contracts?.multicall3?.address ?? deployment?.multicall3
  const copies = batchingClients.get(client) ?? new Map<Address | undefined, AnyClient>()
  batchingClients.set(client, copies)
  let batching = copies.get(multicall3)
  if (!batching) {
    const deployless = !multicall3
    batching = {
      ...client,
      // A decorated client's own `call` would bypass this copy's batching, and viem batches only
      // calls without a sender (protocol views do not read msg.sender).
      ...{ call: undefined },
      account: undefined,
      // viem's batching finds the aggregator in the chain definition.
      chain: multicall3
        ? {
            ...(client.chain ?? { id: deployment!.chainId }),
            contracts: { ...client.chain?.contracts, multicall3: { address: multicall3 } },
          }
        : client.chain,
      // Its own batch scheduler: viem keys schedulers by client uid (and the aggregator).
      uid: `${client.uid}.prime-network.${multicall3 ?? 'deployless'}`,
      batch: {
        ...client.batch,
        multicall: { batchSize: deployless ? 4096 : 1 << 20, deployless, wait: 0 },
      },
    } as AnyClient
    copies.set(multicall3, batching)
  }
  const batched = batching
  return <
    const abi extends Abi | readonly unknown[],
    functionName extends ContractFunctionName<abi, 'pure' | 'view'>,
    const args extends ContractFunctionArgs<abi, 'pure' | 'view', functionName>,
  >(
    parameters: ReadContractParameters<abi, functionName, args>,
  ): Promise<ReadContractReturnType<abi, functionName, args>> => readContract(batched, parameters)
}

const pendingChainTimes = new WeakMap<AnyClient, Promise<bigint>>()

/**
 * The latest block's timestamp: deadlines are judged by chain time, not this computer's clock.
 * Reads made while one is in flight share it (e.g. `getWork` for every work of a pool at once),
 * so they cost one request, as their contract reads do.
 */
export function chainTime(client: AnyClient): Promise<bigint> {
  let pending = pendingChainTimes.get(client)
  if (!pending) {
    pending = getAction(
      client,
      getBlock,
      'getBlock',
    )({ blockTag: 'latest' })
      .then((block) => block.timestamp)
      .finally(() => pendingChainTimes.delete(client))
    pendingChainTimes.set(client, pending)
  }
  return pending
}
