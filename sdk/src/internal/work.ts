import { type Hex, isHex } from 'viem'
import { InvalidInputError } from '../errors/base.js'

/** Work keys are 32 bytes. */
export function assertWorkKey(workKey: unknown): asserts workKey is Hex {
  if (typeof workKey !== 'string' || !isHex(workKey) || workKey.length !== 66)
    throw new InvalidInputError('workKey', 'expected 32 bytes of hex')
}
