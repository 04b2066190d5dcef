import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { transferRole } from '../internal/transferRole.js'
import type { AnyClient, WriteParameters, WriteReturnType } from '../internal/utils.js'

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
  const { newFederator, ...write } = parameters
  const { previousHolder, ...result } = await transferRole(client, {
    ...write,
    functionName: 'setFederator',
    argumentName: 'newFederator',
    newHolder: newFederator,
  })
  return { ...result, previousFederator: previousHolder }
}
