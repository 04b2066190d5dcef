import { usePoolSnapshot } from '@prime-network/react'
import type { PoolNode } from '@prime-network/sdk'
import { formatDuration, formatTime, formatTokenAmount } from '@prime-network/sdk/explain'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type ReactNode, useRef } from 'react'
import { getAddress } from 'viem'
import { useChainNow } from '../clock'
import { big, useHistory } from '../history'
import { runway } from '../runway'
import { nodeColumn, primeColumn, providerColumn, Table } from '../table'
import {
  Duration,
  Figures,
  Hex,
  History,
  Loadable,
  NoIndexer,
  Panel,
  Prime,
  providerHref,
  When,
} from '../ui'
import { toWorkRow, WorksTable } from '../works'

/** How is this pool doing: who is in it, what it pays, and when its money runs out. */
export function PoolPage({ poolId }: { poolId: bigint }) {
  const snapshot = usePoolSnapshot({ poolId })
  return (
    <>
      <h1>Pool {String(poolId)}</h1>
      <Loadable query={snapshot} what="the pool">
        {({ pool, rewards, nodes }) => {
          const left = pool.status === 'ACTIVE' ? runway(rewards) : undefined
          return (
            <>
              <Panel title="Overview">
                <Figures
                  items={[
                    ['Name', pool.name || '(unnamed)', 'name'],
                    ['Status', pool.status, 'status'],
                    ['Domain', String(pool.domainId), 'domain'],
                    [
                      'Creator',
                      <Hex key="c" value={pool.creator} href={providerHref(pool.creator)} />,
                      'creator',
                    ],
                    ['Compute manager key', <Hex key="k" value={pool.computeManagerKey} />],
                    ...(pool.startedAt > 0n
                      ? [['Started', <When key="s" at={pool.startedAt} />] as [string, ReactNode]]
                      : []),
                    ...(pool.endedAt > 0n
                      ? [['Ended', <When key="e" at={pool.endedAt} />] as [string, ReactNode]]
                      : []),
                  ]}
                />
              </Panel>
              <Panel title="Compute and rates">
                <Figures
                  items={[
                    ['Nodes', String(rewards.nodeCount), 'node-count'],
                    [
                      'Compute units',
                      `${rewards.totalCompute}${pool.computeLimit > 0n ? ` of ${pool.computeLimit}` : ' (no limit)'}`,
                      'total-compute',
                    ],
                    [
                      'Time reward rate',
                      `${formatTokenAmount(rewards.rate)} per compute unit per second`,
                      'reward-rate',
                    ],
                    [
                      'Work reward rate',
                      `${formatTokenAmount(rewards.workRate)} per work unit`,
                      'work-rate',
                    ],
                    [
                      'Work window (lock)',
                      <Duration key="l" seconds={rewards.workLockPeriod} />,
                      'lock-window',
                    ],
                    [
                      'Most locked per node',
                      <Prime key="m" value={rewards.maxLockedPerNode} />,
                      'max-locked',
                    ],
                  ]}
                />
              </Panel>
              <Panel title="Budget and runway">
                <Figures
                  items={[
                    ['Budget left to accrue', <Prime key="b" value={rewards.budget} />, 'budget'],
                    [
                      'Spending now',
                      left ? `${formatTokenAmount(left.perSecond)} per second` : 'nothing',
                      'spend',
                    ],
                    [
                      'Runs out',
                      // At today's rates is an estimate: a time and roughly how far it is
                      // ("in 7 h"), not the exact seconds left.
                      left ? (
                        <When key="r" at={rewards.lastUpdate + left.seconds} />
                      ) : pool.status === 'ACTIVE' ? (
                        'never at today’s rates (no compute in the pool)'
                      ) : (
                        `not accruing (${pool.status.toLowerCase()})`
                      ),
                      'runs-out',
                    ],
                  ]}
                />
                {left && (
                  <RunwayChart
                    from={rewards.lastUpdate}
                    budget={rewards.budget}
                    seconds={left.seconds}
                  />
                )}
              </Panel>
              <Panel title="Members">
                <Members nodes={nodes} />
              </Panel>
            </>
          )
        }}
      </Loadable>
      <Works poolId={poolId} />
      <RewardsPaid poolId={poolId} />
    </>
  )
}

/** The budget falling in a straight line to zero at today's rates. */
function RunwayChart(props: { from: bigint; budget: bigint; seconds: bigint }) {
  const now = useChainNow()
  const end = props.from + props.seconds
  const zeroAt = now === undefined ? '…' : formatTime(end, now)
  return (
    <figure className="chart">
      <svg
        viewBox="0 0 400 120"
        role="img"
        aria-label={`Budget ${formatTokenAmount(props.budget)} now, zero at ${zeroAt}`}
      >
        <line x1="40" y1="100" x2="390" y2="100" className="axis" />
        <line x1="40" y1="10" x2="40" y2="100" className="axis" />
        <line x1="40" y1="10" x2="390" y2="100" className="series" />
        <text x="44" y="22">
          {formatTokenAmount(props.budget)}
        </text>
        <text x="40" y="115">
          now
        </text>
        <text x="390" y="115" textAnchor="end">
          {zeroAt}
        </text>
      </svg>
      <figcaption>Budget left at today’s rates, from now until it runs out.</figcaption>
    </figure>
  )
}

