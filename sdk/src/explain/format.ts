/**
 * How people read amounts, durations and times. The CLI's output and the error explanations (and
 * later the dashboard) use these, so a figure reads the same wherever it shows. Machine output
 * (`--json`, the SDK's own results) keeps exact integers and never goes through here.
 */

/**
 * An amount in a token's smallest unit, in whole tokens with its symbol, exactly: trailing zeros
 * dropped, never rounded (`50 PRIME`, `0.000000000000000001 PRIME`).
 *
 * @example
 * formatTokenAmount(50n * 10n ** 18n) // '50 PRIME'
 */
export function formatTokenAmount(
  amount: bigint,
  { decimals = 18, symbol = 'PRIME' }: { decimals?: number; symbol?: string } = {},
): string {
  const negative = amount < 0n
  const abs = negative ? -amount : amount
  const scale = 10n ** BigInt(decimals)
  const fraction = (abs % scale).toString().padStart(decimals, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${abs / scale}${fraction ? `.${fraction}` : ''} ${symbol}`
}

const units = [
  [86_400n, 'day', 'days'],
  [3_600n, 'hour', 'hours'],
  [60n, 'min', 'min'],
  [1n, 's', 's'],
] as const

/**
 * A duration in seconds, exactly, in the largest units that divide it: `604800` is `7 days`,
 * `5400` is `1 hour 30 min`, `0` is `0 s`. Exact because a window or an unbonding period is a
 * parameter someone set and compares against: `about 2 days` would hide `2 days 1 s`.
 *
 * @example
 * formatDuration(5_400n) // '1 hour 30 min'
 */
export function formatDuration(seconds: bigint): string {
  if (seconds === 0n) return '0 s'
  const parts: string[] = []
  let rest = seconds
  for (const [size, one, many] of units) {
    const count = rest / size
    rest %= size
    if (count > 0n) parts.push(`${count} ${count === 1n ? one : many}`)
  }
  return parts.join(' ')
}

/** How far `seconds` is from `now`, rounded to its largest unit: `in 2 h`, `3 min ago`, `now`. */
function relative(seconds: bigint, now: bigint): string {
  const delta = seconds - now
  const abs = delta < 0n ? -delta : delta
  if (abs === 0n) return 'now'
  const [size, short] =
    abs >= 86_400n
      ? [86_400n, 'd']
      : abs >= 3_600n
        ? [3_600n, 'h']
        : abs >= 60n
          ? [60n, 'min']
          : [1n, 's']
  // Rounded to the nearest whole unit: a reader wants the order of magnitude here, and the ISO
  // time beside it is exact.
  const count = (abs + size / 2n) / size
  return delta > 0n ? `in ${count} ${short}` : `${count} ${short} ago`
}

/**
 * The wall clock, in unix seconds: what "now" means when the caller did not read the chain's time.
 */
export const wallClock = () => BigInt(Math.floor(Date.now() / 1000))

/**
 * A point in time (unix seconds) as ISO 8601 in UTC plus how far it is from `now`:
 * `2026-12-07T10:00:00Z (in 2 h)`. Pass the chain's latest block time as `now` when you have it:
 * on a chain whose clock was moved (a test chain, a fork) that is the time that counts.
 *
 * @example
 * formatTime(1_796_618_215n, 1_796_611_015n) // '2026-12-07T04:36:55Z (in 2 h)'
 */
export function formatTime(seconds: bigint, now: bigint = wallClock()): string {
  // Past what a Date holds (year 275760): a sentinel such as "never expires", shown as it is.
  if (seconds > 8_640_000_000_000n) return `${seconds} (unix s)`
  const iso = new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z')
  return `${iso} (${relative(seconds, now)})`
}
