import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { beforeAll, describe, expect, test } from 'vitest'
import { dev, importKey, makeHome } from './prime.js'

const bin = join(import.meta.dirname, '../dist/prime.js')

/**
 * Runs `prime` on a pseudo-terminal (util-linux `script`), as an operator at a shell does, and
 * types `keys` once the password prompt shows. stdout and stderr both arrive on the terminal.
 */
function onTerminal(home: string, args: string[], keys: string) {
  // A new pseudo-terminal has no size; the prompt library would wrap after every character.
  const command = `stty cols 120 rows 40; ${[process.execPath, bin, ...args].map((word) => `'${word}'`).join(' ')}`
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: home,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      NO_COLOR: '1',
      NODE_V8_COVERAGE: process.env.NODE_V8_COVERAGE,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let screen = ''
  let typed = false
  return new Promise<{ code: number | null; screen: string }>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      screen += data
      if (!typed && screen.includes('Password for')) {
        typed = true
        child.stdin.write(keys)
      }
    })
    child.once('error', reject)
    child.once('close', (code) =>
      resolve({ code, screen: stripVTControlCharacters(screen).replaceAll('\r', '') }),
    )
  })
}

describe('password prompt on a terminal', () => {
  let home: string
  beforeAll(async () => {
    home = await makeHome()
    await importKey(home, 'owner', 6, 'typed password')
  })

  test('asks for the keystore password, masks it, and unlocks the account', async () => {
    const run = await onTerminal(
      home,
      ['whoami', '--account', 'owner', '--json'],
      'typed password\r',
    )
    expect(run.code).toBe(0)
    expect(run.screen).toContain("Password for keystore 'owner'")
    expect(run.screen).toContain(`"address": "${dev(6).address}"`)
    expect(run.screen).not.toContain('typed password')
  })

  test('a wrong typed password fails cleanly (exit 2) and echoes nothing', async () => {
    const run = await onTerminal(home, ['whoami', '--account', 'owner'], 'guess\r')
    expect(run.code).toBe(2)
    expect(run.screen).toContain("error UsageError: wrong password for keystore 'owner'")
    expect(run.screen).not.toContain('guess')
  })

  test('Ctrl-C at the prompt cancels (exit 2)', async () => {
    const run = await onTerminal(home, ['whoami', '--account', 'owner'], '\x03')
    expect(run.code).toBe(2)
    expect(run.screen).toContain('error UsageError: cancelled')
  })
})
