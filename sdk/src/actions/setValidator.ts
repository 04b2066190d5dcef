import type { Address } from 'viem'
import { parseEventLogs } from 'viem/utils'
import { primeNetworkAbi } from '../abis.js'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  assertAddress,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetValidatorParameters = WriteParameters & {
  /** Who holds the validator role from now on. */
  newValidator: Address
}

export type SetValidatorReturnType = WriteReturnType & {
  /** Who held the role before. */
  previousValidator: Address
}

/** Includes `ContractErrors.MissingRole`. */
export type SetValidatorErrorType = PrimeNetworkErrorType

/**
 * Moves the validator role from the current validator to `newValidator`; every module sees the
 * change at once. Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link SetValidatorParameters}
 * @returns The previous holder, from the RoleTransferred event. {@link SetValidatorReturnType}
 * @example
 * await setValidator(federatorClient, { newValidator: '0x...' })
 */
export async function setValidator(
  client: AnyClient,
  parameters: SetValidatorParameters,
): Promise<SetValidatorReturnType> {
  const { newValidator } = parameters
  assertAddress('newValidator', newValidator)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  const result = await execute(client, {
    account,
    address: deployment.primeNetwork,
    abi: primeNetworkAbi,
    functionName: 'setValidator',
    args: [newValidator],
  })
  const [transferred] = parseEventLogs({
    abi: primeNetworkAbi,
    logs: result.receipt.logs,
    eventName: 'RoleTransferred',
  })
  return { ...result, previousValidator: transferred!.args.previousHolder }
}
