/**
 * The one place where the dashboard turns an error into words. It reads the SDK's typed errors by
 * name and arguments; when the SDK's `explainError` lands (`@prime-network/sdk/explain`), it
 * replaces the body of `describeError` and nothing else changes.
 */
import { ContractError, InvalidInputError, PrimeNetworkError } from '@prime-network/sdk'
import { keccak256, toHex } from 'viem'
import { formatDuration, formatPrime } from './format'

export type DescribedError = {
  /** The error's name (the Solidity error's, or the SDK's class). */
  name: string
  /** What happened, with the arguments in words (amounts in PRIME). */
  message: string
  /** What the user can do next. */
  next: string | undefined
}

/** Arguments that are token amounts, by name, across the protocol's errors. */
const amountArgs = new Set([
  'required',
  'actual',
  'amount',
  'requested',
  'active',
  'reward',
  'budget',
  'locked',
  'workRate',
  'minWorkRate',
])
/** Arguments that are seconds. */
const durationArgs = new Set(['period', 'minimum', 'lockPeriod', 'maxLockPeriod'])

const roleNames = new Map(
  ['FEDERATOR_ROLE', 'VALIDATOR_ROLE'].map((name) => [keccak256(toHex(name)), name]),
)

const nextSteps: Record<string, string> = {
  InsufficientStake:
    'Reclaim less, so the stake left covers what your nodes require, or remove a node first.',
  InsufficientActiveStake: 'Reclaim at most your active stake.',
  MissingRole: 'Switch to the account that holds this role.',
  InsufficientBudget: 'Ask the pool creator to fund the pool.',
  WorkFinal: 'The window has ended: this work is final.',
  NodeNotInPool: 'Pick a node that is in the pool now.',
  CallerNotPoolCreator: 'Switch to the pool creator’s account.',
  CallerNotPoolOperator: 'Switch to the pool creator’s or compute manager’s account.',
  EnforcedPause: 'Wait until the federator unpauses the network.',
}

function formatArg(name: string, value: unknown): string {
  if (typeof value === 'bigint' && amountArgs.has(name)) return formatPrime(value)
  if (typeof value === 'bigint' && durationArgs.has(name)) return formatDuration(value)
  if (typeof value === 'string' && roleNames.has(value as `0x${string}`))
    return roleNames.get(value as `0x${string}`)!
  return String(value)
}

/** An error from a hook or a read, in words: name, what happened, next step. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof ContractError) {
    const args = Object.entries(error.args as Record<string, unknown>)
      .map(([name, value]) => `${name} ${formatArg(name, value)}`)
      .join(', ')
    return {
      name: error.name,
      message: args ? `${error.name}: ${args}` : error.name,
      next: nextSteps[error.name],
    }
  }
  if (error instanceof InvalidInputError)
    return { name: error.name, message: error.shortMessage, next: 'Correct the input and retry.' }
  if (error instanceof PrimeNetworkError)
    return { name: error.name, message: error.shortMessage, next: undefined }
  const message =
    (error as { shortMessage?: string } | null)?.shortMessage ??
    (error instanceof Error ? error.message : String(error))
  return { name: error instanceof Error ? error.name : 'Error', message, next: undefined }
}
