import { parseEther } from 'viem'
import { expect, test } from 'vitest'
import { runway } from './runway'

test('the budget over what the pool spends a second; none without compute', () => {
  // The story's pool: 0.001 PRIME per compute unit per second, 35 units.
  expect(
    runway({ budget: parseEther('1000'), rate: parseEther('0.001'), totalCompute: 35n }),
  ).toEqual({
    perSecond: parseEther('0.035'),
    seconds: 28_571n,
  })
  expect(runway({ budget: parseEther('1000'), rate: parseEther('0.001'), totalCompute: 0n })).toBe(
    undefined,
  )
})
