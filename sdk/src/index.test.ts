import { expect, test } from 'vitest'
import * as abis from './contracts.js'
import * as sdk from './index.js'

test('public exports', () => {
  expect(Object.keys(sdk).sort()).toMatchSnapshot()
})

test('public exports of @prime-network/sdk/abis', () => {
  expect(Object.keys(abis).sort()).toMatchSnapshot()
})
