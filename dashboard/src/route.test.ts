import { describe, expect, test } from 'vitest'
import { parseRoute } from './route'

describe('parseRoute', () => {
  test('each page by its hash', () => {
    expect(parseRoute('')).toEqual({ page: 'network' })
    expect(parseRoute('#/')).toEqual({ page: 'network' })
    expect(parseRoute('#/validator')).toEqual({ page: 'validator' })
    expect(parseRoute('#/pool/12')).toEqual({ page: 'pool', poolId: 12n })
    expect(parseRoute('#/provider/0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc')).toEqual({
      page: 'provider',
      address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
    })
  })

  test('anything else is not found', () => {
    for (const hash of ['#/pool/0', '#/pool/00', '#/pool/x', '#/node/0x12', '#/nope'])
      expect(parseRoute(hash).page).toBe('not-found')
  })
})
