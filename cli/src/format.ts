/**
 * How people's output shows time and values (amounts are `formatPrime` in amount.ts). `--json`
 * never goes through here: it keeps exact integers (seconds, unix times, wei), so scripts get
 * what the chain holds and people get something they can read at a glance.
 */

// Durations and times read the same in every app on the SDK (an error's explanation, the
// dashboard): their one definition is the SDK's.
export { formatDuration, formatTime, wallClock } from '@prime-network/sdk/explain'

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
