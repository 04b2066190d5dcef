import { parseEther } from 'viem'
import { describe, expect, test } from 'vitest'
import { formatDuration, formatPrime, isoTime, relativeTime } from './format'

describe('formatPrime', () => {
  test('keeps every digit and groups thousands', () => {
    expect(formatPrime(parseEther('1234567.000000000000000001'))).toBe(
      '1,234,567.000000000000000001 PRIME',
    )
    expect(formatPrime(0n)).toBe('0 PRIME')
    expect(formatPrime(parseEther('0.035'))).toBe('0.035 PRIME')
    expect(formatPrime(-parseEther('1000.5'))).toBe('-1,000.5 PRIME')
  })
})

describe('formatDuration', () => {
  test('shows the two largest units that are not zero', () => {
    expect(formatDuration(0n)).toBe('0 s')
    expect(formatDuration(600n)).toBe('10 min')
    expect(formatDuration(172_800n)).toBe('2 d')
    expect(formatDuration(28_571)).toBe('7 h 56 min')
    expect(formatDuration(90_061)).toBe('1 d 1 h')
    expect(formatDuration(61)).toBe('1 min 1 s')
  })
})

describe('times', () => {
  test('ISO 8601 in UTC to the second, and relative to the chain’s clock', () => {
    expect(isoTime(1_796_643_909n)).toBe('2026-12-07T11:45:09Z')
    expect(relativeTime(1_000n, 1_000)).toBe('now')
    expect(relativeTime(1_600n, 1_000)).toBe('in 10 min')
    expect(relativeTime(1_000n, 4_600)).toBe('1 h ago')
  })
})
