/**
 * How people's output shows time and values (amounts are `formatPrime` in amount.ts). `--json`
 * never goes through here: it keeps exact integers (seconds, unix times, wei), so scripts get
 * what the chain holds and people get something they can read at a glance.
 */

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

/** The wall clock, in unix seconds: what "now" means when a command did not read the chain's time. */
export const wallClock = () => BigInt(Math.floor(Date.now() / 1000))

/**
 * A point in time (unix seconds) as ISO 8601 in UTC plus how far it is from `now`:
 * `2026-12-07T10:00:00Z (in 2 h)`. Pass the chain's latest block time as `now` when the command
 * has it: on a chain whose clock was moved (a test chain, a fork) that is the time that counts.
 */
export function formatTime(seconds: bigint, now: bigint = wallClock()): string {
  const iso = new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z')
  return `${iso} (${relative(seconds, now)})`
}

/**
 * A decoded call argument for a table: arrays as `[a, b]`, structs as `{ key: value }`, strings
 * quoted (so an empty one shows as `""`, not as nothing) unless hex or one of `bare` (markers
 * such as a hidden signature), everything else as itself.
 */
export function formatValue(value: unknown, bare: readonly string[] = []): string {
  const format = (item: unknown) => formatValue(item, bare)
  if (Array.isArray(value)) return `[${value.map(format).join(', ')}]`
  if (typeof value === 'string')
    return /^0x[0-9a-fA-F]*$/.test(value) || bare.includes(value) ? value : JSON.stringify(value)
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${format(item)}`)
      .join(', ')} }`
  return String(value)
}
