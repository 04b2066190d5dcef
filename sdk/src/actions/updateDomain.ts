import type { Address } from 'viem'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import { domainRegistryDomainUpdatedEvent, primeNetworkUpdateDomainAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  assertId,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type UpdateDomainParameters = WriteParameters & {
  domainId: bigint
  /**
   * The domain's validation-logic contract from now on (`zeroAddress` for none). Required: the
   * contract replaces it on every update, so leaving it out would silently clear it.
   */
  validationLogic: Address
  /** Where the domain's parameters are published from now on. */
  domainParametersURI: string
}

export type UpdateDomainReturnType = WriteReturnType & {
  domainId: bigint
  validationLogic: Address
  domainParametersURI: string
}

/** Includes `ContractErrors.DomainNotFound`, `InvalidValidationLogic` and `MissingRole`. */
export type UpdateDomainErrorType = PrimeNetworkErrorType

/**
 * Updates a domain's validation logic and parameters URI (its name stays). Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link UpdateDomainParameters}
 * @returns The domain as updated, from the DomainUpdated event. {@link UpdateDomainReturnType}
 * @example
 * await updateDomain(federatorClient, { domainId: 1n, validationLogic: zeroAddress, domainParametersURI: 'ipfs://v2' })
 */
export async function updateDomain(
  client: AnyClient,
  parameters: UpdateDomainParameters,
): Promise<UpdateDomainReturnType> {
  const { domainId, validationLogic, domainParametersURI } = parameters
  assertId('domainId', domainId)
  if (!/^0x0{40}$/.test(String(validationLogic))) assertAddress('validationLogic', validationLogic)
  if (typeof domainParametersURI !== 'string')
    throw new InvalidInputError('domainParametersURI', 'expected a string')
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkUpdateDomainAbi,
    args: [domainId, validationLogic, domainParametersURI],
  })
  const [updated] = eventArgs(result.receipt.logs, domainRegistryDomainUpdatedEvent)
  return { ...result, ...updated! }
}
