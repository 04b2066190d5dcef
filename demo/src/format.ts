import { formatUnits } from 'viem'

/** Where the demo writes its report (process.stdout, or a collector in tests). */
export type { Sink } from '@prime-network/localnet'

const thousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** A token amount (18 decimals) as `1,234.5`. */
export function formatToken(amount: bigint): string {
  const [whole = '0', fraction] = formatUnits(amount, 18).split('.')
  const sign = whole.startsWith('-') ? '-' : ''
  const grouped = thousands(whole.replace('-', ''))
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`
}

/** A signed change, e.g. `+73.2` or `-943.9`. */
export function formatDelta(amount: bigint): string {
  return amount > 0n ? `+${formatToken(amount)}` : formatToken(amount)
}

export function formatNumber(value: bigint | number): string {
  return thousands(String(value))
}

/** Seconds as `1h 01m 00s` (or `2d 00h 00m` for long spans). */
export function formatDuration(seconds: bigint | number): string {
  const total = Number(seconds)
  const pad = (value: number) => String(value).padStart(2, '0')
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  if (days > 0) return `${days}d ${pad(hours)}h ${pad(minutes)}m`
  return `${hours}h ${pad(minutes)}m ${pad(total % 60)}s`
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`
}

/** A plain-text table: columns of figures right-aligned, text left-aligned. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]) {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const numeric = headers.map((_, column) =>
    rows.every((row) => /^[-+]?[\d,.]*$/.test(row[column] ?? '')),
  )
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd()
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)]
}
