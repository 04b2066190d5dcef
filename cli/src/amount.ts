import { formatTokenAmount } from '@prime-network/sdk/explain'
import { UsageError } from './errors.js'

/** An amount as the user wrote it and its exact value in wei (the token has 18 decimals). */
export type Amount = { input: string; wei: bigint }

const decimals = { prime: 18, gwei: 9, wei: 0 } as const

// A decimal with an optional exponent and an optional unit: `100`, `1.5 PRIME`, `1e18 wei`.
const pattern = /^(\d+)(?:\.(\d+))?(?:e(\d+))?\s*(prime|gwei|wei)?$/i

/**
 * Parses `100`, `100 PRIME`, `2.5PRIME`, `1e18 wei`, `3 gwei` into wei, exactly: no floating
 * point, and a value with a fraction of a wei is refused rather than rounded. A bare number means
 * PRIME, because that is how operators think about stake and budgets.
 */
export function parseAmount(input: string): Amount {
  const trimmed = input.trim()
  const match = pattern.exec(trimmed)
  if (!match)
    throw new UsageError(
      `invalid amount '${input}': expected a number with an optional unit (PRIME, gwei, wei), e.g. 100, '100 PRIME', '1e18 wei'`,
    )
  const [, whole, fraction = '', exponent = '0', unit = 'prime'] = match
  const shift = decimals[unit.toLowerCase() as keyof typeof decimals] + Number(exponent)
  if (fraction.replace(/0+$/, '').length > shift)
    throw new UsageError(`invalid amount '${input}': it is not a whole number of wei`)
  const digits = `${whole}${fraction.padEnd(shift, '0')}`
  return { input: trimmed, wei: BigInt(digits) }
}

/** `100 PRIME` for people; exact, with trailing zeros dropped. */
export const formatPrime = (wei: bigint) => formatAmount(wei, 'PRIME')

/** An 18-decimal amount with its unit (`0.5 ETH`, `100 PRIME`), exact, trailing zeros dropped. */
export const formatAmount = (wei: bigint, unit: 'PRIME' | 'ETH') =>
  formatTokenAmount(wei, { symbol: unit })
