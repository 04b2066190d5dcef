/**
 * Errors the CLI raises itself. Exit codes: 0 success, 1 a protocol, transaction or network
 * error, 2 bad usage (flags, input, configuration, keys). The mapping lives in `prime.ts`.
 */

/** Bad usage: a missing or malformed flag, argument, config value, keystore or password. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** A thing that was asked for does not exist on chain (exit 1: the chain said no, not the user). */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
}
