import { parseEther } from 'viem'
import { expect, test } from 'vitest'
import { plan, runDemo, timeline } from './demo.js'

test('the demo walks the whole flow and ends with exact figures', async () => {
  let report = ''
  const summary = await runDemo({ sink: { write: (text: string) => (report += text) } })
  const rate = plan.rewardRate
  const million = parseEther('1000000') // what the deploy mints to each dev account

  expect(summary.rewardRate).toBe(parseEther('0.001'))
  // rate x units x seconds, each node's seconds from the pinned timeline.
  expect(summary.nodes).toEqual([
    {
      name: 'alice-gpu-1',
      nodeKey: expect.any(String),
      provider: 'alice',
      computeUnits: 10n,
      claimedSeconds: 3780n,
      claimed: rate * 10n * 3780n,
      pending: rate * 10n * (timeline.managerEndsPool - timeline.aliceClaims),
    },
    {
      name: 'alice-gpu-2',
      nodeKey: expect.any(String),
      provider: 'alice',
      computeUnits: 5n,
      claimedSeconds: 3660n,
      claimed: rate * 5n * 3660n,
      pending: 0n,
    },
    {
      name: 'bob-gpu-1',
      nodeKey: expect.any(String),
      provider: 'bob',
      computeUnits: 20n,
      claimedSeconds: 3660n,
      claimed: rate * 20n * 3660n,
      pending: 0n,
    },
  ])
  expect(summary.nodes.map((node) => node.claimed)).toEqual([
    parseEther('37.8'),
    parseEther('18.3'),
    parseEther('73.2'),
  ])

  const [alice, bob] = summary.providers
  expect(alice).toMatchObject({
    name: 'alice',
    staked: parseEther('1000'),
    activeStake: parseEther('1000'),
    unbonding: 0n,
    withdrawn: 0n,
    rewardsClaimed: parseEther('56.1'),
    balanceBefore: million,
    balanceAfter: million - parseEther('1000') + parseEther('56.1'),
  })
  expect(bob).toMatchObject({
    name: 'bob',
    staked: parseEther('1200'),
    activeStake: 0n,
    unbonding: 0n,
    withdrawn: parseEther('1200'),
    rewardsClaimed: parseEther('73.2'),
    balanceBefore: million,
    balanceAfter: million + parseEther('73.2'),
  })
  expect(summary.creator).toMatchObject({
    balanceBefore: million,
    balanceAfter: million - parseEther('1000') + parseEther('869.5'),
  })
  // funded == claimed + claimable + unaccrued (returned to the creator after the end)
  expect(summary.poolFunded).toBe(parseEther('1000'))
  expect(summary.poolBudgetReturned).toBe(
    parseEther('1000') -
      parseEther('37.8') -
      parseEther('18.3') -
      parseEther('73.2') -
      parseEther('1.2'),
  )
  expect(summary.poolBudgetReturned).toBe(parseEther('869.5'))
  expect(summary.poolBudgetLeft).toBe(0n)
  expect(summary.transactions).toBeGreaterThanOrEqual(25)
  expect(summary.gasUsed).toBeGreaterThan(0n)

  for (const heading of [
    '[1/14] Start a local chain',
    '[2/14] Deploy the protocol',
    '[14/14] Summary',
    'NothingToWithdraw (caught in simulation, nothing sent)',
  ])
    expect(report).toContain(heading)
  expect(report).toMatch(/↳ tx 0x[0-9a-f]{64} {2}gas [\d,]+/)
})
