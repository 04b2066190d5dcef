import { type Account, type Address, formatEther, type Hash } from 'viem'
import { InvalidInputError } from '../errors/base.js'
import {
  primeTokenAllowanceAbi,
  primeTokenApproveAbi,
  primeTokenBalanceOfAbi,
  primeTokenEip712DomainAbi,
  primeTokenNoncesAbi,
} from '../generated/abis.js'
import {
  type AnyClient,
  CallCaptured,
  captured,
  execute,
  reader,
  resolveDeployment,
  type WriteParameters,
} from './utils.js'

/** Whether `token` implements ERC-2612 (probed through its `nonces` and ERC-5267 domain). */
export async function supportsPermit(client: AnyClient, token: Address): Promise<boolean> {
  const call = reader(client)
  try {
    await Promise.all([
      call(token, primeTokenNoncesAbi, [token]),
      call(token, primeTokenEip712DomainAbi, []),
    ])
    return true
  } catch {
    return false
  }
}

/**
 * Approves exactly `amount` of the deployment's token to `spender` when the current allowance is
 * below it. When the calls are being built rather than sent, the approve is recorded and the
 * action goes on to its own call, so a batch carries both in order.
 */
export async function approveIfShort(
  client: AnyClient,
  parameters: {
    account: Account
    spender: Address
    amount: bigint
    allowance?: bigint | undefined
    write: WriteParameters
  },
): Promise<Hash | undefined> {
  const { account, spender, amount } = parameters
  const { token } = resolveDeployment(client, parameters.write.deployment)
  const allowance =
    parameters.allowance ??
    (await reader(client)(token, primeTokenAllowanceAbi, [account.address, spender]))
  if (allowance >= amount) return undefined
  // An approve is a transaction: check first that the account can pay at all, or it spends gas
  // and leaves an allowance behind for a call that then fails. (Built calls skip it: they may run
  // later, from a multisig whose balance is not this account's now.)
  if (!captured(parameters.write)) {
    const balance = await reader(client)(token, primeTokenBalanceOfAbi, [account.address])
    if (balance < amount)
      throw new InvalidInputError(
        'amount',
        `${account.address} holds ${formatEther(balance)} tokens, less than the ${formatEther(amount)} needed; nothing was sent`,
      )
  }
  try {
    const { hash } = await execute(
      client,
      { ...parameters.write, account },
      { contract: 'token', abi: primeTokenApproveAbi, args: [spender, amount] },
    )
    return hash
  } catch (error) {
    if (error instanceof CallCaptured && captured(parameters.write)) return undefined
    throw error
  }
}
