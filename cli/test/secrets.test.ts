import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  rpcUrl as chainUrl,
  dev,
  freshAccount,
  importKey,
  makeHome,
  prime,
  type Run,
} from './prime.js'

// This file's actors: two fresh accounts, one signing from PRIME_PRIVATE_KEY and one from a
// keystore. Every secret below is known to the test, and every output of every run is searched
// for each of them at the end, in every form: hex with and without 0x, in any case.

const rpcUser = 'ops-user-9f2c'
const rpcPassword = 'Rpc-Pa55w0rd-77'
const apiKey = '9aa3d95b3bc440fa88ea12eaa4456161'
const queryKey = 'QK7x2mP9vL4nR8'
const keystorePassword = 'Keystore-Pa55-4411'
const nodePassword = 'Node-Pa55-8823'
const wrongPassword = 'Wrong-Pa55-5150'
const indexerPassword = 'Idx-Pa55-3141'
const mnemonic = 'legal winner thank year wave sausage worth useful legal winner thank yellow'

/**
 * An RPC provider as operators meet one: Basic credentials and an API key in the path and the
 * query. Wrong credentials get a 401 whose body quotes the key, as some providers' replies do.
 */
function startCredentialedRpc(upstream: string) {
  let served = 0
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => {
      body += chunk
    })
    request.on('end', async () => {
      const auth = `Basic ${Buffer.from(`${rpcUser}:${rpcPassword}`).toString('base64')}`
      if (
        request.headers.authorization !== auth ||
        request.url !== `/v3/${apiKey}?key=${queryKey}`
      ) {
        response.writeHead(401).end(`{"error":"invalid project id ${apiKey}"}`)
        return
      }
      served += 1
      const reply = await fetch(upstream, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      response
        .writeHead(reply.status, { 'content-type': 'application/json' })
        .end(await reply.text())
    })
  })
  return {
    server,
    served: () => served,
    listening: new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    ),
  }
}

