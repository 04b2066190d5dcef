import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { ctr } from '@noble/ciphers/aes'
import { pbkdf2 } from '@noble/hashes/pbkdf2'
import { scrypt } from '@noble/hashes/scrypt'
import { sha256 } from '@noble/hashes/sha2'
import { keccak_256 } from '@noble/hashes/sha3'
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils'
import { z } from 'zod'
import { UsageError } from './errors.js'

/**
 * Web3 Secret Storage v3, the format `cast wallet import` and `cast wallet new` write to
 * ~/.foundry/keystores. The crypto is @noble's (audited, and already under viem): scrypt or
 * PBKDF2-HMAC-SHA256 derives a 32-byte key; its first half decrypts with AES-128-CTR, its second
 * half authenticates: mac = keccak256(key[16..32] ++ ciphertext).
 */

const hex = z.string().regex(/^(0x)?[0-9a-fA-F]*$/, 'expected hex')
const hexBytes = (length: number) =>
  hex.refine((value) => value.replace(/^0x/, '').length === 2 * length, `expected ${length} bytes`)

// The derived key is 32 bytes: its first half decrypts, its second half is the MAC key. A shorter
// one leaves the MAC without a key, so any password would pass it and decrypt to garbage.
const dklen = z.literal(32, 'dklen must be 32')

// Key-derivation costs accepted: what Foundry (scrypt n = 2^13, r = 8, p = 1) and geth (standard
// n = 2^18, r = 8, p = 1; light n = 2^12, r = 8, p = 6; PBKDF2 c = 2^18) write, and not much
// beyond. Below, a password falls to guessing; above, a crafted keystore makes unlocking run for
// many seconds or exhaust memory (scrypt takes 128 x n x r bytes: 256 MB at geth's standard).
const SCRYPT_N = { min: 2 ** 12, max: 2 ** 18 }
const SCRYPT_R = { min: 1, max: 8 }
const SCRYPT_P = { min: 1, max: 8 }
const PBKDF2_C = { min: 2 ** 13, max: 2 ** 20 }

const bounded = (name: string, range: { min: number; max: number }) =>
  z
    .number()
    .int()
    .min(range.min, `${name} below ${range.min} is too weak`)
    .max(range.max, `${name} above ${range.max} would take too long to derive`)

const cryptoBase = {
  cipher: z.literal('aes-128-ctr'),
  cipherparams: z.object({ iv: hexBytes(16) }),
  ciphertext: hexBytes(32),
  mac: hexBytes(32),
}

const keystoreSchema = z.object({
  version: z.literal(3),
  // By `kdf`, so an error names the parameter at fault rather than "no union member matched".
  crypto: z.discriminatedUnion('kdf', [
    z.object({
      ...cryptoBase,
      kdf: z.literal('scrypt'),
      kdfparams: z.object({
        dklen,
        n: bounded('scrypt n', SCRYPT_N).refine(
          (n) => (n & (n - 1)) === 0,
          'scrypt n must be a power of two',
        ),
        r: bounded('scrypt r', SCRYPT_R),
        p: bounded('scrypt p', SCRYPT_P),
        salt: hex,
      }),
    }),
    z.object({
      ...cryptoBase,
      kdf: z.literal('pbkdf2'),
      kdfparams: z.object({
        dklen,
        c: bounded('pbkdf2 c', PBKDF2_C),
        prf: z.literal('hmac-sha256'),
        salt: hex,
      }),
    }),
  ]),
})

export type Keystore = z.infer<typeof keystoreSchema>

const bytes = (value: string) => hexToBytes(value.replace(/^0x/, ''))

function deriveKey(password: string, crypto: Keystore['crypto']): Uint8Array {
  const salt = bytes(crypto.kdfparams.salt)
  if (crypto.kdf === 'scrypt') {
    const { n, r, p, dklen } = crypto.kdfparams
    return scrypt(password, salt, { N: n, r, p, dkLen: dklen })
  }
  return pbkdf2(sha256, password, salt, { c: crypto.kdfparams.c, dkLen: crypto.kdfparams.dklen })
}

/** Parses keystore JSON (also the capitalised `Crypto` some tools write); `name` names it in errors. */
export function parseKeystore(text: string, name: string): Keystore {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new UsageError(`keystore ${name} is not JSON`)
  }
  if (json && typeof json === 'object' && 'Crypto' in json && !('crypto' in json))
    json = { ...json, crypto: (json as { Crypto: unknown }).Crypto }
  const parsed = keystoreSchema.safeParse(json)
  if (!parsed.success)
    throw new UsageError(
      `keystore ${name} is not a Web3 Secret Storage v3 file: ${z.prettifyError(parsed.error)}`,
    )
  return parsed.data
}

/** Decrypts a keystore; a wrong password fails the MAC check and is reported as such. */
export function decryptKeystore(keystore: Keystore, password: string, name: string): `0x${string}` {
  const { crypto } = keystore
  const key = deriveKey(password, crypto)
  const ciphertext = bytes(crypto.ciphertext)
  const mac = keccak_256(concatBytes(key.slice(16, 32), ciphertext))
  // In constant time: how much of a guessed MAC matches must not show in how long the check takes.
  if (!timingSafeEqual(mac, bytes(crypto.mac)))
    throw new UsageError(`wrong password for keystore ${name}`)
  const privateKey = ctr(key.slice(0, 16), bytes(crypto.cipherparams.iv)).decrypt(ciphertext)
  return `0x${bytesToHex(privateKey)}`
}

/**
 * Encrypts a private key with scrypt at Foundry's own cost (n = 2^13, r = 8, p = 1), so
 * `cast wallet` reads what `prime node keygen` writes and unlocking takes well under a second.
 */
export function encryptKeystore(
  privateKey: `0x${string}`,
  password: string,
): Keystore & { id: string } {
  const salt = randomBytes(32)
  const iv = randomBytes(16)
  const kdfparams = { dklen: 32 as const, n: 8192, r: 8, p: 1, salt: bytesToHex(salt) }
  const key = scrypt(password, salt, { N: kdfparams.n, r: 8, p: 1, dkLen: 32 })
  const ciphertext = ctr(key.slice(0, 16), iv).encrypt(bytes(privateKey))
  return {
    version: 3,
    crypto: {
      cipher: 'aes-128-ctr',
      cipherparams: { iv: bytesToHex(iv) },
      ciphertext: bytesToHex(ciphertext),
      kdf: 'scrypt',
      kdfparams,
      mac: bytesToHex(keccak_256(concatBytes(key.slice(16, 32), ciphertext))),
    },
    id: randomUUID(),
  }
}