const rowHeight = 36

/** Hundreds of rows: only those on screen are in the page. */
export function Members({ nodes }: { nodes: PoolNode[] }) {
  const scroller = useRef<HTMLDivElement>(null)
  const now = useChainNow()
  const virtualizer = useVirtualizer({
    count: nodes.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // Rows render before the first layout (and in tests without one): assume a viewport.
    initialRect: { width: 900, height: 360 },
  })
  const items = virtualizer.getVirtualItems()
  return (
    <div ref={scroller} className={nodes.length > 0 ? 'members-scroll' : undefined}>
      <Table
        caption="Nodes in the pool"
        columns={[
          nodeColumn,
          providerColumn('provider'),
          { header: 'Compute units', cell: (node) => String(node.computeUnits) },
          { header: 'Joined', cell: (node) => <When at={node.joinedAt} /> },
          {
            header: 'Time in pool',
            // Up to the latest block, the time the claimable figure beside it was read at.
            cell: (node) =>
              now === undefined ? '…' : formatDuration(now - node.joinedAt + node.activeSeconds),
            figure: 'in-pool',
          },
          primeColumn('Claimable', 'pendingRewards', 'pending'),
          primeColumn('Work locked', 'workLocked', 'work-locked'),
        ]}
        rows={nodes}
        empty="No node is in the pool now."
        rowKey={(node) => node.nodeKey}
        rowData={(node) => ({ 'data-node': node.nodeKey })}
        visible={{
          indexes: items.map((item) => item.index),
          // Spacer rows stand in for the rows off screen, so the table keeps its real height.
          above: items[0]?.start ?? 0,
          below: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0),
          rowHeight,
        }}
      />
    </div>
  )
}

function Works({ poolId }: { poolId: bigint }) {
  const works = useHistory(['pool-works', String(poolId)], async (query) =>
    (
      await query`select * from work where pool_id = ${String(poolId)} order by submitted_at, node_key, work_key`
    ).map(toWorkRow),
  )
  return (
    <Panel title="Works">
      {works.configured ? <WorksTable works={works} showNode /> : <NoIndexer what="Works" />}
    </Panel>
  )
}

/** Claims over time: the cumulative amount paid out, from the indexer's claim table. */
function RewardsPaid({ poolId }: { poolId: bigint }) {
  const claims = useHistory(['pool-claims', String(poolId)], async (query) =>
    (
      await query`select timestamp, provider, node_key, time_rewards, work_rewards from claim where pool_id = ${String(poolId)} order by block_number, id`
    ).map((row) => ({
      timestamp: big(row.timestamp),
      provider: getAddress(row.provider as string),
      nodeKey: getAddress(row.node_key as string),
      time: big(row.time_rewards),
      work: big(row.work_rewards),
    })),
  )
  return (
    <Panel title="Rewards paid over time">
      <History query={claims} what="claims" without="Past claims">
        {(rows) => {
          if (rows.length === 0) return <p>Nothing claimed from this pool yet.</p>
          let total = 0n
          const points = rows.map((row) => {
            total += row.time + row.work
            return { at: row.timestamp, total }
          })
          return (
            <>
              <p>
                Paid in total: <Prime value={total} />
              </p>
              <PaidChart points={points} />
              <Table
                caption="Claims"
                columns={[
                  { header: 'When', cell: (row) => <When at={row.timestamp} /> },
                  nodeColumn,
                  primeColumn('For time', 'time'),
                  primeColumn('For work', 'work'),
                ]}
                rows={rows}
                empty="Nothing claimed from this pool yet."
                rowKey={(_, index) => index}
              />
            </>
          )
        }}
      </History>
    </Panel>
  )
}

function PaidChart({ points }: { points: { at: bigint; total: bigint }[] }) {
  const now = useChainNow()
  const label = (at: bigint) => (now === undefined ? '…' : formatTime(at, now))
  const first = Number(points[0]!.at)
  const last = Number(points.at(-1)!.at)
  const max = Number(points.at(-1)!.total) || 1
  const x = (at: bigint) =>
    40 + (last === first ? 350 : ((Number(at) - first) / (last - first)) * 350)
  const y = (total: bigint) => 100 - (Number(total) / max) * 90
  let path = `M 40 100`
  for (const point of points) path += ` H ${x(point.at)} V ${y(point.total)}`
  return (
    <figure className="chart">
      <svg viewBox="0 0 400 120" role="img" aria-label="Cumulative rewards paid out over time">
        <line x1="40" y1="100" x2="390" y2="100" className="axis" />
        <line x1="40" y1="10" x2="40" y2="100" className="axis" />
        <path d={path} className="series" fill="none" />
        <text x="40" y="115">
          {label(points[0]!.at)}
        </text>
        <text x="390" y="115" textAnchor="end">
          {label(points.at(-1)!.at)}
        </text>
      </svg>
      <figcaption>Cumulative rewards claimed from this pool.</figcaption>
    </figure>
  )
}
