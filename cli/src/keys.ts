import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { isCancel, password as promptPassword } from '@clack/prompts'
import type { LocalAccount } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { UsageError } from './errors.js'
import { decryptKeystore, encryptKeystore, type Keystore, parseKeystore } from './keystore.js'
import { rememberSecret } from './redact.js'

type Env = Record<string, string | undefined>

/** Where a keystore's password comes from: a file, an environment variable, or a prompt. */
export type PasswordSource = {
  /** A file holding the password (one trailing newline is ignored, as `cast` does). */
  file?: string | undefined
  /** The flag that names the file, for the message when no password is found. */
  flag: string
  /** The environment variable checked when there is no file. */
  envName: string
  env: Env
}

/**
 * Warns on stderr when `path` grants group or others more than `allowed` (permission bits): still
 * used, as `ssh` does for a key's folder, but the operator learns that someone else can read the
 * secret or swap the file for one of their own.
 */
function warnIfOpen(path: string, forbidden: number, what: string) {
  const mode = statSync(path).mode & 0o777
  if (mode & forbidden)
    process.stderr.write(
      `warning ${what} ${path} is ${mode & 0o022 ? 'writable' : 'readable'} by others (mode ${mode.toString(8).padStart(3, '0')}): chmod ${forbidden === 0o077 ? 'go-rwx' : 'go-w'} it\n`,
    )
}

async function readPassword(source: PasswordSource, what: string, confirm = false) {
  const password = await readPasswordFrom(source, what, confirm)
  rememberSecret(password)
  return password
}

async function readPasswordFrom(source: PasswordSource, what: string, confirm: boolean) {
  if (source.file) {
    if (!existsSync(source.file))
      throw new UsageError(`password file ${source.file} does not exist`)
    // Readable by others gives the password away; writable lets them choose it.
    warnIfOpen(source.file, 0o077, 'password file')
    return readFileSync(source.file, 'utf8').replace(/\r?\n$/, '')
  }
  const fromEnv = source.env[source.envName]
  if (fromEnv !== undefined) return fromEnv
  if (!process.stdin.isTTY)
    throw new UsageError(
      `no password for ${what}: pass ${source.flag} or set ${source.envName} (no terminal to prompt on)`,
    )
  const ask = async (message: string) => {
    const answer = await promptPassword({ message, output: process.stderr })
    if (isCancel(answer)) throw new UsageError('cancelled')
    return answer
  }
  const first = await ask(`Password for ${what}`)
  if (confirm && (await ask('Repeat the password')) !== first)
    throw new UsageError('the passwords differ')
  return first
}

/** The path of keystore `name`: a name in the keystore directory, or a path when it has a slash. */
export function keystorePath(keystoreDir: string, name: string): string {
  return name.includes('/') ? name : join(keystoreDir, name)
}

/** Unlocks Foundry keystore `name` (as `cast wallet import` wrote it). */
export async function unlockKeystore(
  keystoreDir: string,
  name: string,
  password: PasswordSource,
): Promise<LocalAccount> {
  const path = keystorePath(keystoreDir, name)
  if (!existsSync(path))
    throw new UsageError(`no keystore '${name}' (looked for ${path}; see --keystore-dir)`)
  // A folder others can write to lets them replace the keystore with one whose key they hold.
  warnIfOpen(dirname(path), 0o022, 'keystore folder')
  const keystore = parseKeystore(readFileSync(path, 'utf8'), `'${name}'`)
  rememberKeystore(keystore)
  const privateKey = decryptKeystore(
    keystore,
    await readPassword(password, `keystore '${name}'`),
    `'${name}'`,
  )
  rememberSecret(privateKey)
  return privateKeyToAccount(privateKey)
}

/** A keystore's encrypted key and what derives and checks it: never printed, in any part. */
function rememberKeystore({ crypto }: Keystore) {
  for (const field of [
    crypto.ciphertext,
    crypto.mac,
    crypto.kdfparams.salt,
    crypto.cipherparams.iv,
  ])
    rememberSecret(field)
}

/** An account from a raw private key in the environment (for CI); the key is never echoed. */
export function accountFromEnv(env: Env, envName: string): LocalAccount | undefined {
  const key = env[envName]
  if (key === undefined || key === '') return undefined
  rememberSecret(key)
  const normalized = key.startsWith('0x') ? key : `0x${key}`
  if (!/^0x[0-9a-fA-F]{64}$/.test(normalized))
    throw new UsageError(`${envName} is not a 32-byte hex private key`)
  return privateKeyToAccount(normalized as `0x${string}`)
}

/**
 * Creates a new random key and writes it encrypted to `<keystoreDir>/<name>` (owner-only
 * permissions). Refuses to overwrite: a lost node key cannot be recovered.
 */
export async function createKeystore(
  keystoreDir: string,
  name: string,
  password: PasswordSource,
): Promise<{ name: string; address: `0x${string}`; path: string }> {
  if (!/^[\w.-]+$/.test(name))
    throw new UsageError(`invalid key name '${name}': use letters, digits, '.', '_' or '-'`)
  const path = join(keystoreDir, name)
  if (existsSync(path)) throw new UsageError(`keystore '${name}' already exists at ${path}`)
  const secret = await readPassword(password, `new keystore '${name}'`, true)
  if (secret.length === 0) throw new UsageError('refusing an empty password')
  const privateKey = generatePrivateKey()
  rememberSecret(privateKey)
  const keystore = encryptKeystore(privateKey, secret)
  rememberKeystore(keystore)
  mkdirSync(keystoreDir, { recursive: true, mode: 0o700 })
  writeFileSync(path, JSON.stringify(keystore), {
    mode: 0o600,
    flag: 'wx',
  })
  return { name, address: privateKeyToAccount(privateKey).address, path }
}
