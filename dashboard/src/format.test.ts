import { expect, test } from 'vitest'
import { shortHex } from './format'

test('shortHex keeps the first four and last four digits', () => {
  expect(shortHex('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC')).toBe('0x3C44…93BC')
})
