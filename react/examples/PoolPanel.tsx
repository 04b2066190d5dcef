import { useClaimRewards, usePendingRewards, usePoolRewards } from '@prime-network/react'
import { type Address, formatEther } from 'viem'

/** A pool's budget, what the connected provider can claim there, and a claim button. */
export function PoolPanel({ poolId, provider }: { poolId: bigint; provider: Address }) {
  const pool = usePoolRewards({ poolId })
  const pending = usePendingRewards({ poolId, provider })
  const claim = useClaimRewards()
  if (pool.error) return <p role="alert">{pool.error.message}</p>
  if (!pool.data || !pending.data) return <p>Loading…</p>
  return (
    <section aria-label={`Pool ${poolId}`}>
      <p>Budget left: {formatEther(pool.data.budget)} PRIME</p>
      <p>You can claim: {formatEther(pending.data.total)} PRIME</p>
      <button
        type="button"
        disabled={claim.isPending || pending.data.total === 0n}
        onClick={() => claim.mutate({ poolId })}
      >
        Claim
      </button>
      {claim.error && <p role="alert">{claim.error.shortMessage}</p>}
    </section>
  )
}