describe('no secret is ever printed, on any output path', () => {
  let home: string
  let rpc: ReturnType<typeof startCredentialedRpc>
  let rpcUrl: string
  let envSigner: Awaited<ReturnType<typeof freshAccount>>
  let keystoreSigner: Awaited<ReturnType<typeof freshAccount>>
  let passwordFile: string
  /** Every run of this file, by what it did: all of them are searched at the end. */
  const runs: [label: string, run: Run][] = []
  const secrets: string[] = [
    rpcUser,
    rpcPassword,
    apiKey,
    queryKey,
    Buffer.from(`${rpcUser}:${rpcPassword}`).toString('base64'),
    keystorePassword,
    nodePassword,
    wrongPassword,
    indexerPassword,
    mnemonic,
  ]

  /** Runs `prime` with the credentialed RPC and a mnemonic in the environment, and keeps the run. */
  async function run(label: string, args: string[], env: Record<string, string> = {}) {
    const result = await prime(args, {
      home,
      env: { PRIME_RPC_URL: rpcUrl, MNEMONIC: mnemonic, ...env },
    })
    runs.push([label, result])
    return result
  }
  const asEnvSigner = () => ({ PRIME_PRIVATE_KEY: envSigner.key, PRIME_PASSWORD: keystorePassword })
  const asKeystore = () => ['--account', 'ops', '--password-file', passwordFile]

  beforeAll(async () => {
    home = await makeHome()
    rpc = startCredentialedRpc(chainUrl())
    rpcUrl = `http://${rpcUser}:${rpcPassword}@127.0.0.1:${await rpc.listening}/v3/${apiKey}?key=${queryKey}`
    envSigner = await freshAccount()
    keystoreSigner = await freshAccount()
    passwordFile = await importKey(home, 'ops', keystoreSigner.key, keystorePassword)
    const keystore = await readFile(join(home, '.foundry/keystores/ops'), 'utf8')
    const { crypto } = JSON.parse(keystore)
    secrets.push(
      envSigner.key,
      keystoreSigner.key,
      keystore,
      crypto.ciphertext,
      crypto.mac,
      crypto.kdfparams.salt,
      crypto.cipherparams.iv,
    )
  })
  afterAll(() => {
    rpc.server.close()
  })

  test('--help, config and whoami, with every secret set', async () => {
    for (const args of [['--help'], ['provider', 'register', '--help'], ['config', '--help']])
      expect((await run(args.join(' '), args, asEnvSigner())).code).toBe(0)
    const config = await run('config', ['config', ...asKeystore()], asEnvSigner())
    expect(config.code).toBe(0)
    // The URL is shown with its secrets masked, and the secrets only as set.
    expect(config.stdout).toContain(`http://***@127.0.0.1:${await rpc.listening}/v3/***?key=***`)
    expect(config.stdout).toMatch(/privateKey +│ \(set\)/)
    expect((await run('config --json', ['config', '--json'], asEnvSigner())).code).toBe(0)
    for (const [label, env, args] of [
      ['env key', asEnvSigner(), []],
      ['keystore', {}, asKeystore()],
    ] as const) {
      expect((await run(`whoami ${label}`, ['whoami', ...args], env)).code).toBe(0)
      const field = await run(
        `whoami --field ${label}`,
        ['whoami', ...args, '--field', 'address'],
        env,
      )
      expect(field.stdout).toMatch(/^0x[0-9a-fA-F]{40}\n$/)
      // A --field that is not in the result prints the whole result.
      const typo = await run(
        `whoami --field typo ${label}`,
        ['whoami', ...args, '--field', 'key'],
        env,
      )
      expect(typo.code).toBe(2)
    }
  })

  test('a write through the credentialed RPC: progress lines and the result', async () => {
    const status = await run('network status', ['network', 'status', '--json'])
    expect(status.code, status.stderr).toBe(0)
    const register = await run(
      'register',
      ['provider', 'register', '--stake', '100'],
      asEnvSigner(),
    )
    expect(register.code, register.stderr).toBe(0)
    expect(register.stderr).toMatch(/sent 0x[0-9a-f]{64}\n/)
    // The RPC answered only with the credentials: they were used, and never shown.
    expect(rpc.served()).toBeGreaterThan(0)
  })

  test('failing writes, as the env key and as the keystore, people and --json', async () => {
    for (const [label, env, args] of [
      ['env key', asEnvSigner(), []],
      ['keystore', {}, asKeystore()],
    ] as const) {
      const whitelist = ['validator', 'whitelist', dev(9).address, ...args]
      const denied = await run(`failing write ${label}`, whitelist, env)
      expect(denied.code).toBe(1)
      expect(denied.stderr).toContain('error MissingRole: ')
      expect((await run(`failing write --json ${label}`, [...whitelist, '--json'], env)).code).toBe(
        1,
      )
    }
  })

  test('a dry run on a fork of the credentialed RPC, people and --json', async () => {
    const args = ['provider', 'register', '--stake', '100', '--dry-run', ...asKeystore()]
    const dry = await run('dry run', args)
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toContain(`Dry run on a local fork of http://***@127.0.0.1:`)
    expect((await run('dry run --json', [...args, '--json'])).code).toBe(0)
    // Each run starts an anvil fork through the credentialed RPC: slow on a loaded machine.
  }, 180_000)

  test('errors that quote what they read: RPC replies, URLs, keystores, config files', async () => {
    // Wrong credentials: the provider's reply quotes the API key.
    const refused = await run('rpc 401', ['network', 'status'], {
      PRIME_RPC_URL: rpcUrl.replace(rpcPassword, wrongPassword),
    })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(
      `error NetworkError: cannot reach http://***@127.0.0.1:${await rpc.listening}/v3/***?key=***: HTTP request failed. (status 401: "invalid project id ***")\n`,
    )
    // Nothing answers: the URL is named, masked.
    const unreachable = await run('rpc down', ['network', 'status'], {
      PRIME_RPC_URL: `http://${rpcUser}:${rpcPassword}@127.0.0.1:1/v3/${apiKey}`,
    })
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toContain(
      'error NetworkError: cannot reach http://***@127.0.0.1:1/v3/***',
    )
    const indexer = await run('indexer down', [
      'history',
      'claims',
      dev(9).address,
      '--indexer',
      `http://idx:${indexerPassword}@127.0.0.1:1/graphql`,
    ])
    expect(indexer.code).toBe(1)
    // A wrong keystore password, a key that is not one, a keystore that is not JSON.
    const wrong = await run('wrong password', ['whoami', '--account', 'ops'], {
      PRIME_PASSWORD: wrongPassword,
    })
    expect(wrong.stderr).toBe("error UsageError: wrong password for keystore 'ops'\n")
    const badKey = await run('bad key', ['whoami'], { PRIME_PRIVATE_KEY: `${envSigner.key}00` })
    expect(badKey.code).toBe(2)
    const keystore = await readFile(join(home, '.foundry/keystores/ops'), 'utf8')
    await writeFile(join(home, 'broken'), keystore.slice(0, -2), { mode: 0o600 })
    const broken = await run('broken keystore', ['whoami', '--account', join(home, 'broken')], {
      PRIME_PASSWORD: keystorePassword,
    })
    expect(broken.code).toBe(2)
    // A config file whose URL lost its quotes: the parser's message would quote the text there.
    const config = join(home, 'config.json')
    await writeFile(config, `{"rpcUrl": ${rpcUrl}}`)
    const unparsable = await run('broken config', ['config', '--config', config])
    expect(unparsable.stderr).toBe(
      `error UsageError: config file ${config} is not valid JSON: Unexpected token 'h'\n`,
    )
    await writeFile(config, JSON.stringify({ rpcUrl }))
    const fromFile = await run('config file', ['config', '--config', config], {
      PRIME_RPC_URL: '',
    })
    expect(fromFile.stdout).toContain('http://***@127.0.0.1:')
    // A usage error commander reports, with the URL on the command line.
    expect((await run('usage error', ['--rpc-url', rpcUrl, 'no-such-command'])).code).toBe(2)
  })

  test('a private key pasted where an address goes is refused and never echoed', async () => {
    // The key in the environment, and another key the process never read.
    for (const [label, key] of [
      ['env key as address', envSigner.key],
      ['other key as address', keystoreSigner.key.slice(2).toUpperCase()],
    ] as const) {
      const pasted = await run(label, ['validator', 'whitelist', key], asEnvSigner())
      expect(pasted.code).toBe(2)
      expect(pasted.stderr).toContain(
        "'***' is 32 bytes, not an address (a private key? not shown)",
      )
    }
  })

  test('node keygen: its password and the new keystore', async () => {
    const keygen = await run('node keygen', ['node', 'keygen', 'gpu-9', '--json'], {
      PRIME_NODE_PASSWORD: nodePassword,
    })
    expect(keygen.code, keygen.stderr).toBe(0)
    const written = await readFile(join(home, '.foundry/keystores/gpu-9'), 'utf8')
    const { crypto } = JSON.parse(written)
    secrets.push(
      written,
      crypto.ciphertext,
      crypto.mac,
      crypto.kdfparams.salt,
      crypto.cipherparams.iv,
    )
    expect(JSON.parse(keygen.stdout).address).toMatch(/^0x[0-9a-fA-F]{40}$/)
  })

  test('no run printed any secret, in any form', () => {
    expect(runs.length).toBeGreaterThan(25)
    const forms = secrets.map((secret) =>
      // Hex in any case, with or without 0x: compare bare and lowercase.
      /^0x[0-9a-fA-F]+$/.test(secret) ? secret.slice(2).toLowerCase() : secret.toLowerCase(),
    )
    const leaks = runs.flatMap(([label, { stdout, stderr }]) => {
      const printed = `${stdout}\n${stderr}`.toLowerCase()
      return forms.filter((form) => printed.includes(form)).map((form) => `${label}: ${form}`)
    })
    expect(leaks).toEqual([])
  })
})
