import { usePoolSnapshot } from '@prime-network/react'
import type { PoolNode } from '@prime-network/sdk'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type ReactNode, useRef } from 'react'
import { getAddress } from 'viem'
import { formatDuration, formatPrime, isoTime } from '../format'
import { big, useHistory } from '../history'
import { runway } from '../runway'
import {
  Duration,
  Figures,
  Hex,
  Loadable,
  NoIndexer,
  nodeHref,
  Panel,
  Prime,
  providerHref,
  useChainNow,
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
                      `${formatPrime(rewards.rate)} per compute unit per second`,
                      'reward-rate',
                    ],
                    [
                      'Work reward rate',
                      `${formatPrime(rewards.workRate)} per work unit`,
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
                      left ? `${formatPrime(left.perSecond)} per second` : 'nothing',
                      'spend',
                    ],
                    [
                      'Runs out',
                      left ? (
                        <span key="r">
                          after {formatDuration(left.seconds)}, at{' '}
                          <When at={rewards.lastUpdate + left.seconds} />
                        </span>
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
  const end = props.from + props.seconds
  return (
    <figure className="chart">
      <svg
        viewBox="0 0 400 120"
        role="img"
        aria-label={`Budget ${formatPrime(props.budget)} now, zero at ${isoTime(end)}`}
      >
        <line x1="40" y1="100" x2="390" y2="100" className="axis" />
        <line x1="40" y1="10" x2="40" y2="100" className="axis" />
        <line x1="40" y1="10" x2="390" y2="100" className="series" />
        <text x="44" y="22">
          {formatPrime(props.budget)}
        </text>
        <text x="40" y="115">
          now
        </text>
        <text x="390" y="115" textAnchor="end">
          {isoTime(end)}
        </text>
      </svg>
      <figcaption>Budget left at today’s rates, from now until it runs out.</figcaption>
    </figure>
  )
}

const rowHeight = 36

/** Hundreds of rows: only those on screen are in the page. */
function Members({ nodes }: { nodes: PoolNode[] }) {
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
  if (nodes.length === 0) return <p>No node is in the pool now.</p>
  const items = virtualizer.getVirtualItems()
  // Spacer rows stand in for the rows off screen, so the table keeps its real height and markup.
  const above = items[0]?.start ?? 0
  const below = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  return (
    <div ref={scroller} className="members-scroll">
      <table aria-label="Nodes in the pool" aria-rowcount={nodes.length + 1}>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Provider</th>
            <th scope="col">Compute units</th>
            <th scope="col">Joined</th>
            <th scope="col">Time in pool</th>
            <th scope="col">Claimable</th>
            <th scope="col">Work locked</th>
          </tr>
        </thead>
        <tbody>
          {above > 0 && (
            <tr>
              <td colSpan={7} style={{ height: above, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const node = nodes[item.index]!
            const inPool = now === undefined ? undefined : BigInt(now) - node.joinedAt
            return (
              <tr
                key={node.nodeKey}
                aria-rowindex={item.index + 2}
                data-node={node.nodeKey}
                style={{ height: rowHeight }}
              >
                <td>
                  <Hex value={node.nodeKey} href={nodeHref(node.nodeKey)} />
                </td>
                <td>
                  <Hex value={node.provider} href={providerHref(node.provider)} />
                </td>
                <td>{String(node.computeUnits)}</td>
                <td>
                  <time dateTime={isoTime(node.joinedAt)}>{isoTime(node.joinedAt)}</time>
                </td>
                <td>{inPool === undefined ? '…' : formatDuration(inPool + node.activeSeconds)}</td>
                <td data-figure="pending">{formatPrime(node.pendingRewards)}</td>
                <td data-figure="work-locked">{formatPrime(node.workLocked)}</td>
              </tr>
            )
          })}
          {below > 0 && (
            <tr>
              <td colSpan={7} style={{ height: below, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
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
      {works.configured ? (
        <Loadable query={works} what="works">
          {(rows) => <WorksTable works={rows} showNode />}
        </Loadable>
      ) : (
        <NoIndexer what="Works" />
      )}
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
      {!claims.configured ? (
        <NoIndexer what="Past claims" />
      ) : (
        <Loadable query={claims} what="claims">
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
                <table>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Node</th>
                      <th scope="col">For time</th>
                      <th scope="col">For work</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row, i) => (
                      <tr key={i}>
                        <td>
                          <When at={row.timestamp} />
                        </td>
                        <td>
                          <Hex value={row.nodeKey} href={nodeHref(row.nodeKey)} />
                        </td>
                        <td>
                          <Prime value={row.time} />
                        </td>
                        <td>
                          <Prime value={row.work} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )
          }}
        </Loadable>
      )}
    </Panel>
  )
}

function PaidChart({ points }: { points: { at: bigint; total: bigint }[] }) {
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
          {isoTime(points[0]!.at)}
        </text>
        <text x="390" y="115" textAnchor="end">
          {isoTime(points.at(-1)!.at)}
        </text>
      </svg>
      <figcaption>Cumulative rewards claimed from this pool.</figcaption>
    </figure>
  )
}
