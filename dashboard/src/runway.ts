/**
 * When does the budget run out at today's rates: what the pool pays per second for time
 * (rate x compute) eats the budget; locked work rewards were reserved already.
 */
export function runway(rewards: { budget: bigint; rate: bigint; totalCompute: bigint }) {
  const perSecond = rewards.rate * rewards.totalCompute
  if (perSecond === 0n) return undefined
  return { perSecond, seconds: rewards.budget / perSecond }
}
