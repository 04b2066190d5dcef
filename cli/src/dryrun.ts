/**
 * What a dry run does besides sending to its fork: it names each transaction for the report,
 * without any signature in it, and lets invites signed for the real chain through on the fork.
 */
import { type Deployment, getPool, poolInviteTypes } from '@prime-network/sdk'
import {
  computePoolAbi,
  computeRegistryAbi,
  domainRegistryAbi,
  primeNetworkAbi,
  primeTokenAbi,
  rewardsDistributorAbi,
  stakeManagerAbi,
  workUnitsValidationAbi,
} from '@prime-network/sdk/abis'
import {
  type Abi,
  type AbiFunction,
  type AbiParameter,
  type Address,
  type Client,
  decodeFunctionData,
  type EIP1193RequestFn,
  type Hex,
  hashTypedData,
  isAddressEqual,
  recoverTypedDataAddress,
  toFunctionSelector,
} from 'viem'

/** A transaction a dry run would have sent, decoded for people and scripts. */
export type PlannedCall = {
  contract: string
  to: Address
  function: string
  args: readonly unknown[]
  value: bigint
  gasEstimate: bigint
}

/** The dry-run transport's stop; the command runner reports `planned` instead of an error. */
export class DryRunSignal extends Error {
  override name = 'DryRunSignal'
}

// Every contract of the deployment that a command may call, the shipped validation logic
// included (`domain set-units-cap` calls it), so no step of a report is a bare selector.
const contracts = (deployment: Deployment) =>
  [
    ['PrimeNetwork', deployment.primeNetwork, primeNetworkAbi],
    ['StakeManager', deployment.stakeManager, stakeManagerAbi],
    ['ComputeRegistry', deployment.computeRegistry, computeRegistryAbi],
    ['DomainRegistry', deployment.domainRegistry, domainRegistryAbi],
    ['ComputePool', deployment.computePool, computePoolAbi],
    ['RewardsDistributor', deployment.rewardsDistributor, rewardsDistributorAbi],
    ['PrimeToken', deployment.token, primeTokenAbi],
    ...(deployment.workValidation
      ? ([['WorkUnitsValidation', deployment.workValidation, workUnitsValidationAbi]] as const)
      : []),
  ] as const

/** What a report shows instead of a signature or a part of one. */
export const HIDDEN = '(hidden)'

// Signatures by the names the contracts give them: ECDSA parts (a permit's v, r, s) and whole
// signatures (consents, invites).
const isSignature = (parameter: AbiParameter) =>
  parameter.name === 'signature' ||
  (parameter.type === 'uint8' && parameter.name === 'v') ||
  (parameter.type === 'bytes32' && (parameter.name === 'r' || parameter.name === 's'))

/** `value` as decoded for `parameter`, with every signature in it (at any depth) hidden. */
function withoutSignatures(parameter: AbiParameter, value: unknown): unknown {
  if (isSignature(parameter)) return HIDDEN
  const array = /^(.*)\[\d*\]$/.exec(parameter.type)
  if (array)
    return (value as readonly unknown[]).map((item) =>
      withoutSignatures({ ...parameter, type: array[1]! } as AbiParameter, item),
    )
  if (parameter.type === 'tuple' && 'components' in parameter && value && typeof value === 'object')
    return Object.fromEntries(
      parameter.components.map((component, i) => {
        const key = component.name ?? String(i)
        return [key, withoutSignatures(component, (value as Record<string, unknown>)[key])]
      }),
    )
  return value
}

/**
 * Names the contract and function a transaction calls, with its arguments minus any signature
 * (decoding only: nothing is sent). A dry run prints no signature, even one bound to its fork.
 */
