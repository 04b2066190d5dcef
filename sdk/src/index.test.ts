import { expect, test } from 'vitest'
import * as sdk from './index.js'

test('public exports', () => {
  expect(Object.keys(sdk).sort()).toMatchSnapshot()
})
