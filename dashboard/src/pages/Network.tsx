import { useNetworkSnapshot, usePool, useStake } from '@prime-network/react'
import type { Pool, Stake } from '@prime-network/sdk'
import type { ReactNode } from 'react'
import { type Address, getAddress } from 'viem'
import { big, useHistory } from '../history'
import { nodeColumn, providerColumn, Table } from '../table'
import { Duration, Figures, Hex, Loadable, NoIndexer, Panel, Prime, poolHref } from '../ui'

/** What is this network, who runs it, and where is the compute? */
export function NetworkPage() {
  const snapshot = useNetworkSnapshot({})
  return (
    <>
      <h1>Network</h1>
      <Loadable query={snapshot} what="the network">
        {(network) => (
          <>
            <Panel title="Parameters">
              <Figures
                items={[
                  ['Status', network.paused ? 'Paused' : 'Running', 'paused'],
                  [
                    'Minimum stake per compute unit (and one for the provider)',
                    <Prime key="m" value={network.stakeMinimum} />,
                    'stake-minimum',
                  ],
                  [
                    'Unbonding period',
                    <Duration key="u" seconds={network.unbondingPeriod} />,
                    'unbonding-period',
                  ],
                  [
                    'Shortest work window',
                    <Duration key="w" seconds={network.minWorkLockPeriod} />,
                    'min-work-lock',
                  ],
                  ['Total stake', <Prime key="t" value={network.totalStaked} />, 'total-staked'],
                  ['Domains', String(network.domainCount), 'domain-count'],
                  ['Pools', String(network.poolCount), 'pool-count'],
                ]}
              />
            </Panel>
            <Panel title="Roles">
              <Figures
                items={[
                  ['Federator', <Hex key="f" value={network.federator} />, 'federator'],
                  ['Validator', <Hex key="v" value={network.validator} />, 'validator'],
                  [
                    'Treasury (slashed stake)',
                    <Hex key="t" value={network.treasury} />,
                    'treasury',
                  ],
                ]}
              />
            </Panel>
            <Panel title="Pools">
              <Table
                caption="Pools"
                columns={[
                  {
                    header: 'Pool',
                    cell: (poolId) => <a href={poolHref(poolId)}>Pool {String(poolId)}</a>,
                  },
                  {
                    header: 'Name',
                    cell: (poolId) => <OfPool poolId={poolId} show={(p) => p.name} />,
                  },
                  {
                    header: 'Status',
                    cell: (poolId) => <OfPool poolId={poolId} show={(p) => p.status} />,
                    figure: 'status',
                  },
                  {
                    header: 'Nodes',
                    cell: (poolId) => <OfPool poolId={poolId} show={(p) => p.nodeCount} />,
                    figure: 'node-count',
                  },
                  {
                    header: 'Compute units',
                    cell: (poolId) => (
                      <OfPool poolId={poolId} show={(p) => String(p.totalCompute)} />
                    ),
                    figure: 'total-compute',
                  },
                  {
                    header: 'Budget left to accrue',
                    cell: (poolId) => (
                      <OfPool poolId={poolId} show={(p) => <Prime value={p.rewardBudget} />} />
                    ),
                    figure: 'budget',
                  },
                ]}
                // Pool ids run from 1 to the count: the chain lists them without an indexer.
                rows={Array.from({ length: Number(network.poolCount) }, (_, i) => BigInt(i + 1))}
                empty="No pool yet."
                rowKey={String}
                rowData={(poolId) => ({ 'data-pool': String(poolId) })}
              />
            </Panel>
          </>
        )}
      </Loadable>
      <Providers />
      <Nodes />
    </>
  )
}

/** One figure of a pool; every cell of its row shares the one read. */
function OfPool({ poolId, show }: { poolId: bigint; show: (pool: Pool) => ReactNode }) {
  const pool = usePool({ poolId })
  if (pool.error) return 'could not read'
  return pool.data ? show(pool.data) : '…'
}

/** The list comes from the indexer (the chain has no list of providers); stakes are live. */
function Providers() {
  const providers = useHistory(['providers'], async (query) =>
    (
      await query`select address, whitelisted, node_count from provider where registered order by registered_at, address`
    ).map((row) => ({
      address: getAddress(row.address as string),
      whitelisted: row.whitelisted as boolean,
      nodeCount: Number(row.node_count),
    })),
  )
  return (
    <Panel title="Providers">
      {!providers.configured ? (
        <NoIndexer what="The lists of providers and nodes" />
      ) : (
        <Table
          caption="Providers"
          columns={[
            providerColumn('address'),
            { header: 'Whitelisted', cell: (row) => (row.whitelisted ? 'yes' : 'no') },
            { header: 'Nodes', cell: (row) => row.nodeCount },
            {
              header: 'Active stake',
              cell: (row) => (
                <OfStake provider={row.address} show={(s) => <Prime value={s.active} />} />
              ),
              figure: 'active-stake',
            },
            {
              header: 'Unbonding',
              cell: (row) => (
                <OfStake provider={row.address} show={(s) => <Prime value={s.unbonding} />} />
              ),
              figure: 'unbonding',
            },
          ]}
          rows={providers.data}
          error={providers.error}
          empty="No provider has registered yet."
          rowKey={(row) => row.address}
          rowData={(row) => ({ 'data-provider': row.address })}
        />
      )}
    </Panel>
  )
}

/** One figure of a provider's live stake; the cells of its row share the one read. */
function OfStake({ provider, show }: { provider: Address; show: (stake: Stake) => ReactNode }) {
  const stake = useStake({ provider })
  if (stake.error) return 'could not read'
  return stake.data ? show(stake.data) : '…'
}

function Nodes() {
  const nodes = useHistory(['nodes'], async (query) =>
    (
      await query`select node_key, provider, compute_units, validated, pool_id from node where registered order by added_at, node_key`
    ).map((row) => ({
      nodeKey: getAddress(row.node_key as string),
      provider: getAddress(row.provider as string),
      computeUnits: big(row.compute_units),
      validated: row.validated as boolean,
      poolId: row.pool_id === null ? null : big(row.pool_id),
    })),
  )
  if (!nodes.configured) return null
  return (
    <Panel title="Nodes">
      <Table
        caption="Nodes"
        columns={[
          nodeColumn,
          providerColumn('provider'),
          { header: 'Compute units', cell: (row) => String(row.computeUnits) },
          { header: 'Validated', cell: (row) => (row.validated ? 'yes' : 'no') },
          {
            header: 'In pool',
            cell: (row) =>
              row.poolId === null ? (
                'none'
              ) : (
                <a href={poolHref(row.poolId)}>Pool {String(row.poolId)}</a>
              ),
          },
        ]}
        rows={nodes.data}
        error={nodes.error}
        empty="No node has been added yet."
        rowKey={(row) => row.nodeKey}
        rowData={(row) => ({ 'data-node': row.nodeKey })}
      />
    </Panel>
  )
}