export function describeCall(deployment: Deployment, to: Address, data: Hex) {
  const unknown = { function: data.slice(0, 10), args: [] as readonly unknown[] }
  const known = contracts(deployment).find(([, address]) => isAddressEqual(address, to))
  if (!known) return { contract: to, ...unknown }
  const [contract, , abi] = known
  const item = (abi as Abi).find(
    (entry): entry is AbiFunction =>
      entry.type === 'function' && toFunctionSelector(entry) === data.slice(0, 10),
  )
  if (!item) return { contract, ...unknown }
  const { args = [] } = decodeFunctionData({ abi: [item], data })
  return {
    contract,
    function: item.name,
    args: item.inputs.map((input, i) => withoutSignatures(input, args[i])),
  }
}

/**
 * Invites are signed by a pool's compute manager key for the real chain, so on the fork (another
 * chain id) ComputePool would reject every one. `admitInvites` checks each invite of a join or a
 * move against the real chain's domain, as ComputePool does there; the manager key then answers on
 * the fork as an ERC-1271 signer that accepts the fork's digests of exactly those invites. An
 * invite not valid on the real chain is not admitted, so the fork rejects it as the chain would.
 * A manager key that is a contract on the chain keeps its own code: its invites are judged by it.
 */
export function inviteAdmission(options: {
  fork: Client
  request: EIP1193RequestFn
  deployment: Deployment
  realChainId: number
}) {
  const { fork, request, deployment, realChainId } = options
  const admitted = new Map<Address, Hex[]>()
  // `from` joins with the invites: they are made out to it (ComputePool signs them with the sender).
  return async (from: Address, to: Address, data: Hex) => {
    if (!isAddressEqual(to, deployment.computePool)) return
    let call: ReturnType<typeof decodeFunctionData<typeof computePoolAbi>>
    try {
      call = decodeFunctionData({ abi: computePoolAbi, data })
    } catch {
      return
    }
    const [poolId, invites] =
      call.functionName === 'joinComputePool'
        ? call.args
        : call.functionName === 'moveComputeNodes'
          ? [call.args[1], call.args[2]]
          : []
    if (poolId === undefined || invites === undefined) return
    const pool = await getPool(fork, { poolId, deployment })
    const manager = pool.computeManagerKey
    const code = await request({ method: 'eth_getCode', params: [manager, 'latest'] })
    if (code !== '0x' && !admitted.has(manager)) return
    const digests = admitted.get(manager) ?? []
    for (const invite of invites) {
      const typed = {
        types: poolInviteTypes,
        primaryType: 'PoolInvite',
        message: { poolId, ...invite, provider: from, keyVersion: pool.keyVersion },
      } as const
      const domain = (chainId: number) => ({
        name: 'Prime Network ComputePool',
        version: '1',
        chainId,
        verifyingContract: deployment.computePool,
      })
      const signer = await recoverTypedDataAddress({
        ...typed,
        domain: domain(realChainId),
        signature: invite.signature,
      }).catch(() => undefined)
      if (signer && isAddressEqual(signer, manager))
        digests.push(hashTypedData({ ...typed, domain: domain(deployment.chainId) }))
    }
    if (digests.length === 0) return
    admitted.set(manager, digests)
    await request({ method: 'anvil_setCode', params: [manager, erc1271Accepting(digests)] })
  }
}

/**
 * Runtime code of an ERC-1271 signer that accepts exactly `digests`: for each, compare it with
 * isValidSignature's first argument and jump to the success path; otherwise revert.
 */
function erc1271Accepting(digests: readonly Hex[]): Hex {
  // Each check is PUSH32 digest, PUSH1 4, CALLDATALOAD, EQ, PUSH2 ok, JUMPI: 41 bytes; the revert
  // after them (PUSH1 0, PUSH1 0, REVERT) is 5.
  const ok = (41 * digests.length + 5).toString(16).padStart(4, '0')
  const checks = digests.map((digest) => `7f${digest.slice(2)}60043514${`61${ok}`}57`).join('')
  const revert = '60006000fd'
  // JUMPDEST, PUSH4 isValidSignature.selector, PUSH1 224, SHL, PUSH1 0, MSTORE, return 32 bytes.
  const accept = '5b631626ba7e60e01b60005260206000f3'
  return `0x${checks}${revert}${accept}`
}
