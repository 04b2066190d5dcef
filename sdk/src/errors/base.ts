import { version } from '../version.js'

export type PrimeNetworkErrorParameters = {
  /** The error this one wraps (a viem error, another SDK error, anything thrown). */
  cause?: unknown
  /** Longer, technical explanation appended to the message. */
  details?: string | undefined
  /** Extra lines (e.g. decoded arguments) shown between the short message and the details. */
  metaMessages?: readonly string[] | undefined
}

export type PrimeNetworkErrorType = PrimeNetworkError & { name: string }

/**
 * Base class of every error the SDK throws. Like viem's `BaseError`: a one-line `shortMessage`,
 * optional `details`, and the `cause` chain that {@link PrimeNetworkError.walk} follows.
 *
 * @example
 * try {
 *   await registerProvider(client, { amount: 0n })
 * } catch (error) {
 *   if (error instanceof PrimeNetworkError) console.log(error.shortMessage)
 * }
 */
export class PrimeNetworkError extends Error {
  override name = 'PrimeNetworkError'
  readonly shortMessage: string
  readonly details: string | undefined
  readonly metaMessages: readonly string[] | undefined
  readonly version = version

  constructor(shortMessage: string, parameters: PrimeNetworkErrorParameters = {}) {
    const { cause, metaMessages } = parameters
    const details =
      parameters.details ??
      (cause instanceof Error
        ? ((cause as { shortMessage?: string }).shortMessage ?? cause.message)
        : undefined)
    const message = [
      shortMessage,
      ...(metaMessages?.length ? ['', ...metaMessages] : []),
      ...(details && details !== shortMessage ? ['', `Details: ${details}`] : []),
      `Version: ${version}`,
    ].join('\n')
    super(message, cause === undefined ? undefined : { cause })
    this.shortMessage = shortMessage
    this.details = details
    this.metaMessages = metaMessages
  }

  /**
   * Follows the `cause` chain from this error and returns the first error for which `fn` is true
   * (or the innermost error when no `fn` is given).
   *
   * @example
   * const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError)
   */
  walk(fn?: (error: unknown) => boolean): unknown {
    return walk(this, fn)
  }
}

function walk(error: unknown, fn?: (error: unknown) => boolean): unknown {
  if (fn?.(error)) return error
  const cause = (error as { cause?: unknown } | null)?.cause
  if (error && typeof error === 'object' && cause !== undefined) return walk(cause, fn)
  return fn ? null : error
}

/**
 * Thrown when a parameter is invalid, before anything is signed or sent: a bad address, a
 * non-positive amount, a missing account or deployment, an expired invite, a JSON-RPC account the
 * node does not hold, ... Most checks need no RPC call; some first read the chain (an invite's
 * expiry against chain time, a balance too small for an approve, a claim with nothing to claim).
 *
 * @example
 * if (error instanceof InvalidInputError) console.log(error.parameter, error.shortMessage)
 */
export class InvalidInputError extends PrimeNetworkError {
  override name = 'InvalidInputError' as const
  /** The parameter that was rejected. */
  readonly parameter: string

  constructor(parameter: string, reason: string, parameters: PrimeNetworkErrorParameters = {}) {
    super(`Invalid \`${parameter}\`: ${reason}`, parameters)
    this.parameter = parameter
  }
}

/**
 * Thrown when no Prime Network deployment is known for a chain id.
 *
 * @example
 * try { getDeployment(1) } catch (error) { if (error instanceof UnsupportedChainIdError) ... }
 */
export class UnsupportedChainIdError extends PrimeNetworkError {
  override name = 'UnsupportedChainIdError' as const
  readonly chainId: number

  constructor(chainId: number) {
    super(`No Prime Network deployment is known for chain id ${chainId}.`, {
      details: 'Pass a `deployment` or call `registerDeployment` for local chains.',
    })
    this.chainId = chainId
  }
}

/**
 * Thrown when a transaction was mined but reverted (a state change between simulation and
 * inclusion).
 *
 * @example
 * if (error instanceof TransactionRevertedError) console.log(error.hash)
 */
export class TransactionRevertedError extends PrimeNetworkError {
  override name = 'TransactionRevertedError' as const
  readonly hash: `0x${string}`

  constructor(hash: `0x${string}`) {
    super(`Transaction ${hash} reverted.`)
    this.hash = hash
  }
}

/**
 * Thrown before signing when what the RPC reports disagrees with the deployment: a permit is only
 * signed for the deployment's chain and token, so a lying or misconfigured RPC cannot obtain a
 * signature that spends tokens elsewhere.
 *
 * @example
 * if (error instanceof UntrustedRpcResponseError) console.log(error.field, error.expected, error.received)
 */
export class UntrustedRpcResponseError extends PrimeNetworkError {
  override name = 'UntrustedRpcResponseError' as const
  /** What disagreed: the RPC's chain id, or a field of the token's signing domain. */
  readonly field: 'chainId' | 'domain.chainId' | 'domain.verifyingContract'
  readonly expected: string
  readonly received: string

  constructor(
    field: UntrustedRpcResponseError['field'],
    expected: string | bigint | number,
    received: string | bigint | number,
  ) {
    super(`The RPC reported a ${field} of ${received}, expected ${expected}: nothing was signed.`, {
      details: 'Check the RPC URL and the deployment; the SDK signs only for the deployment.',
    })
    this.field = field
    this.expected = String(expected)
    this.received = String(received)
  }
}
