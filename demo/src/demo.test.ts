import { parseEther } from 'viem'
import { expect, test } from 'vitest'
import { plan, runDemo, timeline, works } from './demo.js'

test('the demo walks the whole flow and ends with exact figures', async () => {
  let report = ''
  const summary = await runDemo({ sink: { write: (text: string) => (report += text) } })
  const rate = plan.rewardRate
  const million = parseEther('1000000') // what the deploy mints to each dev account

  expect(summary.rewardRate).toBe(parseEther('0.001'))
  expect(summary.workRewardRate).toBe(parseEther('0.5'))
  const work = plan.workRewardRate
  const accepted = (node: string) =>
    works
      .filter((w) => w.node === node && w.verdict === 'accepted')
      .reduce((sum, w) => sum + w.units, 0n)
  expect([accepted('alice-gpu-1'), accepted('alice-gpu-2'), accepted('bob-gpu-1')]).toEqual([
    40n,
    0n,
    60n,
  ])
  // rate x units x seconds, each node's seconds from the pinned timeline.
  expect(summary.nodes).toEqual([
    {
      name: 'alice-gpu-1',
      nodeKey: expect.any(String),
      provider: 'alice',
      computeUnits: 10n,
      claimedSeconds: 3780n,
      claimed: rate * 10n * 3780n,
      workClaimed: work * 40n,
      pending: rate * 10n * (timeline.managerEndsPool - timeline.aliceClaims),
    },
    {
      name: 'alice-gpu-2',
      nodeKey: expect.any(String),
      provider: 'alice',
      computeUnits: 5n,
      claimedSeconds: 3660n,
      claimed: rate * 5n * 3660n,
      // Both of its works were invalidated: no work reward.
      workClaimed: 0n,
      pending: 0n,
    },
    {
      name: 'bob-gpu-1',
      nodeKey: expect.any(String),
      provider: 'bob',
      computeUnits: 20n,
      claimedSeconds: 3660n,
      claimed: rate * 20n * 3660n,
      workClaimed: work * 60n,
      pending: 0n,
    },
  ])
  expect(summary.nodes.map((node) => node.claimed)).toEqual([
    parseEther('37.8'),
    parseEther('18.3'),
    parseEther('73.2'),
  ])

  const [alice, bob] = summary.providers
  expect(summary.nodes.map((node) => node.workClaimed)).toEqual([
    parseEther('20'),
    0n,
    parseEther('30'),
  ])
  expect(summary.penaltySlashed).toBe(parseEther('25'))

  // alice: 56.1 for time, 20 for work; 25 of her stake slashed for the invalidated work.
  expect(alice).toMatchObject({
    name: 'alice',
    staked: parseEther('1000'),
    activeStake: parseEther('975'),
    unbonding: 0n,
    withdrawn: 0n,
    rewardsClaimed: parseEther('76.1'),
    balanceBefore: million,
    balanceAfter: million - parseEther('1000') + parseEther('76.1'),
  })
  expect(bob).toMatchObject({
    name: 'bob',
    staked: parseEther('1200'),
    activeStake: 0n,
    unbonding: 0n,
    withdrawn: parseEther('1200'),
    rewardsClaimed: parseEther('103.2'),
    balanceBefore: million,
    balanceAfter: million + parseEther('103.2'),
  })
  expect(summary.creator).toMatchObject({
    balanceBefore: million,
    balanceAfter: million - parseEther('1000') + parseEther('819.5'),
  })
  // funded == claimed (time and work) + claimable + unearned (returned to the creator after the
  // end); the invalidated works' rewards went back into the budget, so they are in the return.
  expect(summary.poolFunded).toBe(parseEther('1000'))
  expect(summary.poolBudgetReturned).toBe(
    parseEther('1000') -
      parseEther('37.8') -
      parseEther('18.3') -
      parseEther('73.2') -
      parseEther('1.2') -
      parseEther('20') -
      parseEther('30'),
  )
  expect(summary.poolBudgetReturned).toBe(parseEther('819.5'))
  expect(summary.poolBudgetLeft).toBe(0n)
  expect(summary.transactions).toBeGreaterThanOrEqual(25)
  expect(summary.gasUsed).toBeGreaterThan(0n)

  for (const heading of [
    '[1/16] Start a local chain',
    '[2/16] Deploy the protocol',
    '[10/16] Nodes submit work',
    '[11/16] The validator checks the work',
    '[16/16] Summary',
    'NothingToWithdraw (caught in simulation, nothing sent)',
    'invalidateWork "bad-001": 5 PRIME back to the budget, 25 PRIME slashed from alice to the treasury',
    'softInvalidateWork "doubtful-001": 4 PRIME back to the budget, no penalty',
  ])
    expect(report).toContain(heading)
  expect(report).toMatch(/↳ tx 0x[0-9a-f]{64} {2}gas [\d,]+/)
})
