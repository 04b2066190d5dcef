import { execFile } from 'node:child_process'
import { chmod, copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ctr } from '@noble/ciphers/aes'
import { pbkdf2 } from '@noble/hashes/pbkdf2'
import { scrypt } from '@noble/hashes/scrypt'
import { sha256 } from '@noble/hashes/sha2'
import { keccak_256 } from '@noble/hashes/sha3'
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils'
import { beforeAll, describe, expect, test } from 'vitest'
import { dev, devPrivateKey, importKey, makeHome, prime, primeJson } from './prime.js'

const cast = join(import.meta.dirname, '../../contracts/tools/bin/cast')
// Dev account 6 is only read here, never sent from.
const owner = dev(6)

describe('keys', () => {
  let home: string
  let passwordFile: string
  beforeAll(async () => {
    home = await makeHome()
    passwordFile = await importKey(home, 'owner', 6, 'right password')
  })

  test('--account unlocks a keystore written by cast wallet import', async () => {
    const status = await primeJson(
      ['provider', 'status', '--account', 'owner', '--password-file', passwordFile],
      {
        home,
      },
    )
    expect(status.address).toBe(owner.address)
    // PRIME_PASSWORD works as well as a file.
    const fromEnv = await primeJson(['provider', 'status', '--account', 'owner'], {
      home,
      env: { PRIME_PASSWORD: 'right password' },
    })
    expect(fromEnv.address).toBe(owner.address)
  })

  test('a wrong password fails cleanly: exit 2, no secret printed, nothing sent', async () => {
    const wrong = join(home, 'wrong.pw')
    await writeFile(wrong, 'wrong password\n', { mode: 0o600 })
    const run = await prime(
      ['provider', 'register', '--stake', '100', '--account', 'owner', '--password-file', wrong],
      { home },
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toBe("error UsageError: wrong password for keystore 'owner'\n")
    expect(run.stdout).toBe('')
  })

  test('missing keystore, missing password, no account: exit 2 with what to do', async () => {
    const missing = await prime(['provider', 'status', '--account', 'nobody'], { home })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(
      `no keystore 'nobody' (looked for ${join(home, '.foundry/keystores/nobody')}; see --keystore-dir)`,
    )
    const noPassword = await prime(['provider', 'status', '--account', 'owner'], { home })
    expect(noPassword.code).toBe(2)
    expect(noPassword.stderr).toContain(
      "no password for keystore 'owner': pass --password-file or set PRIME_PASSWORD",
    )
    const noAccount = await prime(['provider', 'stake', 'withdraw'], { home })
    expect(noAccount.code).toBe(2)
    expect(noAccount.stderr).toContain('pass --account <name> or set PRIME_PRIVATE_KEY')
    const badKey = await prime(['provider', 'stake', 'withdraw'], {
      home,
      env: { PRIME_PRIVATE_KEY: 'not-a-key' },
    })
    expect(badKey.code).toBe(2)
    expect(badKey.stderr).toContain('PRIME_PRIVATE_KEY is not a 32-byte hex private key')
    expect(badKey.stderr).not.toContain('not-a-key')
  })

  test('PRIME_PRIVATE_KEY signs for CI', async () => {
    const status = await primeJson(['provider', 'status'], {
      home,
      env: { PRIME_PRIVATE_KEY: devPrivateKey(6).slice(2) },
    })
    expect(status.address).toBe(owner.address)
  })

  test('a PBKDF2 keystore (the Web3 Secret Storage test vector) unlocks too', async () => {
    const dir = join(home, 'vectors')
    await mkdir(dir)
    await copyFile(join(import.meta.dirname, 'fixtures/pbkdf2-keystore.json'), join(dir, 'vector'))
    const status = await primeJson(
      ['provider', 'status', '--keystore-dir', dir, '--account', 'vector'],
      { home, env: { PRIME_PASSWORD: 'testpassword' } },
    )
    expect(status.address).toBe('0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b')
  })

  test('a file that is not a keystore is refused', async () => {
    await writeFile(join(home, '.foundry/keystores/broken'), '{"version":3}')
    await writeFile(join(home, '.foundry/keystores/text'), 'hello')
    const broken = await prime(['provider', 'status', '--account', 'broken'], {
      home,
      env: { PRIME_PASSWORD: 'x' },
    })
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain("keystore 'broken' is not a Web3 Secret Storage v3 file")
    const text = await prime(['provider', 'status', '--account', 'text'], {
      home,
      env: { PRIME_PASSWORD: 'x' },
    })
    expect(text.code).toBe(2)
    expect(text.stderr).toContain("keystore 'text' is not JSON")
  })

  test('node keygen writes an owner-only keystore that cast decrypts to the same address', async () => {
    const pw = join(home, 'node.pw')
    await writeFile(pw, 'node password\n', { mode: 0o600 })
    const created = await primeJson(['node', 'keygen', 'gpu-7', '--node-password-file', pw], {
      home,
    })
    expect((await stat(created.path)).mode & 0o777).toBe(0o600)
    const { stdout } = await promisify(execFile)(cast, [
      'wallet',
      'address',
      '--keystore',
      created.path,
      '--password',
      'node password',
    ])
    expect(stdout.trim()).toBe(created.address)
    expect(await readFile(created.path, 'utf8')).not.toContain('node password')
    const node = { PRIME_NODE_PASSWORD: 'p' }
    const human = await prime(['node', 'keygen', 'gpu-8'], { home, env: node })
    expect(human.stdout).toContain("node key 'gpu-8' is 0x")
    const bad = await prime(['node', 'keygen', '../escape'], { home, env: node })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("invalid key name '../escape'")
    const empty = await prime(['node', 'keygen', 'empty'], {
      home,
      env: { PRIME_NODE_PASSWORD: '' },
    })
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('refusing an empty password')
    const missingFile = await prime(
      ['node', 'keygen', 'x', '--node-password-file', join(home, 'none')],
      { home },
    )
    expect(missingFile.code).toBe(2)
    expect(missingFile.stderr).toBe(
      `error UsageError: password file ${join(home, 'none')} does not exist\n`,
    )
  })

  test('node keys have one password source: keygen, add and work submit all name --node-password-file', async () => {
    // The account's password must not stand in for the node's: a key made with one source and
    // unlocked with another was the detour the runbook needed.
    const env = { PRIME_PASSWORD: 'account password' }
    const keygen = await prime(['node', 'keygen', 'gpu-9'], { home, env })
    const add = await prime(
      ['node', 'add', '--node', 'gpu-7', '--units', '1', '--specs', 's', '--account', 'owner'],
      { home, env },
    )
    const submit = await prime(
      [
        'work',
        'submit',
        '1',
        '--node',
        'gpu-7',
        '--work-key',
        `0x${'ab'.repeat(32)}`,
        '--units',
        '1',
      ],
      { home, env },
    )
    expect([keygen, add, submit].map((run) => [run.code, run.stdout, run.stderr])).toEqual([
      [
        2,
        '',
        "error UsageError: no password for new keystore 'gpu-9': pass --node-password-file or set PRIME_NODE_PASSWORD (no terminal to prompt on)\n",
      ],
      [
        2,
        '',
        "error UsageError: no password for keystore 'gpu-7': pass --node-password-file or set PRIME_NODE_PASSWORD (no terminal to prompt on)\n",
      ],
      [
        2,
        '',
        "error UsageError: no password for keystore 'gpu-7': pass --node-password-file or set PRIME_NODE_PASSWORD (no terminal to prompt on)\n",
      ],
    ])
  })

  test('keystores fail closed: short keys, weak or costly derivations and odd lengths are refused', async () => {
    const dir = join(home, 'crafted')
    await mkdir(dir, { mode: 0o700 })
    const unlock = async (name: string, keystore: object, password = 'right password') => {
      await writeFile(join(dir, name), JSON.stringify(keystore))
      return prime(['whoami', '--keystore-dir', dir, '--account', name], {
        home,
        env: { PRIME_PASSWORD: password },
      })
    }
    const refused = (name: string, problem: string, path: string) =>
      `error UsageError: keystore '${name}' is not a Web3 Secret Storage v3 file: ✖ ${problem}\n  → at ${path}\n`

    // A 16-byte derived key leaves the MAC without a key: any password passed it before.
    const short = await unlock(
      'short',
      crafted({ kdf: 'scrypt', n: 4096, r: 8, p: 1 }, 16),
      'wrong',
    )
    expect(short).toMatchObject({
      code: 2,
      stdout: '',
      stderr: refused('short', 'dklen must be 32', 'crypto.kdfparams.dklen'),
    })
    const weak = await unlock('weak', crafted({ kdf: 'scrypt', n: 2, r: 8, p: 1 }))
    expect(weak.stderr).toBe(
      refused('weak', 'scrypt n below 4096 is too weak', 'crypto.kdfparams.n'),
    )
    const weakPbkdf2 = await unlock('weak-pbkdf2', crafted({ kdf: 'pbkdf2', c: 1000 }))
    expect(weakPbkdf2.stderr).toBe(
      refused('weak-pbkdf2', 'pbkdf2 c below 8192 is too weak', 'crypto.kdfparams.c'),
    )
    // 2^36 PBKDF2 rounds would run for over ten minutes (2^30 took 12 s): refused before any
    // derivation starts, or the test times out.
    const slow = crafted({ kdf: 'pbkdf2', c: 8192 })
    slow.crypto.kdfparams = { ...slow.crypto.kdfparams, c: 2 ** 36 }
    const tooCostly = await unlock('too-costly', slow)
    expect(tooCostly.stderr).toBe(
      refused(
        'too-costly',
        'pbkdf2 c above 1048576 would take too long to derive',
        'crypto.kdfparams.c',
      ),
    )
    const odd = crafted({ kdf: 'scrypt', n: 4096, r: 8, p: 1 })
    odd.crypto.ciphertext = odd.crypto.ciphertext.slice(2)
    expect((await unlock('odd', odd)).stderr).toBe(
      refused('odd', 'expected 32 bytes', 'crypto.ciphertext'),
    )
    // What Foundry and geth write still unlocks: geth's light scrypt (n = 2^12, p = 6).
    const light = await unlock('light', crafted({ kdf: 'scrypt', n: 4096, r: 8, p: 6 }))
    expect(light).toMatchObject({
      code: 0,
      stdout: `${owner.address} (keystore light)\n`,
      stderr: '',
    })
  })

  test('a keystore folder others can write to, and a password file others can read, are warned about', async () => {
    const dir = join(home, 'shared-keys')
    await mkdir(dir)
    await writeFile(
      join(dir, 'owner'),
      JSON.stringify(crafted({ kdf: 'scrypt', n: 4096, r: 8, p: 1 })),
    )
    await chmod(dir, 0o777)
    const pw = join(home, 'shared.pw')
    await writeFile(pw, 'right password\n')
    await chmod(pw, 0o644)
    const run = await prime(
      ['whoami', '--keystore-dir', dir, '--account', 'owner', '--password-file', pw],
      { home },
    )
    expect(run).toMatchObject({
      code: 0,
      stdout: `${owner.address} (keystore owner)\n`,
      stderr:
        `warning keystore folder ${dir} is writable by others (mode 777): chmod go-w it\n` +
        `warning password file ${pw} is readable by others (mode 644): chmod go-rwx it\n`,
    })
  })
})

/**
 * A keystore of dev key 6 under `kdf`, encrypted and MACed as Web3 Secret Storage v3 says, with a
 * derived key of `dklen` bytes: what a careless or hostile tool could write.
 */
function crafted(
  kdf: { kdf: 'scrypt'; n: number; r: number; p: number } | { kdf: 'pbkdf2'; c: number },
  dklen = 32,
) {
  const salt = new Uint8Array(32).fill(7)
  const iv = new Uint8Array(16).fill(9)
  const password = 'right password'
  const key =
    kdf.kdf === 'scrypt'
      ? scrypt(password, salt, { N: kdf.n, r: kdf.r, p: kdf.p, dkLen: dklen })
      : pbkdf2(sha256, password, salt, { c: kdf.c, dkLen: dklen })
  const ciphertext = ctr(key.slice(0, 16), iv).encrypt(hexToBytes(devPrivateKey(6).slice(2)))
  const { kdf: name, ...params } = kdf
  return {
    version: 3,
    crypto: {
      cipher: 'aes-128-ctr',
      cipherparams: { iv: bytesToHex(iv) },
      ciphertext: bytesToHex(ciphertext),
      kdf: name,
      kdfparams: {
        dklen,
        ...params,
        ...(name === 'pbkdf2' ? { prf: 'hmac-sha256' } : {}),
        salt: bytesToHex(salt),
      } as Record<string, unknown>,
      mac: bytesToHex(keccak_256(concatBytes(key.slice(16, 32), ciphertext))),
    },
  }
}
