import type { Address } from 'viem'
import type { PrimeNetworkErrorType } from '../errors/base.js'
import { domainRegistryGetDomainAbi } from '../generated/abis.js'
import {
  type AnyClient,
  assertId,
  type DeploymentParameter,
  read,
  reader,
  resolveDeployment,
} from '../internal/utils.js'

export type Domain = {
  domainId: bigint
  name: string
  /** The contract that validates the domain's work (zero when none). */
  validationLogic: Address
  domainParametersURI: string
}

export type GetDomainParameters = DeploymentParameter & { domainId: bigint }

export type GetDomainReturnType = Domain

/** Includes `ContractErrors.DomainNotFound`. */
export type GetDomainErrorType = PrimeNetworkErrorType

/**
 * Reads a domain.
 *
 * @param client - Any client.
 * @param parameters - {@link GetDomainParameters}
 * @returns {@link Domain}
 * @throws ContractErrors.DomainNotFound when the domain does not exist.
 * @example
 * const { name } = await getDomain(client, { domainId: 1n })
 */
export async function getDomain(
  client: AnyClient,
  parameters: GetDomainParameters,
): Promise<GetDomainReturnType> {
  const { domainId } = parameters
  assertId('domainId', domainId)
  const deployment = resolveDeployment(client, parameters.deployment)
  const call = reader(client, deployment)
  const domain = await read(call('domainRegistry', domainRegistryGetDomainAbi, [domainId]))
  return { domainId, ...domain }
}
