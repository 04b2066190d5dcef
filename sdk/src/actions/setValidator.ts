import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { transferRole } from '../internal/transferRole.js'
import type { AnyClient, WriteParameters, WriteReturnType } from '../internal/utils.js'

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
  const { newValidator, ...write } = parameters
  const { previousHolder, ...result } = await transferRole(client, {
    ...write,
    functionName: 'setValidator',
    argumentName: 'newValidator',
    newHolder: newValidator,
  })
  return { ...result, previousValidator: previousHolder }
}
