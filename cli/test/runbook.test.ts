import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { expect, inject, test } from 'vitest'
import { chain, devPrivateKey, freshAccount, makeHome, runProcess as run } from './prime.js'

const cliRoot = join(import.meta.dirname, '..')
const repoRoot = join(cliRoot, '..')

/** The README's runbook block, exactly as published. */
async function runbook(): Promise<string> {
  const readme = await readFile(join(cliRoot, 'README.md'), 'utf8')
  const block = /<!-- runbook:start -->\n```sh\n([\s\S]*?)```\n<!-- runbook:end -->/.exec(readme)
  if (!block) throw new Error('README.md has no runbook block')
  return block[1]!
}

test('the README runbook runs as written, line by line', async () => {
  const { client } = await chain()
  const home = await makeHome()
  // Fresh provider and manager accounts (the other files use anvil's dev accounts).
  const { key: provider } = await freshAccount()
  const { key: manager } = await freshAccount()
  // The runbook's keystores, written by cast wallet import as the README says.
  const keys = { federator: devPrivateKey(0), validator: devPrivateKey(1), provider, manager }
  const cast = join(repoRoot, 'contracts/tools/bin/cast')
  for (const [name, key] of Object.entries(keys))
    await run(
      cast,
      ['wallet', 'import', name, '--private-key', key, '--unsafe-password', 'runbook'],
      {
        HOME: home,
      },
    )
  // `prime` on the PATH, as an installed CLI would be.
  const bin = join(home, 'bin')
  await mkdir(bin)
  await writeFile(
    join(bin, 'prime'),
    `#!/bin/sh\nexec "${process.execPath}" "${join(cliRoot, 'dist/prime.js')}" "$@"\n`,
  )
  await chmod(join(bin, 'prime'), 0o755)

  const script = `set -euo pipefail\nset -x\n${await runbook()}`
  const result = await run('bash', ['-c', script], {
    HOME: home,
    PATH: `${bin}:${join(repoRoot, 'contracts/tools/bin')}:${process.env.PATH}`,
    NO_COLOR: '1',
    PRIME_RPC_URL: inject('rpcUrl'),
    PRIME_DEPLOYMENT: inject('deploymentPath'),
    PRIME_PASSWORD: 'runbook',
    PRIME_NODE_PASSWORD: 'node password',
    NODE_V8_COVERAGE: process.env.NODE_V8_COVERAGE,
  })
  expect(result.code, result.stderr).toBe(0)

  // Where the runbook leaves the chain.
  const providerAddress = privateKeyToAccount(provider).address
  const stake = await client.getStake({ provider: providerAddress })
  // No work was submitted, so exit reclaimed all of it.
  expect(stake.active).toBe(0n)
  expect(stake.unbonding).toBe(parseEther('1100'))
  expect((await client.getProvider({ provider: providerAddress })).nodes).toEqual([])
  const poolId = BigInt(/^\+ POOL=(\d+)$/m.exec(result.stderr)![1]!)
  expect((await client.getPool({ poolId })).status).toBe('COMPLETED')
  const claimed = await client.getEvents({
    eventName: 'RewardsClaimed',
    args: { poolId, provider: providerAddress },
  })
  // One hour and a few seconds of 10 units at 0.001 PRIME per unit-second: at least 36 PRIME.
  const total = claimed.reduce(
    (sum, event) => sum + event.args.timeRewards! + event.args.workRewards!,
    0n,
  )
  expect(total >= parseEther('36')).toBe(true)
  // `rewards claim` without a pool found the one pool with something claimable: one step.
  expect(result.stderr).toMatch(new RegExp(`step 1/1: claim [\\d.]+ PRIME in pool ${poolId}\n`))
  expect(result.stdout).toContain('COMPLETED')
})
