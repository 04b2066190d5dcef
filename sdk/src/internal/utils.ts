import {
  type Abi,
  type AbiEvent,
  type AbiFunction,
  type Account,
  type Address,
  type Chain,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type GetEventArgs,
  type Hash,
  type Hex,
  isAddress,
  isAddressEqual,
  type Log,
  type ReadContractReturnType,
  type TransactionReceipt,
  type Transport,
  type TypedData,
} from 'viem'
import { parseAccount } from 'viem/accounts'
import {
  estimateContractGas,
  getBlock,
  readContract,
  type SignTypedDataParameters,
  signTypedData,
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
   * it ran on; unused gas is not charged. A claim adds, per node, the writes a later second brings.
   */
  gasHeadroom?: number | undefined
  /** Blocks the receipt must have on top, counting its own (default 1: included). */
  confirmations?: number | undefined
  /** Called as the write is simulated, sent and confirmed (e.g. to store the hash at once). */
  onProgress?: ((progress: WriteProgress) => void) | undefined
}

/** Set by {@link buildCalls}: the write records its calls here instead of sending them. */
export const capturedCalls: unique symbol = Symbol('capturedCalls')

/**
 * The list {@link buildCalls} collects a write's calls in, when these parameters come from it. The
 * key stays out of the public parameter types: a dApp's own declarations (a hook per action, say)
 * must be able to name every part of them, and an unexported symbol cannot be named.
 */
export function captured(parameters: WriteParameters): ProtocolCall[] | undefined {
  return (parameters as { [capturedCalls]?: ProtocolCall[] | undefined })[capturedCalls]
}

