import { randomBytes, randomUUID } from 'node:crypto'
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

const keystoreSchema = z.object({
  version: z.literal(3),
  crypto: z.object({
    cipher: z.literal('aes-128-ctr'),
    cipherparams: z.object({ iv: hex }),
    ciphertext: hex,
    kdf: z.enum(['scrypt', 'pbkdf2']),
    kdfparams: z.union([
      z.object({
        dklen: z.number().int().positive(),
        n: z.number().int().positive(),
        r: z.number().int().positive(),
        p: z.number().int().positive(),
        salt: hex,
      }),
      z.object({
        dklen: z.number().int().positive(),
        c: z.number().int().positive(),
        prf: z.literal('hmac-sha256'),
        salt: hex,
      }),
    ]),
    mac: hex,
  }),
})

export type Keystore = z.infer<typeof keystoreSchema>

const bytes = (value: string) => hexToBytes(value.replace(/^0x/, ''))

function deriveKey(password: string, crypto: Keystore['crypto']): Uint8Array {
  const params = crypto.kdfparams
  const salt = bytes(params.salt)
  if ('n' in params)
    return scrypt(password, salt, { N: params.n, r: params.r, p: params.p, dkLen: params.dklen })
  return pbkdf2(sha256, password, salt, { c: params.c, dkLen: params.dklen })
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
  if (bytesToHex(mac) !== crypto.mac.replace(/^0x/, '').toLowerCase())
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
  const kdfparams = { dklen: 32, n: 8192, r: 8, p: 1, salt: bytesToHex(salt) }
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
