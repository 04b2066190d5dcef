import { useNode, useProviderSnapshot } from '@prime-network/react'
import type { Node } from '@prime-network/sdk'
import { formatDuration } from '@prime-network/sdk/explain'
import type { Address } from 'viem'
import { big, useHistory } from '../history'
import { poolColumn, primeColumn, Table } from '../table'
import { Figures, Hex, Loadable, NoIndexer, Panel, poolHref, providerHref, When } from '../ui'
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
            return (
              <Table
                caption="Rewards"
                columns={[
                  poolColumn('poolId'),
                  primeColumn('For time', 'time', 'time'),
                  primeColumn('For work, claimable', 'workClaimable', 'work-claimable'),
                  primeColumn('For work, locked', 'workLocked', 'work-locked'),
                ]}
                rows={rows}
                empty="It has no reward record in any pool."
                rowKey={(row) => String(row.poolId)}
                rowData={(row) => ({ 'data-pool': String(row.poolId) })}
              />
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
        <Table
          caption="Pool stays"
          columns={[
            poolColumn('poolId'),
            { header: 'Joined', cell: (row) => <When at={row.joinedAt} /> },
            {
              header: 'Left',
              cell: (row) =>
                row.leftAt === null ? (
                  'still in'
                ) : (
                  <>
                    <When at={row.leftAt} />
                    {row.ejected ? ' (ejected)' : ''}
                  </>
                ),
            },
            {
              header: 'Time counted',
              cell: (row) =>
                row.activeSeconds === null ? 'counting' : formatDuration(row.activeSeconds),
            },
          ]}
          rows={stays.data}
          error={stays.error}
          empty="It has never joined a pool."
          rowKey={(row) => `${row.poolId}-${row.joinedAt}`}
        />
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
        <WorksTable works={works} showNode={false} />
      ) : (
        <NoIndexer what="Works" />
      )}
    </Panel>
  )
}
