// In-process: the formats people read, without a chain (the commands' tests check where each shows).
import { expect, test } from 'vitest'
import { formatAmount, formatPrime } from '../src/amount.js'
import { formatDuration, formatTime, formatValue } from '../src/format.js'

test('durations are exact, in the largest units that divide them', () => {
  expect(
    [0n, 1n, 59n, 60n, 3_600n, 5_400n, 86_400n, 604_800n, 604_801n, 90n * 86_400n].map(
      formatDuration,
    ),
  ).toEqual([
    '0 s',
    '1 s',
    '59 s',
    '1 min',
    '1 hour',
    '1 hour 30 min',
    '1 day',
    '7 days',
    '7 days 1 s',
    '90 days',
  ])
})

test('times are ISO in UTC plus their distance from now, rounded to the largest unit', () => {
  const now = 1_796_611_015n
  expect(formatTime(now, now)).toBe('2026-12-07T02:36:55Z (now)')
  expect(formatTime(now + 7_200n, now)).toBe('2026-12-07T04:36:55Z (in 2 h)')
  expect(formatTime(now - 150n, now)).toBe('2026-12-07T02:34:25Z (3 min ago)')
  expect(formatTime(now + 7n * 86_400n, now)).toBe('2026-12-14T02:36:55Z (in 7 d)')
})

test('amounts carry their unit and every wei', () => {
  expect(formatPrime(10n ** 18n * 50n)).toBe('50 PRIME')
  expect(formatPrime(1n)).toBe('0.000000000000000001 PRIME')
  expect(formatAmount(10n ** 17n, 'ETH')).toBe('0.1 ETH')
})

test('call arguments: structs by field, strings quoted, markers bare', () => {
  expect(formatValue([1n, '', [{ nodeKey: '0xAb', signature: '(hidden)' }]], ['(hidden)'])).toBe(
    '[1, "", [{ nodeKey: 0xAb, signature: (hidden) }]]',
  )
})
