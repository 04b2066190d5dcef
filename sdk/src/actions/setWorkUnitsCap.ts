import type { PrimeNetworkErrorType } from '../errors/base.js'
import { workUnitsValidationSetUnitsCapAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  assertNonNegative,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type SetWorkUnitsCapParameters = WriteParameters & {
  domainId: bigint
  /** The most units one work may claim in the domain (0 accepts no work). */
  cap: bigint
}

export type SetWorkUnitsCapReturnType = WriteReturnType

/** Includes `ContractErrors.AmountTooLarge` and `MissingRole`. */
export type SetWorkUnitsCapErrorType = PrimeNetworkErrorType

/**
 * Sets a domain's cap on the units of one work, in the shipped validation logic
 * (`deployment.workValidation`). Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link SetWorkUnitsCapParameters}
 * @returns The transaction hash and receipt.
 * @example
 * await setWorkUnitsCap(federatorClient, { domainId, cap: 1_000n })
 */
export async function setWorkUnitsCap(
  client: AnyClient,
  parameters: SetWorkUnitsCapParameters,
): Promise<SetWorkUnitsCapReturnType> {
  const { domainId, cap } = parameters
  assertId('domainId', domainId)
  assertNonNegative('cap', cap)
  return execute(client, parameters, {
    contract: 'workValidation',
    abi: workUnitsValidationSetUnitsCapAbi,
    args: [domainId, cap],
  })
}
