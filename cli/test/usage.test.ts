import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { bin, freshAccount, makeHome, prime, primeJson, rpcUrl, runProcess } from './prime.js'

describe('usage, help and config', () => {
  let home: string
  beforeAll(async () => {
    home = await makeHome()
  })

  test('help output', async () => {
    const root = await prime(['--help'], { home })
    expect(root.code).toBe(0)
    expect(root.stdout).toMatchSnapshot()
    const register = await prime(['provider', 'register', '--help'], { home })
    expect(register.stdout).toMatchSnapshot()
    // The validator's work checks live under `work`; its help points there.
    const validator = await prime(['validator', '--help'], { home })
    expect(validator.stdout).toMatchSnapshot()
    for (const group of [
      'network',
      'provider',
      'node',
      'pool',
      'rewards',
      'validator',
      'domain',
      'work',
      'watch',
      'history',
    ]) {
      const help = await prime([group, '--help'], { home })
      expect(help.code).toBe(0)
      expect(help.stdout).toContain(`Usage: prime ${group}`)
    }
    const version = await prime(['--version'], { home })
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  test('a reader that stops early ends prime quietly: `prime --help | head -1`', async () => {
    const run = await runProcess(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${bin}" --help | head -1`],
      { PATH: process.env.PATH, HOME: home },
    )
    expect(run).toMatchObject({ code: 0, stdout: 'Usage: prime [options] [command]\n', stderr: '' })
  })

  test('bad usage exits 2 and names the problem', async () => {
    const cases: [string[], string][] = [
      [['provider', 'register', '--stake', '1.5e-3'], "invalid amount '1.5e-3'"],
      [['provider', 'register', '--stake', '1.5 wei'], 'it is not a whole number of wei'],
      [['provider', 'register'], "required option '--stake <amount>' not specified"],
      [['provider', 'status', '0x1234'], "'0x1234' is not an address"],
      [['pool', 'show', '0'], "'0' is not an id"],
      [
        ['node', 'add', '--node', 'n', '--units', '-1', '--specs', 's'],
        "'-1' is not a non-negative integer",
      ],
      [['nonsense'], "unknown command 'nonsense'"],
    ]
    for (const [args, message] of cases) {
      const run = await prime(args, { home })
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toContain(message)
    }
  })

  test('a mixed-case address must pass its EIP-55 checksum, everywhere an address is taken', async () => {
    // dev(1) is 0x70997970C51812dc3A010C7d01b50e0d17dc79C8: one character typed wrong (C8 -> C9),
    // and one letter in the wrong case, both fail the checksum.
    const typo = '0x70997970C51812dc3A010C7d01b50e0d17dc79C9'
    const cased = '0x70997970c51812dc3A010C7d01b50e0d17dc79C8'
    const env = { PRIME_PRIVATE_KEY: `0x${'11'.repeat(32)}` }
    const inviteFile = join(home, 'miscased.invite.json')
    await writeFile(
      inviteFile,
      JSON.stringify({
        poolId: '1',
        nodeKey: cased,
        provider: cased,
        nonce: '1',
        expiry: '1',
        signature: '0x00',
      }),
    )
    const cases: [string[], string][] = [
      [['validator', 'whitelist', cased], cased],
      [['network', 'set-treasury', typo, '--dry-run'], typo],
      [['provider', 'status', typo], typo],
      [['pool', 'create', '--domain', '1', '--manager', cased, '--name', 'p'], cased],
      [['pool', 'leave', '1', '--node', cased], cased],
      [['validator', 'slash', cased.toLowerCase(), '1', '--evict', `1:${typo}`], typo],
      [['pool', 'join', '1', '--invite', inviteFile], `invite ${inviteFile}: nodeKey '${cased}`],
    ]
    for (const [args, named] of cases) {
      const run = await prime(args, { home, env })
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stdout, args.join(' ')).toBe('')
      expect(run.stderr, args.join(' ')).toContain(
        `${named}' fails its EIP-55 checksum (a typo?): copy the address again, or write it all in lowercase to skip the check`,
      )
    }
    // Without case there is no checksum to check: all lowercase is taken, and shown checksummed.
    const lower = await primeJson(['provider', 'status', cased.toLowerCase()], { home })
    expect(lower.address).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')
  })

  test('prime completion bash completes commands, subcommands and options from the tree', async () => {
    const script = await prime(['completion', 'bash'], { home })
    expect(script.code).toBe(0)
    const file = join(home, 'prime.bash')
    await writeFile(file, script.stdout)
    // Real bash, with the script loaded as the help says, completing what a user has typed.
    const complete = async (...typed: string[]) => {
      const run = await runProcess(
        'bash',
        [
          '-c',
          `source '${file}'; COMP_WORDS=(prime ${typed.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${typed.length}; _prime; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { PATH: process.env.PATH, HOME: home },
      )
      return run.stdout.trim().split('\n')
    }
    expect(await complete('po')).toEqual(['pool'])
    expect(await complete('pool', 'f')).toEqual(['fund'])
    expect(await complete('pool', 'set-')).toEqual([
      'set-rate',
      'set-work-rate',
      'set-lock',
      'set-manager-key',
    ])
    expect(await complete('provider', 'stake', 'w')).toEqual(['withdraw'])
    expect(await complete('pool', 'fund', '--dr')).toEqual(['--dry-run'])
    expect(await complete('pool', 'set-work-rate', '--max')).toEqual(['--max-locked-per-node'])
    for (const shell of ['zsh', 'fish']) {
      const other = await prime(['completion', shell], { home })
      expect(other.code, shell).toBe(0)
      expect(other.stdout, shell).toContain("'pool set-work-rate'")
    }
    const bad = await prime(['completion', 'tcsh'], { home })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("'tcsh' is not a shell prime completes (bash, zsh, fish)")
  })

  test('--field prints one value bare; a missing field prints everything and exits 2', async () => {
    const env = { PRIME_PRIVATE_KEY: `0x${'11'.repeat(32)}` }
    const address = await prime(['whoami', '--field', 'address'], { home, env })
    expect(address.stdout).toMatch(/^0x[0-9a-fA-F]{40}\n$/)
    const human = await prime(['whoami'], { home, env })
    expect(human.stdout).toBe(`${address.stdout.trim()} (PRIME_PRIVATE_KEY)\n`)
    const typo = await prime(['whoami', '--field', 'adress'], { home, env })
    expect(typo.code).toBe(2)
    expect(JSON.parse(typo.stdout).address).toBe(address.stdout.trim())
    expect(typo.stderr).toContain("the result has no field 'adress'")
  })

  test('an unreachable RPC exits 1', async () => {
    const run = await prime(['network', 'status', '--rpc-url', 'http://127.0.0.1:9'], { home })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('cannot reach http://127.0.0.1:9')
  })

  test('credentials in URLs are never printed: errors, --json, config, dry runs', async () => {
    // Basic auth and an API key in the path and in the query, as hosted RPCs take them.
    const secretUrl = (base: string) => {
      const url = new URL(`${base}/v3/9aa3d95b3bc440fa88ea12eaa4456161?apikey=query-secret`)
      url.username = 'operator'
      url.password = 'password-secret'
      return url.href
    }
    const unreachable = await prime(
      ['network', 'status', '--rpc-url', secretUrl('http://127.0.0.1:9')],
      {
        home,
      },
    )
    expect(unreachable).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'error NetworkError: cannot reach http://***@127.0.0.1:9/v3/***?apikey=***: HTTP request failed. (bad port)\n',
    })
    const json = await prime(
      ['network', 'status', '--json', '--rpc-url', secretUrl('http://127.0.0.1:9')],
      { home },
    )
    expect(JSON.parse(json.stdout).error.message).toBe(
      'cannot reach http://***@127.0.0.1:9/v3/***?apikey=***: HTTP request failed. (bad port)',
    )
    const invalid = await prime(['config', '--rpc-url', 'operator:password-secret@10.0.0.1/key'], {
      home,
    })
    expect(invalid).toMatchObject({
      code: 2,
      stderr: "error UsageError: invalid RPC URL '***@10.0.0.1/***' (from flag)\n",
    })
    const config = await primeJson(['config'], {
      home,
      env: {
        PRIME_RPC_URL: secretUrl('http://10.0.0.1:8545'),
        PRIME_INDEXER_URL: secretUrl('http://10.0.0.1:42069'),
      },
    })
    expect(config.rpcUrl.value).toBe('http://***@10.0.0.1:8545/v3/***?apikey=***')
    expect(config.indexer.value).toBe('http://***@10.0.0.1:42069/v3/***?apikey=***')
    // The test chain answers only at its root path: basic auth alone, which it ignores.
    const withAuth = new URL(rpcUrl())
    withAuth.username = 'operator'
    withAuth.password = 'password-secret'
    const dry = await prime(['provider', 'register', '--stake', '100', '--dry-run'], {
      home,
      env: { ...(await freshAccount()).env, PRIME_RPC_URL: withAuth.href },
    })
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toMatch(
      /^Dry run on a local fork of http:\/\/\*\*\*@127\.0\.0\.1:\d+\/ at block \d+: nothing was sent\./,
    )
    for (const run of [unreachable, json, invalid, dry])
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/secret|9aa3d95b/)
  })

  test('config shows each value and where it came from; secrets only as set', async () => {
    const dir = join(home, 'project')
    await mkdir(dir)
    await writeFile(
      join(dir, 'prime.json'),
      JSON.stringify({ account: 'provider', keystoreDir: 'keys', passwordFile: 'provider.pw' }),
    )
    const config = await primeJson(
      ['config', '--config', join(dir, 'prime.json'), '--rpc-url', 'http://10.0.0.1:8545'],
      {
        home,
        env: { PRIME_PRIVATE_KEY: '0x'.padEnd(66, '1'), PRIME_DEPLOYMENT: undefined },
      },
    )
    expect(config).toEqual({
      configFile: { value: join(dir, 'prime.json'), source: 'flag' },
      rpcUrl: { value: 'http://10.0.0.1:8545', source: 'flag' },
      indexer: { source: 'default' },
      logBlockRange: { source: 'default' },
      deployment: { source: 'default' },
      account: { value: 'provider', source: 'config', from: join(dir, 'prime.json') },
      keystoreDir: { value: join(dir, 'keys'), source: 'config', from: join(dir, 'prime.json') },
      passwordFile: {
        value: join(dir, 'provider.pw'),
        source: 'config',
        from: join(dir, 'prime.json'),
      },
      password: { value: false, source: 'default' },
      privateKey: { value: true, source: 'env', from: 'PRIME_PRIVATE_KEY' },
    })
    // An account given as a path is relative to the config file too, like keystoreDir.
    await writeFile(join(dir, 'by-path.json'), JSON.stringify({ account: 'keys/provider' }))
    const byPath = await primeJson(['config', '--config', join(dir, 'by-path.json')], { home })
    expect(byPath.account).toEqual({
      value: join(dir, 'keys/provider'),
      source: 'config',
      from: join(dir, 'by-path.json'),
    })
    // The default file under XDG_CONFIG_HOME, and the environment over it.
    await mkdir(join(home, 'xdg/prime'), { recursive: true })
    await writeFile(
      join(home, 'xdg/prime/config.json'),
      JSON.stringify({ rpcUrl: 'http://file:1' }),
    )
    const human = await prime(['config'], {
      home,
      env: {
        XDG_CONFIG_HOME: join(home, 'xdg'),
        PRIME_RPC_URL: undefined,
        PRIME_ACCOUNT: 'ops',
        PRIME_PASSWORD: 'hunter2',
      },
    })
    expect(human.code).toBe(0)
    expect(human.stdout).toContain('http://file:1  [config:')
    expect(human.stdout).toContain('ops  [env: PRIME_ACCOUNT]')
    expect(human.stdout).toContain('(set)  [env: PRIME_PASSWORD]')
    expect(human.stdout).not.toContain('hunter2')
  })

  test('an invalid config file is refused with the reason, exit 2', async () => {
    const file = join(home, 'bad.json')
    await writeFile(file, JSON.stringify({ rpcUrl: 'localhost', acount: 'typo' }))
    const run = await prime(['config', '--config', file], { home })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`config file ${file} is invalid`)
    expect(run.stderr).toContain('acount')
    expect(run.stderr).toContain('expected an http(s) or ws(s) URL')
    await writeFile(file, '{')
    const notJson = await prime(['config', '--config', file], { home })
    expect(notJson.stderr).toContain('is not valid JSON')
    const missing = await prime(['config'], {
      home,
      env: { PRIME_CONFIG: join(home, 'none.json') },
    })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('does not exist')
    const badUrl = await prime(['config', '--rpc-url', 'ftp://x'], { home })
    expect(badUrl.code).toBe(2)
    expect(badUrl.stderr).toContain("invalid RPC URL 'ftp://x' (from flag)")
  })

  test('a deployment for another chain, or none, is refused', async () => {
    const other = join(home, 'other.json')
    await writeFile(
      other,
      JSON.stringify({
        chainId: 1,
        deploymentBlock: 0,
        token: '0x0000000000000000000000000000000000000001',
        primeNetwork: '0x0000000000000000000000000000000000000002',
        stakeManager: '0x0000000000000000000000000000000000000003',
        computeRegistry: '0x0000000000000000000000000000000000000004',
        domainRegistry: '0x0000000000000000000000000000000000000005',
        computePool: '0x0000000000000000000000000000000000000006',
        rewardsDistributor: '0x0000000000000000000000000000000000000007',
      }),
    )
    const wrongChain = await prime(['network', 'status', '--deployment', other], { home })
    expect(wrongChain.code).toBe(2)
    expect(wrongChain.stderr).toContain(`deployment ${other} is for chain 1, but`)
    const none = await prime(['network', 'status'], { home, env: { PRIME_DEPLOYMENT: undefined } })
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('no deployment known for chain 31337: pass --deployment <file>')
    const missing = await prime(['network', 'status', '--deployment', join(home, 'x.json')], {
      home,
    })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('does not exist')
  })
})
