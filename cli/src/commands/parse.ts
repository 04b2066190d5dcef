import { InvalidArgumentError } from '@commander-js/extra-typings'
import { type Address, getAddress, type Hex, isAddress } from 'viem'
import { type Amount, parseAmount } from '../amount.js'
import { UsageError } from '../errors.js'
import { MASK, rememberSecret } from '../redact.js'

/**
 * Option and argument parsers for commander: a bad value becomes commander's usage error
 * (exit 2, with the flag named) before anything is read or sent.
 */
function asArgument<value>(parse: (input: string) => value) {
  return (input: string): value => {
    try {
      return parse(input)
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message)
    }
  }
}

export const amount = asArgument<Amount>(parseAmount)

export const address = asArgument<Address>(checkedAddress)

/**
 * `input` as a checksummed address. A mixed-case address carries an EIP-55 checksum, and one
 * that fails it is a typo (a changed character flips the case of others): refused, never sent
 * to. All-lowercase or all-uppercase input has no checksum to check and is taken as written.
 */
export function checkedAddress(input: string, what = ''): Address {
  const label = what ? `${what} ` : ''
  // 32 bytes where 20 go is a private key pasted in the wrong place far more often than a typo:
  // remembered as a secret, so neither this message nor commander's (which quotes the value)
  // shows it.
  if (/^(0x)?[0-9a-fA-F]{64}$/.test(input)) {
    rememberSecret(input)
    throw new UsageError(`${label}'${MASK}' is 32 bytes, not an address (a private key? not shown)`)
  }
  if (!isAddress(input, { strict: false }))
    throw new UsageError(`${label}'${input}' is not an address`)
  const hex = input.slice(2)
  const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase()
  if (mixedCase && getAddress(input) !== input)
    throw new UsageError(
      `${label}'${input}' fails its EIP-55 checksum (a typo?): copy the address again, or write it all in lowercase to skip the check`,
    )
  return getAddress(input)
}

/** A non-negative integer, as a bigint (ids, rates in wei, compute units, seconds). */
export const uint = asArgument<bigint>((input) => {
  if (!/^\d+$/.test(input)) throw new UsageError(`'${input}' is not a non-negative integer`)
  return BigInt(input)
})

export const id = asArgument<bigint>((input) => {
  if (!/^\d+$/.test(input) || BigInt(input) === 0n)
    throw new UsageError(`'${input}' is not an id (a positive integer)`)
  return BigInt(input)
})

/** A work's key: 32 bytes of hex (e.g. the hash of its output). */
export const workKey = asArgument<Hex>((input) => {
  if (!/^0x[0-9a-fA-F]{64}$/.test(input))
    throw new UsageError(`'${input}' is not a work key: expected 32 bytes of hex`)
  return input as Hex
})

/** Accumulates a repeatable address option (`--node 0x.. --node 0x..`). */
export function addresses(input: string, previous: Address[] = []): Address[] {
  return [...previous, address(input)]
}

/** A node in a pool, written `<pool-id>:<node-key>`, accumulated (`--evict 1:0x.. --evict 2:0x..`). */
export function poolNodes(
  input: string,
  previous: { poolId: bigint; nodeKey: Address }[] = [],
): { poolId: bigint; nodeKey: Address }[] {
  const [pool = '', node = ''] = input.split(':')
  return [...previous, { poolId: id(pool), nodeKey: address(node) }]
}

/** A protocol role, as the SDK names them. */
export const role = asArgument<'federator' | 'validator'>((input) => {
  if (input !== 'federator' && input !== 'validator')
    throw new UsageError(`'${input}' is not a role (federator or validator)`)
  return input
})