/** What every write accepts besides its own parameters. */
export type WriteParameters = DeploymentParameter &
  WriteOptions & {
    /**
     * The sender (default: the client's account): an Account, or an address that the node or
     * wallet behind the client holds and signs for (a JSON-RPC account).
     */
    account?: Account | Address | undefined
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

/** A protocol contract of a deployment, by its key in {@link Deployment}. */
export type ContractName =
  | 'token'
  | 'primeNetwork'
  | 'stakeManager'
  | 'computeRegistry'
  | 'domainRegistry'
  | 'computePool'
  | 'rewardsDistributor'
  | 'workValidation'

/** A view function's ABI slice: the function (all its overloads, nothing else). */
export type ReadAbi = readonly [ReadFunction, ...ReadFunction[]]
type ReadFunction = AbiFunction & { stateMutability: 'pure' | 'view' }
type ReadName<abi extends ReadAbi> = ContractFunctionName<abi, 'pure' | 'view'>

/** A write function's ABI slice: the function (all its overloads, nothing else), never a view. */
export type WriteAbi = readonly [WriteFunction, ...WriteFunction[]]
type WriteFunction = AbiFunction & { stateMutability: 'nonpayable' | 'payable' }

/**
 * A write to one protocol contract: the ABI slice of the function it calls (so the slice names the
 * function, and a bundle carries only that function's ABI) and the arguments, checked against it.
 */
export type WriteCall<abi extends WriteAbi = WriteAbi> = {
  contract: ContractName
  abi: abi
  args: ContractFunctionArgs<
    abi,
    'nonpayable' | 'payable',
    ContractFunctionName<abi, 'nonpayable' | 'payable'>
  >
  /**
   * Gas the estimate cannot see, added to the limit after the headroom: writes that happen only if
   * the transaction lands in a later second than the block the estimate ran on (see claimRewards).
   */
  lateGas?: bigint
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
 * Runs `sign` (a signature or a send) for `account`. A JSON-RPC account (an address) signs on the
 * node or wallet behind the client, and one that does not hold it answers with a bare JSON-RPC
 * error (anvil: InvalidParamsRpcError "No Signer available"; geth: "unknown account"; a wallet:
 * 4100). That is a mistake in the `parameter` given, so it becomes an InvalidInputError, with the
 * RPC's error as its cause. `eth_accounts` is asked only after a failure: a write that works costs
 * no request more.
 */
export async function signingAs<result>(
  client: AnyClient,
  account: Account,
  parameter: string,
  sign: () => Promise<result>,
): Promise<result> {
  try {
    return await sign()
  } catch (error) {
    if (account.type === 'json-rpc') {
      const held = await client.request({ method: 'eth_accounts' }).catch(() => undefined)
      if (held && !held.some((address) => isAddressEqual(address, account.address)))
        throw new InvalidInputError(
          parameter,
          `the RPC does not hold ${account.address} (eth_accounts), so it cannot sign for it: pass a local account (e.g. privateKeyToAccount) or one the node or wallet holds`,
          { cause: error },
        )
    }
    throw error
  }
}

/** Signs EIP-712 typed data with `account`; see {@link signingAs} for `parameter`. */
export function signTyped<
  const typedData extends TypedData | Record<string, unknown>,
  primaryType extends keyof typedData | 'EIP712Domain',
>(
  client: AnyClient,
  parameter: string,
  parameters: SignTypedDataParameters<typedData, primaryType, Account> & { account: Account },
): Promise<Hex> {
  return signingAs(client, parameters.account, parameter, () =>
    getAction(client, signTypedData, 'signTypedData')(parameters as SignTypedDataParameters),
  )
}

/**
 * Simulates the call (a revert becomes the typed contract error before anything is sent), sends
 * it with headroom over the gas estimate, and waits for a
 * successful receipt. The contract's address comes from the deployment, the function's name from
 * the ABI slice.
 */
export async function execute<const abi extends WriteAbi>(
  client: AnyClient,
  parameters: WriteParameters,
  call: WriteCall<abi>,
): Promise<WriteReturnType> {
  const { gasHeadroom = 20, confirmations = 1, onProgress } = parameters
  assertWriteOptions(parameters)
  const address = resolveDeployment(client, parameters.deployment)[call.contract]
  if (!address)
    throw new InvalidInputError(
      `deployment.${call.contract}`,
      'this deployment has no such contract',
    )
  const account = resolveAccount(client, parameters.account)
  const functionName = call.abi[0].name
  const args = call.args as readonly unknown[]
  const calls = captured(parameters)
  if (calls) {
    const data = encodeFunctionData({ abi: call.abi as Abi, functionName, args })
    calls.push({ to: address, data, value: 0n, address, abi: call.abi, functionName, args })
    throw new CallCaptured()
  }
  const request = {
    account,
    address,
    abi: [...call.abi, ...protocolErrorsAbi] as Abi,
    functionName,
    args,
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
  const gasLimit = (gas * BigInt(100 + gasHeadroom)) / 100n + (call.lateGas ?? 0n)
  onProgress?.({ status: 'simulated', gas, gasLimit })
  const hash = await signingAs(client, account, 'account', () =>
    getAction(
      client,
      writeContract,
      'writeContract',
    )({ ...request, chain: client.chain, gas: gasLimit }),
  )
  onProgress?.({ status: 'sent', hash })
  const receipt = await getAction(
    client,
    waitForTransactionReceipt,
    'waitForTransactionReceipt',
  )({ hash, confirmations })
  if (receipt.status !== 'success') throw new TransactionRevertedError(hash)
  onProgress?.({ status: 'confirmed', hash, receipt })
  return { hash, receipt }
}

/**
 * The arguments of every `event` log in `logs`, in order: what a write's receipt says happened
 * (one-event ABIs keep an action's bundle to the events it reads).
 */
export function eventArgs<const event extends AbiEvent>(logs: Log[], event: event) {
  return parseEventLogs({ abi: [event] as AbiEvent[], logs, eventName: event.name }).map(
    (log) => (log as unknown as { args: unknown }).args,
  ) as GetEventArgs<
    readonly [event],
    event['name'],
    { EnableUnion: false; IndexedOnly: false; Required: true }
  >[]
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
 * A read names the deployment's contract (or an address) and passes the function's ABI slice,
 * which names the function, as writes do.
 */
export function reader(
  client: AnyClient,
  deployment?: Pick<Deployment, 'chainId' | 'multicall3'> & Partial<Deployment>,
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
    const abi extends ReadAbi,
    const args extends ContractFunctionArgs<abi, 'pure' | 'view', ReadName<abi>>,
  >(
    contract: ContractName | Address,
    abi: abi,
    args: args,
  ): Promise<ReadContractReturnType<abi, ReadName<abi>, args>> =>
    readContract(batched, {
      address: contract.startsWith('0x')
        ? (contract as Address)
        : deployment![contract as ContractName]!,
      abi: abi as Abi,
      functionName: abi[0].name,
      args: args as readonly unknown[],
    }) as never
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
