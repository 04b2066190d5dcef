/** Works as the indexer lists them, and their state against the chain's clock. */
import { type Address, getAddress } from 'viem'
import { formatDuration, isoTime } from './format'
import { big } from './history'
import { Hex, nodeHref, Prime, useChainNow, When } from './ui'

export type WorkRow = {
  nodeKey: Address
  workKey: `0x${string}`
  units: bigint
  reward: bigint
  submittedAt: bigint
  unlockAt: bigint
  status: string
  rewardReturned: boolean
}

export const toWorkRow = (row: Record<string, unknown>): WorkRow => ({
  nodeKey: getAddress(row.node_key as string),
  workKey: row.work_key as `0x${string}`,
  units: big(row.units),
  reward: big(row.reward),
  submittedAt: big(row.submitted_at),
  unlockAt: big(row.unlock_at),
  status: row.status as string,
  rewardReturned: row.reward_returned as boolean,
})

/** A work's state in words: inside its window (with the countdown), final, or rejected. */
export function WorkState({ work }: { work: WorkRow }) {
  const now = useChainNow()
  if (work.status === 'INVALIDATED') return <>invalidated</>
  if (work.status === 'SOFT_INVALIDATED') return <>soft-invalidated (no penalty)</>
  if (work.rewardReturned) return <>reward returned (node invalidated)</>
  if (now !== undefined && BigInt(now) < work.unlockAt)
    return <>locked, window ends in {formatDuration(work.unlockAt - BigInt(now))}</>
  return <>final, claimable</>
}

export function WorksTable({ works, showNode }: { works: WorkRow[]; showNode: boolean }) {
  if (works.length === 0) return <p>No work submitted yet.</p>
  return (
    <table>
      <thead>
        <tr>
          {showNode && <th scope="col">Node</th>}
          <th scope="col">Work key</th>
          <th scope="col">Units</th>
          <th scope="col">Reward</th>
          <th scope="col">Submitted</th>
          <th scope="col">Window ends</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {works.map((work) => (
          <tr key={`${work.nodeKey}-${work.workKey}`} data-work={work.workKey}>
            {showNode && (
              <td>
                <Hex value={work.nodeKey} href={nodeHref(work.nodeKey)} />
              </td>
            )}
            <td>
              <Hex value={work.workKey} />
            </td>
            <td>{String(work.units)}</td>
            <td data-figure="reward">
              <Prime value={work.reward} />
            </td>
            <td>
              <time dateTime={isoTime(work.submittedAt)}>{isoTime(work.submittedAt)}</time>
            </td>
            <td>
              <When at={work.unlockAt} />
            </td>
            <td data-figure="work-state">
              <WorkState work={work} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
