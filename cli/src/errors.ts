/**
 * Every error the CLI raises or reports, and how it is shown. Exit codes: 0 success, 1 a protocol,
 * transaction or network error, 2 bad usage (flags, input, configuration, keys). What an error
 * says comes from the SDK's `explainError` (the words every app on the SDK shows); the CLI adds
 * the `prime` command that takes the next step, where one does.
 */
import { InvalidInputError } from '@prime-network/sdk'
import { explainError, type NextAction } from '@prime-network/sdk/explain'
import { BaseError, formatUnits } from 'viem'
import { redactUrl, scrub } from './redact.js'

/** Bad usage: a missing or malformed flag, argument, config value, keystore or password. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** A thing that was asked for does not exist on chain (exit 1: the chain said no, not the user). */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
}

/** Nothing answered at the RPC URL. */
export class NetworkError extends Error {
  override name = 'NetworkError'
  constructor(rpcUrl: string, cause: unknown) {
    // What the endpoint answered (a status, a provider's reason) tells a wrong key from a dead
    // host; it is the endpoint's text, so it is printed only through `scrub`.
    const { shortMessage, status, details } = cause as {
      shortMessage?: string
      status?: number
      details?: string
    }
    // No answer at all: the innermost reason (ECONNREFUSED, ENOTFOUND, fetch's "bad port") says
    // more than viem's "fetch failed".
    let reason: string | undefined
    for (
      let item = cause as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
      item;
      item = item.cause as typeof item
    )
      if (typeof item.code === 'string') reason = item.code
      else if (item !== cause && typeof item.message === 'string') reason = item.message
    const answer = status
      ? [`status ${status}`, details !== shortMessage && details].filter(Boolean).join(': ')
      : (reason ?? (details !== shortMessage ? details : undefined))
    super(
      `cannot reach ${redactUrl(rpcUrl)}: ${shortMessage ?? String(cause)}${answer ? ` (${answer})` : ''}`,
      { cause },
    )
  }
}

// The chain's time when an error happened, for the errors that name a time (an expiry, an
// unlock): "2 h ago" must count from the chain's clock, which a test chain or a fork moves.
const chainTimes = new WeakMap<object, bigint>()

/** Records `now`, the chain's latest block time, as the time `error` happened. */
export function atChainTime<error>(error: error, now: bigint): error {
  if (error && typeof error === 'object') chainTimes.set(error, now)
  return error
}

/** How an error is shown and which exit code it gets. `--json` prints it whole. */
export type DescribedError = {
  exitCode: 1 | 2
  name: string
  /** The error's own short message, as the SDK, viem or the CLI wrote it. */
  message: string
  /** What happened, for people: amounts in PRIME, roles by name, accounts by address. */
  summary: string
  /** One line on what to do next, when there is something to do. */
  next?: string | undefined
  /** The `prime` command that takes the next step, when one does. */
  command?: string | undefined
  /** A revert's decoded arguments (or the account an error names), raw and exact. */
  args?: Readonly<Record<string, unknown>> | undefined
  /** The SDK parameter an input error rejected. */
  parameter?: string | undefined
  /** What viem adds to an error it could not explain further (an RPC's reply, a status). */
  details?: string | undefined
}

// Amount arguments of `prime` read a bare number as PRIME, exactly (no rounding either way).
const prime = (wei: bigint) => formatUnits(wei, 18)

/**
 * The `prime` command for each next step the SDK names: the one table that maps the SDK's
 * actions to the CLI's commands. Typed by the SDK's union, so a new action needs its command.
 */
const commands: {
  [name in NextAction['name']]: (action: Extract<NextAction, { name: name }>) => string
} = {
  increaseStake: ({ amount }) => `prime provider stake add ${prime(amount)}`,
  withdrawStake: () => 'prime provider stake withdraw',
  startPool: ({ poolId }) => `prime pool start ${poolId}`,
  fundPool: ({ poolId, amount }) => `prime pool fund ${poolId} ${prime(amount)}`,
}

/**
 * Maps any error to its exit code and printable parts: the CLI's own errors as they are, bad
 * input as usage (exit 2), everything else (reverts, transactions, the network) as exit 1, with
 * the SDK's explanation. Every text goes through `scrub`: messages quote URLs (an RPC's, an
 * indexer's) and whatever else a library or an RPC put in them.
 */
export function describeError(error: unknown): DescribedError {
  const exitCode = error instanceof UsageError || error instanceof InvalidInputError ? 2 : 1
  if (
    error instanceof UsageError ||
    error instanceof NotFoundError ||
    error instanceof NetworkError
  ) {
    const message = scrub(error.message)
    return { exitCode, name: error.name, message, summary: message }
  }
  const explained = explainError(error, { now: chainTimes.get(error as object) })
  const { shortMessage, message } = error as { shortMessage?: string; message?: string }
  const { action } = explained
  // An error the SDK has no words for keeps viem's details: often the only clue (an RPC's reply).
  const details =
    error instanceof BaseError && !explained.next && error.details !== explained.summary
      ? error.details
      : undefined
  return {
    exitCode,
    name: explained.name,
    message: scrub(shortMessage ?? message ?? String(error)),
    summary: scrub(explained.summary),
    next: explained.next && scrub(explained.next),
    command: action && commands[action.name](action as never),
    args: explained.args,
    parameter: error instanceof InvalidInputError ? error.parameter : undefined,
    details: details ? scrub(details) : undefined,
  }
}

/**
 * The lines people read on stderr after `error `: the error's name and what happened, then the
 * next step, ending in the command that takes it (`next: Stake 40 PRIME more: prime provider
 * stake add 40`).
 */
export function errorLines(described: DescribedError): string[] {
  const next = described.next?.replace(/\.$/, '')
  return [
    `${described.name}: ${described.summary}`,
    ...(described.details ? [`details: ${described.details}`] : []),
    ...(next ? [`next: ${next}${described.command ? `: ${described.command}` : ''}`] : []),
  ]
}
