import { type Address, zeroAddress } from 'viem'
import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import { domainRegistryDomainCreatedEvent, primeNetworkCreateDomainAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertAddress,
  eventArgs,
  execute,
  type WriteParameters,
  type WriteReturnType,
} from '../internal/utils.js'

export type CreateDomainParameters = WriteParameters & {
  /** A non-empty, human-readable name. */
  name: string
  /** The contract that validates the domain's work (default: none). */
  validationLogic?: Address | undefined
  /** Where the domain's parameters are published. */
  domainParametersURI: string
}

export type CreateDomainReturnType = WriteReturnType & {
  /** The new domain's id (ids start at 1). */
  domainId: bigint
}

export type CreateDomainErrorType = PrimeNetworkErrorType

/**
 * Creates a domain. Federator only.
 *
 * @param client - A wallet client with the federator's account.
 * @param parameters - {@link CreateDomainParameters}
 * @returns {@link CreateDomainReturnType}
 * @example
 * const { domainId } = await createDomain(federatorClient, { name: 'inference', domainParametersURI: 'ipfs://...' })
 */
export async function createDomain(
  client: AnyClient,
  parameters: CreateDomainParameters,
): Promise<CreateDomainReturnType> {
  const { name, validationLogic = zeroAddress, domainParametersURI } = parameters
  if (typeof name !== 'string' || name.length === 0)
    throw new InvalidInputError('name', 'expected a non-empty string')
  if (typeof domainParametersURI !== 'string')
    throw new InvalidInputError('domainParametersURI', 'expected a string')
  if (validationLogic !== zeroAddress) assertAddress('validationLogic', validationLogic)
  const result = await execute(client, parameters, {
    contract: 'primeNetwork',
    abi: primeNetworkCreateDomainAbi,
    args: [name, validationLogic, domainParametersURI],
  })
  const [created] = eventArgs(result.receipt.logs, domainRegistryDomainCreatedEvent)
  return { ...result, domainId: created!.domainId }
}
