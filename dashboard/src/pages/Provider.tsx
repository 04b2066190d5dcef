import {
  useClaimRewards,
  useDeployment,
  useProviderSnapshot,
  useReclaimStake,
} from '@prime-network/react'
import { useState } from 'react'
import { type Address, erc20Abi, isAddressEqual, parseEther } from 'viem'
import { useConnection, useReadContract } from 'wagmi'
import { ErrorNote } from '../errors'
import { big, useHistory } from '../history'
import { nodeColumn, poolColumn, primeColumn, Table } from '../table'
import { Figures, Hex, Loadable, NoIndexer, Panel, Prime, poolHref, When } from '../ui'

/** What do I have staked, where are my nodes, and what can I claim? */
export function ProviderPage({ address }: { address: Address }) {
  const snapshot = useProviderSnapshot({ provider: address })
  const { address: connected } = useConnection()
  const isMe = connected !== undefined && isAddressEqual(connected, address)
  return (
    <>
      <h1>
        Provider <Hex value={address} />
      </h1>
      <WalletBalance address={address} />
      <Loadable query={snapshot} what="the provider">
        {({ provider, stake, nodePools, rewards }) => {
          const split = { time: 0n, workClaimable: 0n, workLocked: 0n }
          for (const pool of rewards)
            for (const node of pool.nodes) {
              split.time += node.time
              split.workClaimable += node.workClaimable
              split.workLocked += node.workLocked
            }
          return (
            <>
              {!provider.registered && <p>This address has not registered as a provider.</p>}
              <Panel title="Stake">
                <Figures
                  items={[
                    ['Whitelisted', provider.whitelisted ? 'yes' : 'no', 'whitelisted'],
                    ['Active stake', <Prime key="a" value={stake.active} />, 'active-stake'],
                    ['Required by its nodes', <Prime key="m" value={stake.minimum} />, 'minimum'],
                    ['Unbonding', <Prime key="u" value={stake.unbonding} />, 'unbonding'],
                    [
                      'Withdrawable now',
                      <Prime key="w" value={stake.withdrawable} />,
                      'withdrawable',
                    ],
                  ]}
                />
                {stake.pendingUnbonds.length > 0 && (
                  <ul aria-label="Pending unbonds">
                    {stake.pendingUnbonds.map((unbond, i) => (
                      <li key={i}>
                        <Prime value={unbond.amount} /> unlocks at <When at={unbond.unlockTime} />
                      </li>
                    ))}
                  </ul>
                )}
                {isMe && <ReclaimForm />}
              </Panel>
              <Panel title="Nodes">
                <Table
                  caption="Nodes"
                  columns={[
                    nodeColumn,
                    { header: 'Compute units', cell: (node) => String(node.computeUnits) },
                    { header: 'Validated', cell: (node) => (node.validated ? 'yes' : 'no') },
                    {
                      header: 'Where',
                      cell: (node) => {
                        const poolId = nodePools.find((p) => p.nodeKey === node.nodeKey)?.poolId
                        return poolId ? (
                          <a href={poolHref(poolId)}>Pool {String(poolId)}</a>
                        ) : (
                          'in no pool'
                        )
                      },
                      figure: 'where',
                    },
                  ]}
                  rows={provider.nodes}
                  empty="No node registered."
                  rowKey={(node) => node.nodeKey}
                  rowData={(node) => ({ 'data-node': node.nodeKey })}
                />
              </Panel>
              <Panel title="Rewards">
                <Figures
                  items={[
                    ['For time, claimable', <Prime key="t" value={split.time} />, 'rewards-time'],
                    [
                      'For work, claimable',
                      <Prime key="c" value={split.workClaimable} />,
                      'rewards-work-claimable',
                    ],
                    [
                      'For work, locked in its window',
                      <Prime key="l" value={split.workLocked} />,
                      'rewards-work-locked',
                    ],
                  ]}
                />
                <Table
                  caption="Rewards per pool"
                  columns={[
                    poolColumn('poolId'),
                    primeColumn('Claimable', 'total', 'claimable'),
                    primeColumn('Locked', 'totalLocked', 'locked'),
                    {
                      header: <span className="visually-hidden">Action</span>,
                      cell: (pool) =>
                        isMe && <ClaimButton poolId={pool.poolId} amount={pool.total} />,
                    },
                  ]}
                  rows={rewards}
                  empty="Its nodes have not joined any pool."
                  rowKey={(pool) => String(pool.poolId)}
                  rowData={(pool) => ({ 'data-pool': String(pool.poolId) })}
                />
                {!isMe && <p className="note">Connect as this provider to claim.</p>}
              </Panel>
            </>
          )
        }}
      </Loadable>
      <StakeHistory address={address} />
    </>
  )
}

/** The provider's PRIME in its wallet: what a claim or a withdrawal adds to. */
function WalletBalance({ address }: { address: Address }) {
  const deployment = useDeployment()!
  const balance = useReadContract({
    address: deployment.token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [address],
  })
  return (
    <p>
      In its wallet:{' '}
      <span data-figure="wallet-balance">
        {balance.data === undefined ? '…' : <Prime value={balance.data} />}
      </span>
    </p>
  )
}

function ClaimButton({ poolId, amount }: { poolId: bigint; amount: bigint }) {
  const claim = useClaimRewards()
  return (
    <>
      <button
        type="button"
        disabled={claim.isPending || amount === 0n}
        onClick={() => claim.mutate({ poolId })}
      >
        {claim.isPending ? 'Claiming…' : `Claim from pool ${poolId}`}
      </button>
      {claim.data && (
        <span role="status">
          {' '}
          Claimed <Prime value={claim.data.total} />
        </span>
      )}
      {claim.error && <ErrorNote error={claim.error} />}
    </>
  )
}

function ReclaimForm() {
  const reclaim = useReclaimStake()
  const [amount, setAmount] = useState('')
  let parsed: bigint | undefined
  try {
    parsed = amount ? parseEther(amount) : undefined
  } catch {
    parsed = undefined
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (parsed !== undefined) reclaim.mutate({ amount: parsed })
      }}
    >
      <label>
        Reclaim stake (PRIME){' '}
        <input
          name="reclaim-amount"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
      </label>{' '}
      <button type="submit" disabled={parsed === undefined || reclaim.isPending}>
        Start unbonding
      </button>
      {reclaim.data && <span role="status"> Unbonding started</span>}
      {reclaim.error && <ErrorNote error={reclaim.error} />}
    </form>
  )
}

function StakeHistory({ address }: { address: Address }) {
  const changes = useHistory(['stake-history', address], async (query) =>
    (
      await query`select kind, amount, timestamp, active_stake_after from stake_change where provider = ${address.toLowerCase()} order by block_number desc, id desc`
    ).map((row) => ({
      kind: row.kind as string,
      amount: big(row.amount),
      timestamp: big(row.timestamp),
      activeAfter: big(row.active_stake_after),
    })),
  )
  return (
    <Panel title="Stake history">
      {!changes.configured ? (
        <NoIndexer what="Past stake changes" />
      ) : (
        <Table
          caption="Stake history"
          columns={[
            { header: 'When', cell: (row) => <When at={row.timestamp} /> },
            { header: 'What', cell: (row) => row.kind.toLowerCase().replace('_', ' ') },
            primeColumn('Amount', 'amount'),
            primeColumn('Active stake after', 'activeAfter'),
          ]}
          rows={changes.data}
          error={changes.error}
          empty="No stake change yet."
          rowKey={(_, index) => index}
        />
      )}
    </Panel>
  )
}
