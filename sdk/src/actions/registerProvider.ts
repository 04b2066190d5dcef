import { type Address, type Hash, isAddressEqual, parseSignature } from 'viem'
import { getBlock, getChainId } from 'viem/actions'
import { getAction } from 'viem/utils'
import {
  InvalidInputError,
  type PrimeNetworkErrorType,
  UntrustedRpcResponseError,
} from '../errors/base.js'
import {
  primeNetworkRegisterProviderAbi,
  primeNetworkRegisterProviderWithPermitAbi,
  primeTokenAllowanceAbi,
  primeTokenEip712DomainAbi,
  primeTokenNoncesAbi,
  stakeManagerStakedEvent,
} from '../generated/abis.js'
import { approveIfShort, supportsPermit } from '../internal/token.js'
import {
  type AnyClient,
  assertPositive,
  captured,
  eventArgs,
  execute,
  reader,
  resolveAccount,
  resolveDeployment,
  signTyped,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type RegisterProviderParameters = WriteParameters & {
  /** Tokens to stake; at least the network's minimum stake. */
  amount: bigint
  /**
   * Whether to use an ERC-2612 permit when the allowance is short (default `true`; falls back to
   * an approve transaction when the token has no permit).
   */
  permit?: boolean | undefined
  /** Seconds of chain time the permit stays valid (default and most 3600). */
  permitValidity?: bigint | undefined
}

export type RegisterProviderReturnType = WriteReturnType & {
  provider: Address
  /** The provider's active stake afterwards. */
  activeStake: bigint
  /** How the allowance was provided: an existing one, a permit, or an approve transaction. */
  allowance: { kind: 'existing' } | { kind: 'permit' } | { kind: 'approve'; hash: Hash }
}

export type RegisterProviderErrorType = PrimeNetworkErrorType

/** The longest a permit may stay valid: a signature that outlives its use is a standing risk. */
const maxPermitValidity = 3600n

/**
 * Registers the caller as a provider staking `amount`. Handles the StakeManager allowance: signs a
 * permit when the token supports it, else approves only when the allowance is short.
 *
 * The permit's signing domain, nonce and deadline come from the RPC. Before signing, the RPC's chain
 * id and the token's domain (chain id, verifying contract) must match the deployment; otherwise it
 * throws `UntrustedRpcResponseError` and signs nothing. The deadline is `permitValidity` (at most
 * an hour) past the latest block's time as the RPC reports it.
 *
 * @param client - A wallet client with the provider's account.
 * @param parameters - {@link RegisterProviderParameters}
 * @returns The receipt, the provider and its active stake. {@link RegisterProviderReturnType}
 * @example
 * const { activeStake } = await registerProvider(client, { amount: parseEther('1000') })
 */
export async function registerProvider(
  client: AnyClient,
  parameters: RegisterProviderParameters,
): Promise<RegisterProviderReturnType> {
  const { amount, permit = true, permitValidity = 3600n } = parameters
  assertPositive('amount', amount)
  assertPositive('permitValidity', permitValidity)
  if (permitValidity > maxPermitValidity)
    throw new InvalidInputError('permitValidity', `at most ${maxPermitValidity} seconds`)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)

  const call = reader(client, deployment)
  const allowance = await call('token', primeTokenAllowanceAbi, [
    account.address,
    deployment.stakeManager,
  ])

  let result: WriteReturnType
  let how: RegisterProviderReturnType['allowance'] = { kind: 'existing' }
  // A permit is signed by the account itself: not when the calls are built for another signer
  // (a Safe, a batch), which gets the approve instead.
  const building = captured(parameters) !== undefined
  if (
    allowance < amount &&
    permit &&
    !building &&
    (await supportsPermit(client, deployment.token))
  ) {
    const [nonce, domain, block, rpcChainId] = await Promise.all([
      call('token', primeTokenNoncesAbi, [account.address]),
      call('token', primeTokenEip712DomainAbi, []),
      getAction(client, getBlock, 'getBlock')({}),
      getAction(client, getChainId, 'getChainId')({}),
    ])
    const [, name, version, chainId, verifyingContract] = domain
    // resolveDeployment already matched the client's chain to the deployment; the RPC and the
    // token's domain must agree with both, or the permit could be valid on another chain or token.
    if (rpcChainId !== deployment.chainId)
      throw new UntrustedRpcResponseError('chainId', deployment.chainId, rpcChainId)
    if (chainId !== BigInt(deployment.chainId))
      throw new UntrustedRpcResponseError('domain.chainId', deployment.chainId, chainId)
    if (!isAddressEqual(verifyingContract, deployment.token))
      throw new UntrustedRpcResponseError(
        'domain.verifyingContract',
        deployment.token,
        verifyingContract,
      )
    const deadline = block.timestamp + permitValidity
    const signature = await signTyped(client, 'account', {
      account,
      domain: { name, version, chainId, verifyingContract },
      types: {
        Permit: [
          { name: 'owner', type: 'address' },
          { name: 'spender', type: 'address' },
          { name: 'value', type: 'uint256' },
          { name: 'nonce', type: 'uint256' },
          { name: 'deadline', type: 'uint256' },
        ],
      },
      primaryType: 'Permit',
      message: {
        owner: account.address,
        spender: deployment.stakeManager,
        value: amount,
        nonce,
        deadline,
      },
    })
    const { r, s, yParity } = parseSignature(signature)
    result = await execute(client, parameters, {
      contract: 'primeNetwork',
      abi: primeNetworkRegisterProviderWithPermitAbi,
      args: [amount, deadline, yParity + 27, r, s],
    })
    how = { kind: 'permit' }
  } else {
    const hash = await approveIfShort(client, {
      account,
      spender: deployment.stakeManager,
      amount,
      allowance,
      write: parameters,
    })
    if (hash) how = { kind: 'approve', hash }
    result = await execute(client, parameters, {
      contract: 'primeNetwork',
      abi: primeNetworkRegisterProviderAbi,
      args: [amount],
    })
  }

  const staked = eventArgs(result.receipt.logs, stakeManagerStakedEvent).find((args) =>
    isAddressEqual(args.provider, account.address),
  )
  return {
    ...result,
    provider: account.address,
    activeStake: staked?.activeStake ?? amount,
    allowance: how,
  }
}
