import { type Hex, keccak256, parseEther, toHex } from 'viem'

/** What the demo's actors do, in tokens (18 decimals). */
export const plan = {
  stakeMinimum: parseEther('50'),
  unbondingPeriod: 2n * 86_400n,
  aliceStake: parseEther('1000'),
  bobStake: parseEther('1200'),
  poolFunding: parseEther('1000'),
  /** 0.001 PRIME per compute unit per second. */
  rewardRate: parseEther('0.001'),
  /** 0.5 PRIME per accepted work unit. */
  workRewardRate: parseEther('0.5'),
  /** The most work rewards one node may have locked in the pool at once. */
  maxLockedPerNode: parseEther('50'),
  /** The window validators get to check each work (the federator lowers the network minimum to it). */
  workLockPeriod: 600n,
  /** The most units one work may claim in the demo's domain. */
  workUnitsCap: 100n,
  /** What the validator slashes for the work it finds bad. */
  workPenalty: parseEther('25'),
  nodes: [
    { name: 'alice-gpu-1', provider: 'alice', computeUnits: 10n, keyIndex: 10 },
    { name: 'alice-gpu-2', provider: 'alice', computeUnits: 5n, keyIndex: 11 },
    { name: 'bob-gpu-1', provider: 'bob', computeUnits: 20n, keyIndex: 12 },
  ],
} as const

export type DemoWork = {
  label: string
  node: (typeof plan.nodes)[number]['name']
  /** Who sends it: the node key itself or its provider. */
  sender: 'node' | 'provider'
  units: bigint
  /** What the validator decides while the work is locked. */
  verdict: 'accepted' | 'invalidated' | 'soft-invalidated'
}

/** The works nodes submit: keys are the hashes of their labels (say, of an output file). */
export const works: readonly DemoWork[] = [
  { label: 'render-001', node: 'alice-gpu-1', sender: 'node', units: 40n, verdict: 'accepted' },
  { label: 'render-002', node: 'bob-gpu-1', sender: 'provider', units: 60n, verdict: 'accepted' },
  { label: 'bad-001', node: 'alice-gpu-2', sender: 'node', units: 10n, verdict: 'invalidated' },
  {
    label: 'doubtful-001',
    node: 'alice-gpu-2',
    sender: 'node',
    units: 8n,
    verdict: 'soft-invalidated',
  },
]

export const workKey = (work: DemoWork): Hex => keccak256(toHex(work.label))

/**
 * Seconds after the pool phase starts (t0) at which each time-sensitive transaction is mined. The
 * demo pins these block timestamps (t0 on a boundary of the work window), so every reward is an
 * exact `rate x units x seconds` and every work unlocks at the same offset on every run.
 */
export const timeline = {
  aliceJoins: 0n,
  bobJoins: 60n,
  /** The nodes submit work; each unlocks at the second window boundary after: t0 + 1,200 s. */
  worksSubmitted: 120n,
  validatorInvalidates: 240n,
  validatorSoftInvalidates: 300n,
  /** An hour passes: one empty block is mined here. */
  hourLater: 3600n,
  managerEjects: 3660n,
  bobLeaves: 3720n,
  aliceClaims: 3780n,
  bobClaims: 3840n,
  /** The pool ends: the node still in it stops earning. */
  managerEndsPool: 3900n,
  bobRemovesNode: 3960n,
  bobReclaims: 4020n,
} as const
