import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { expect, inject, test } from 'vitest'
import { chain, devPrivateKey, freshAccount, makeHome, rpcUrl, runProcess as run } from './prime.js'

const cliRoot = join(import.meta.dirname, '..')
const repoRoot = join(cliRoot, '..')

/** The README's runbook block, exactly as published. */
async function runbook(): Promise<string> {
  const readme = await readFile(join(cliRoot, 'README.md'), 'utf8')
  const block = /<!-- runbook:start -->\n```sh\n([\s\S]*?)```\n<!-- runbook:end -->/.exec(readme)
  if (!block) throw new Error('README.md has no runbook block')
  return block[1]!
}

// About 30 commands, each through pnpm as the README runs them (~2 s apiece before the command).
test('the README runbook runs as written, line by line', { timeout: 300_000 }, async () => {
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
  // The runbook defines `prime` itself, the README's way (pnpm --silent over the checkout in
  // PRIME_REPO), and runs from a directory outside the checkout, as an operator's would be.
  const work = await makeHome()
  const script = `set -euo pipefail\nset -x\n${await runbook()}`
  const result = await run(
    'bash',
    ['-c', script],
    {
      HOME: home,
      PATH: `${join(repoRoot, 'contracts/tools/bin')}:${process.env.PATH}`,
      NO_COLOR: '1',
      PRIME_REPO: repoRoot,
      PRIME_RPC_URL: rpcUrl(),
      PRIME_DEPLOYMENT: inject('deploymentPath'),
      PRIME_PASSWORD: 'runbook',
      PRIME_NODE_PASSWORD: 'node password',
      NODE_V8_COVERAGE: process.env.NODE_V8_COVERAGE,
    },
    work,
  )
  expect(result.code, result.stderr).toBe(0)

  // Where the runbook leaves the chain.
  const providerAddress = privateKeyToAccount(provider).address
  const stake = await client.getStake({ provider: providerAddress })
  // The work's window had ended by the exit, so exit reclaimed all of it.
  expect(stake.active).toBe(0n)
  expect(stake.unbonding).toBe(parseEther('1100'))
  expect((await client.getProvider({ provider: providerAddress })).nodes).toEqual([])
  const poolId = BigInt(/^\+ POOL=(\d+)$/m.exec(result.stderr)![1]!)
  expect((await client.getPool({ poolId })).status).toBe('COMPLETED')
  // The node's own key sent the work (it had gas), and the validation logic took it: 8 units at
  // 0.5 PRIME.
  const nodeKey = /^\+ NODE=(0x[0-9a-fA-F]{40})$/m.exec(result.stderr)![1]! as `0x${string}`
  const [accepted] = await client.getEvents({ eventName: 'WorkAccepted', args: { poolId } })
  expect(accepted!.args).toMatchObject({ nodeKey, units: 8n, reward: parseEther('4') })
  // Nothing claimable is left behind, to the wei, and the claims add up to what the pool paid.
  expect((await client.getPendingRewards({ poolId, provider: providerAddress })).total).toBe(0n)
  const claimed = await client.getEvents({
    eventName: 'RewardsClaimed',
    args: { poolId, provider: providerAddress },
  })
  const workRewards = claimed.reduce((sum, event) => sum + event.args.workRewards!, 0n)
  expect(workRewards).toBe(parseEther('4'))
  const time = claimed.reduce((sum, event) => sum + event.args.timeRewards!, 0n)
  // Two days and a few seconds of 10 units at 0.001 PRIME per unit-second: at least 1728 PRIME.
  expect(time >= parseEther('1728')).toBe(true)
  // `rewards claim` without a pool found the one pool with something claimable: one step.
  expect(result.stderr).toMatch(new RegExp(`step 1/1: claim [\\d.]+ PRIME in pool ${poolId}\n`))
  expect(result.stdout).toContain('COMPLETED')
  // --field output was bare: the shell variables hold exactly the values.
  expect(result.stderr).toMatch(/^\+ DOMAIN=\d+$/m)
})
