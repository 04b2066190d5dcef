import { useNetworkSnapshot, usePool, useStake } from '@prime-network/react'
import { type Address, getAddress } from 'viem'
import { big, useHistory } from '../history'
import {
  Duration,
  Figures,
  Hex,
  Loadable,
  NoIndexer,
  nodeHref,
  Panel,
  Prime,
  poolHref,
  providerHref,
} from '../ui'

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
              {network.poolCount === 0n ? (
                <p>No pool yet.</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Pool</th>
                      <th scope="col">Name</th>
                      <th scope="col">Status</th>
                      <th scope="col">Nodes</th>
                      <th scope="col">Compute units</th>
                      <th scope="col">Budget left to accrue</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Array.from({ length: Number(network.poolCount) }, (_, i) => (
                      <PoolRow key={i} poolId={BigInt(i + 1)} />
                    ))}
                  </tbody>
                </table>
              )}
            </Panel>
          </>
        )}
      </Loadable>
      <Providers />
      <Nodes />
    </>
  )
}

function PoolRow({ poolId }: { poolId: bigint }) {
  const pool = usePool({ poolId })
  if (!pool.data)
    return (
      <tr>
        <td>{String(poolId)}</td>
        <td colSpan={5}>{pool.error ? 'Could not read this pool' : 'Loading…'}</td>
      </tr>
    )
  const p = pool.data
  return (
    <tr data-pool={String(poolId)}>
      <td>
        <a href={poolHref(poolId)}>Pool {String(poolId)}</a>
      </td>
      <td>{p.name}</td>
      <td data-figure="status">{p.status}</td>
      <td data-figure="node-count">{p.nodeCount}</td>
      <td data-figure="total-compute">{String(p.totalCompute)}</td>
      <td data-figure="budget">
        <Prime value={p.rewardBudget} />
      </td>
    </tr>
  )
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
        <Loadable query={providers} what="providers">
          {(rows) =>
            rows.length === 0 ? (
              <p>No provider has registered yet.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Provider</th>
                    <th scope="col">Whitelisted</th>
                    <th scope="col">Nodes</th>
                    <th scope="col">Active stake</th>
                    <th scope="col">Unbonding</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <ProviderRow key={row.address} {...row} />
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

function ProviderRow(props: { address: Address; whitelisted: boolean; nodeCount: number }) {
  const stake = useStake({ provider: props.address })
  return (
    <tr data-provider={props.address}>
      <td>
        <Hex value={props.address} href={providerHref(props.address)} />
      </td>
      <td>{props.whitelisted ? 'yes' : 'no'}</td>
      <td>{props.nodeCount}</td>
      <td data-figure="active-stake">{stake.data ? <Prime value={stake.data.active} /> : '…'}</td>
      <td data-figure="unbonding">{stake.data ? <Prime value={stake.data.unbonding} /> : '…'}</td>
    </tr>
  )
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
      <Loadable query={nodes} what="nodes">
        {(rows) =>
          rows.length === 0 ? (
            <p>No node has been added yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Node</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Compute units</th>
                  <th scope="col">Validated</th>
                  <th scope="col">In pool</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.nodeKey} data-node={row.nodeKey}>
                    <td>
                      <Hex value={row.nodeKey} href={nodeHref(row.nodeKey)} />
                    </td>
                    <td>
                      <Hex value={row.provider} href={providerHref(row.provider)} />
                    </td>
                    <td>{String(row.computeUnits)}</td>
                    <td>{row.validated ? 'yes' : 'no'}</td>
                    <td>
                      {row.poolId === null ? (
                        'none'
                      ) : (
                        <a href={poolHref(row.poolId)}>Pool {String(row.poolId)}</a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loadable>
    </Panel>
  )
}
