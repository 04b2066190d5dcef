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

export type SetFederatorParameters = WriteParameters & {
  /** Who holds the federator role from now on. */
  newFederator: Address
}

export type SetFederatorReturnType = WriteReturnType & {
  /** Who held the role before. */
  previousFederator: Address
}

/** Includes `ContractErrors.MissingRole`. */
export type SetFederatorErrorType = PrimeNetworkErrorType

/**
 * Moves the federator role from the caller to `newFederator`; the caller loses it at once and
 * every module sees the change. Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link SetFederatorParameters}
 * @returns The previous holder, from the RoleTransferred event. {@link SetFederatorReturnType}
 * @example
 * await setFederator(federatorClient, { newFederator: '0x...' })
 */
export async function setFederator(
  client: AnyClient,
  parameters: SetFederatorParameters,
): Promise<SetFederatorReturnType> {
  const { newFederator } = parameters
  assertAddress('newFederator', newFederator)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account = resolveAccount(client, parameters.account)
  const result = await execute(client, {
    account,
    address: deployment.primeNetwork,
    abi: primeNetworkAbi,
    functionName: 'setFederator',
    args: [newFederator],
  })
  const [transferred] = parseEventLogs({
    abi: primeNetworkAbi,
    logs: result.receipt.logs,
    eventName: 'RoleTransferred',
  })
  return { ...result, previousFederator: transferred!.args.previousHolder }
}
