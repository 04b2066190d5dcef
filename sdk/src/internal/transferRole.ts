import type { Account, Address } from 'viem'
import { parseEventLogs } from 'viem/utils'
import { primeNetworkAbi } from '../abis.js'
import {
  type AnyClient,
  assertAddress,
  execute,
  resolveAccount,
  resolveDeployment,
  type WriteParameters,
  type WriteReturnType,
} from './utils.js'

/**
 * The one implementation behind setFederator and setValidator: both move a single-holder role on
 * PrimeNetwork and report the previous holder from the RoleTransferred event.
 */
export async function transferRole(
  client: AnyClient,
  parameters: WriteParameters & {
    functionName: 'setFederator' | 'setValidator'
    argumentName: string
    newHolder: Address
  },
): Promise<WriteReturnType & { previousHolder: Address }> {
  const { functionName, argumentName, newHolder } = parameters
  assertAddress(argumentName, newHolder)
  const deployment = resolveDeployment(client, parameters.deployment)
  const account: Account = resolveAccount(client, parameters.account)
  const result = await execute(client, {
    account,
    address: deployment.primeNetwork,
    abi: primeNetworkAbi,
    functionName,
    args: [newHolder],
  })
  const [transferred] = parseEventLogs({
    abi: primeNetworkAbi,
    logs: result.receipt.logs,
    eventName: 'RoleTransferred',
  })
  return { ...result, previousHolder: transferred!.args.previousHolder }
}
