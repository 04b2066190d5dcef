/** Works as the indexer lists them, and their state against the chain's clock. */
import { type Address, getAddress } from 'viem'
import { useChainNow } from './clock'
import { big } from './history'
import { type Column, nodeColumn, primeColumn, Table } from './table'
import { Hex, When } from './ui'

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

/**
 * A work's state in words: inside its window, final, or rejected. When the window ends is the
 * column beside it (a time and how far away it is), so the state does not count down again.
 */
export function WorkState({ work }: { work: WorkRow }) {
  const now = useChainNow()
  if (work.status === 'INVALIDATED') return <>invalidated</>
  if (work.status === 'SOFT_INVALIDATED') return <>soft-invalidated (no penalty)</>
  if (work.rewardReturned) return <>reward returned (node invalidated)</>
  if (now === undefined) return <span aria-busy="true">…</span>
  return now < work.unlockAt ? <>locked in its window</> : <>final, claimable</>
}

/** The columns a list of works picks from. */
export const workColumns = {
  node: nodeColumn,
  workKey: { header: 'Work key', cell: (work) => <Hex value={work.workKey} /> },
  units: { header: 'Units', cell: (work) => String(work.units) },
  reward: primeColumn('Reward', 'reward', 'reward'),
  submitted: { header: 'Submitted', cell: (work) => <When at={work.submittedAt} /> },
  windowEnds: { header: 'Window ends', cell: (work) => <When at={work.unlockAt} /> },
  state: { header: 'State', cell: (work) => <WorkState work={work} />, figure: 'work-state' },
} satisfies Record<string, Column<WorkRow>>

export const workKeyOf = (work: WorkRow) => `${work.nodeKey}-${work.workKey}`
export const workRowData = (work: WorkRow) => ({ 'data-work': work.workKey })

/** Works from the indexer: loading, could not load, none yet, or the table. */
export function WorksTable(props: {
  works: { data: WorkRow[] | undefined; error: unknown }
  showNode: boolean
}) {
  return (
    <Table
      caption="Works"
      columns={[
        ...(props.showNode ? [workColumns.node] : []),
        workColumns.workKey,
        workColumns.units,
        workColumns.reward,
        workColumns.submitted,
        workColumns.windowEnds,
        workColumns.state,
      ]}
      rows={props.works.data}
      error={props.works.error}
      empty="No work submitted yet."
      rowKey={workKeyOf}
      rowData={workRowData}
    />
  )
}
