import { useNode, useProviderSnapshot } from '@prime-network/react'
import type { Node } from '@prime-network/sdk'
import type { Address } from 'viem'
import { formatDuration } from '../format'
import { big, useHistory } from '../history'
import {
  Figures,
  Hex,
  Loadable,
  NoIndexer,
  Panel,
  Prime,
  poolHref,
  providerHref,
  When,
} from '../ui'
import { toWorkRow, WorksTable } from '../works'

/** Where is this node, how long was it in each pool, and what did it earn? */
export function NodePage({ nodeKey }: { nodeKey: Address }) {
  const node = useNode({ nodeKey })
  return (
    <>
      <h1>
        Node <Hex value={nodeKey} />
      </h1>
      <Loadable query={node} what="the node">
        {(record) =>
          record === null ? (
            <p>No node is registered with this key.</p>
          ) : (
            <NodeDetails record={record} />
          )
        }
      </Loadable>
      <Stays nodeKey={nodeKey} />
      <NodeWorks nodeKey={nodeKey} />
    </>
  )
}

/**
 * The node's live record and rewards. Rendered once its provider is known, so the provider's
 * snapshot is asked for with real parameters, never with a placeholder.
 */
function NodeDetails({ record }: { record: Node }) {
  const { nodeKey } = record
  const snapshot = useProviderSnapshot({ provider: record.provider })
  return (
    <>
      <Panel title="Record">
        <Figures
          items={[
            [
              'Provider',
              <Hex key="p" value={record.provider} href={providerHref(record.provider)} />,
              'provider',
            ],
            ['Compute units', String(record.computeUnits), 'compute-units'],
            ['Benchmark score', String(record.benchmarkScore), 'benchmark'],
            ['Validated', record.validated ? 'yes' : 'no', 'validated'],
            ['Specs', record.specsURI || '(none)', 'specs'],
            [
              'In a pool now',
              (() => {
                const poolId = snapshot.data?.nodePools.find((p) => p.nodeKey === nodeKey)?.poolId
                if (!snapshot.data) return '…'
                return poolId ? <a href={poolHref(poolId)}>Pool {String(poolId)}</a> : 'no'
              })(),
              'pool',
            ],
          ]}
        />
      </Panel>
      <Panel title="Rewards">
        <Loadable query={snapshot} what="rewards">
          {({ rewards }) => {
            const rows = rewards.flatMap((pool) =>
              pool.nodes
                .filter((n) => n.nodeKey === nodeKey)
                .map((n) => ({ poolId: pool.poolId, ...n })),
            )
            if (rows.length === 0) return <p>It has no reward record in any pool.</p>
            return (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Pool</th>
                    <th scope="col">For time</th>
                    <th scope="col">For work, claimable</th>
                    <th scope="col">For work, locked</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={String(row.poolId)} data-pool={String(row.poolId)}>
                      <td>
                        <a href={poolHref(row.poolId)}>Pool {String(row.poolId)}</a>
                      </td>
                      <td data-figure="time">
                        <Prime value={row.time} />
                      </td>
                      <td data-figure="work-claimable">
                        <Prime value={row.workClaimable} />
                      </td>
                      <td data-figure="work-locked">
                        <Prime value={row.workLocked} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }}
        </Loadable>
      </Panel>
    </>
  )
}

function Stays({ nodeKey }: { nodeKey: Address }) {
  const stays = useHistory(['node-stays', nodeKey], async (query) =>
    (
      await query`select pool_id, joined_at, left_at, active_seconds, ejected_by from membership where node_key = ${nodeKey.toLowerCase()} order by joined_at`
    ).map((row) => ({
      poolId: big(row.pool_id),
      joinedAt: big(row.joined_at),
      leftAt: row.left_at === null ? null : big(row.left_at),
      activeSeconds: row.active_seconds === null ? null : big(row.active_seconds),
      ejected: row.ejected_by !== null,
    })),
  )
  return (
    <Panel title="Pools and time in each">
      {!stays.configured ? (
        <NoIndexer what="Past pool stays" />
      ) : (
        <Loadable query={stays} what="pool stays">
          {(rows) =>
            rows.length === 0 ? (
              <p>It has never joined a pool.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Pool</th>
                    <th scope="col">Joined</th>
                    <th scope="col">Left</th>
                    <th scope="col">Time counted</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.poolId}-${row.joinedAt}`}>
                      <td>
                        <a href={poolHref(row.poolId)}>Pool {String(row.poolId)}</a>
                      </td>
                      <td>
                        <When at={row.joinedAt} />
                      </td>
                      <td>
                        {row.leftAt === null ? (
                          'still in'
                        ) : (
                          <>
                            <When at={row.leftAt} />
                            {row.ejected ? ' (ejected)' : ''}
                          </>
                        )}
                      </td>
                      <td>
                        {row.activeSeconds === null
                          ? 'counting'
                          : formatDuration(row.activeSeconds)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loadable>
      )}
    </Panel>
  )
}

function NodeWorks({ nodeKey }: { nodeKey: Address }) {
  const works = useHistory(['node-works', nodeKey], async (query) =>
    (
      await query`select * from work where node_key = ${nodeKey.toLowerCase()} order by submitted_at, work_key`
    ).map(toWorkRow),
  )
  return (
    <Panel title="Works">
      {works.configured ? (
        <Loadable query={works} what="works">
          {(rows) => <WorksTable works={rows} showNode={false} />}
        </Loadable>
      ) : (
        <NoIndexer what="Works" />
      )}
    </Panel>
  )
}
