import { formatEther } from 'viem'

const grouping = new Intl.NumberFormat('en-US')

/** Token units as PRIME, every digit kept (figures here are checked against the chain's). */
export function formatPrime(amount: bigint): string {
  const [whole, fraction] = formatEther(amount).split('.')
  const sign = whole!.startsWith('-') ? '-' : ''
  const grouped = grouping.format(BigInt(whole!.replace('-', '')))
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''} PRIME`
}

const units = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
] as const

/** Seconds as the two largest units that are not zero: "7 h 56 min", "10 min", "2 d". */
export function formatDuration(seconds: bigint | number): string {
  let left = Math.max(0, Math.round(Number(seconds)))
  if (left === 0) return '0 s'
  const parts: string[] = []
  for (const [unit, size] of units) {
    if (left < size) continue
    parts.push(`${Math.floor(left / size)} ${unit}`)
    left %= size
    if (parts.length === 2) break
  }
  return parts.join(' ')
}

/** A unix time as ISO 8601 (UTC, to the second). */
export function isoTime(unixSeconds: bigint | number): string {
  return new Date(Number(unixSeconds) * 1000).toISOString().replace('.000Z', 'Z')
}

/** "in 10 min" / "3 h ago", relative to the chain's time `now`. */
export function relativeTime(unixSeconds: bigint | number, now: number): string {
  const delta = Number(unixSeconds) - now
  if (Math.abs(delta) < 1) return 'now'
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`
}

export const shortHex = (value: string) => `${value.slice(0, 6)}…${value.slice(-4)}`
