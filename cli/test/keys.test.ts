import { execFile } from 'node:child_process'
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
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
    await writeFile(wrong, 'wrong password\n')
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
    await writeFile(pw, 'node password\n')
    const created = await primeJson(['node', 'keygen', 'gpu-7', '--password-file', pw], { home })
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
    const human = await prime(['node', 'keygen', 'gpu-8'], { home, env: { PRIME_PASSWORD: 'p' } })
    expect(human.stdout).toContain("node key 'gpu-8' is 0x")
    const bad = await prime(['node', 'keygen', '../escape'], { home, env: { PRIME_PASSWORD: 'p' } })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("invalid key name '../escape'")
    const empty = await prime(['node', 'keygen', 'empty'], { home, env: { PRIME_PASSWORD: '' } })
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('refusing an empty password')
    const missingFile = await prime(
      ['node', 'keygen', 'x', '--password-file', join(home, 'none')],
      {
        home,
      },
    )
    expect(missingFile.code).toBe(2)
    expect(missingFile.stderr).toContain('password file')
  })
})
