import type { Deployment } from '../deployments.js'
import { type AnyClient, type DeploymentParameter, resolveDeployment } from '../internal/utils.js'

/**
 * The first element of every Prime Network query key: invalidating `[queryKeyRoot]` refreshes
 * every protocol query of a query client.
 */
export const queryKeyRoot = 'prime-network'

/** The deployment a key is for: the same read on another chain or deployment is another query. */
export type QueryKeyScope = { chainId: number; primeNetwork: string }

/**
 * A query key: `['prime-network', scope, read, parameters]`, plain JSON (bigints as decimal
 * strings, addresses lowercase), so it is stable across renders and processes and any cache can
 * hash it.
 */
export type PrimeQueryKey<read extends string = string> = readonly [
  typeof queryKeyRoot,
  QueryKeyScope,
  read,
  Record<string, JsonValue>,
]

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue }

/** `value` as plain JSON: bigints as decimal strings, hex (addresses, keys) lowercase. */
export function toKeyValue(value: unknown): JsonValue {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return value.startsWith('0x') ? value.toLowerCase() : value
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value
  if (Array.isArray(value)) return value.map(toKeyValue)
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, entry]) => [key, toKeyValue(entry)]),
    )
  throw new TypeError(`cannot put ${typeof value} in a query key`)
}

/** The key of read `read` with `parameters`, on the deployment they (or the client's chain) name. */
export function queryKey<read extends string>(
  client: AnyClient,
  read: read,
  parameters: DeploymentParameter & object,
): PrimeQueryKey<read> {
  const { deployment, ...rest } = parameters
  const resolved: Deployment = resolveDeployment(client, deployment)
  return [
    queryKeyRoot,
    { chainId: resolved.chainId, primeNetwork: resolved.primeNetwork.toLowerCase() },
    read,
    toKeyValue(rest) as Record<string, JsonValue>,
  ]
}
