import {
  useInvalidateWork,
  useNetworkSnapshot,
  useSoftInvalidateWork,
  useValidateNode,
  useWhitelistProvider,
} from '@prime-network/react'
import { useState } from 'react'
import { type Address, getAddress, isAddressEqual, parseEther } from 'viem'
import { useConnection } from 'wagmi'
import { useChainNow } from '../clock'
import { ErrorNote } from '../errors'
import { big, useHistory } from '../history'
import { Table } from '../table'
import { Hex, History, NoIndexer, nodeHref, Panel, providerHref, When } from '../ui'
import { toWorkRow, workColumns, workKeyOf, workRowData } from '../works'

/** What waits for me: providers to whitelist, nodes to validate, works I can still check. */
export function ValidatorPage() {
  const network = useNetworkSnapshot({})
  const { address } = useConnection()
  const isValidator =
    address !== undefined &&
    network.data !== undefined &&
    isAddressEqual(address, network.data.validator)
  return (
    <>
      <h1>Validator</h1>
      <p>
        {network.data ? (
          <>
            The validator is <Hex value={network.data.validator} />.{' '}
            {isValidator
              ? 'You are connected as the validator.'
              : 'Connect as the validator to act; anyone else’s action is refused before it is sent.'}
          </>
        ) : (
          'Loading the network…'
        )}
      </p>
      <ProvidersToWhitelist />
      <NodesToValidate />
      <WorksInWindow />
    </>
  )
}

function ProvidersToWhitelist() {
  const rows = useHistory(['validator-providers'], async (query) =>
    (
      await query`select address, registered_at from provider where registered and not whitelisted order by registered_at, address`
    ).map((row) => ({
      address: getAddress(row.address as string),
      registeredAt: big(row.registered_at),
    })),
  )
  return (
    <Panel title="Providers to whitelist">
      <History query={rows} what="providers" without="The queue of providers">
        {(providers) =>
          providers.length === 0 ? (
            <p>No provider waits.</p>
          ) : (
            <ul>
              {providers.map((p) => (
                <li key={p.address}>
                  <Hex value={p.address} href={providerHref(p.address)} /> registered{' '}
                  <When at={p.registeredAt} /> <WhitelistButton provider={p.address} />
                </li>
              ))}
            </ul>
          )
        }
      </History>
    </Panel>
  )
}

function WhitelistButton({ provider }: { provider: Address }) {
  const whitelist = useWhitelistProvider()
  return (
    <>
      <button
        type="button"
        disabled={whitelist.isPending}
        onClick={() => whitelist.mutate({ provider })}
      >
        Whitelist
      </button>
      {whitelist.error && <ErrorNote error={whitelist.error} />}
    </>
  )
}

function NodesToValidate() {
  const rows = useHistory(['validator-nodes'], async (query) =>
    (
      await query`select node_key, provider, compute_units from node where registered and not validated order by added_at, node_key`
    ).map((row) => ({
      nodeKey: getAddress(row.node_key as string),
      provider: getAddress(row.provider as string),
      computeUnits: big(row.compute_units),
    })),
  )
  return (
    <Panel title="Nodes to validate">
      <History query={rows} what="nodes" without="The queue of nodes">
        {(nodes) =>
          nodes.length === 0 ? (
            <p>No node waits.</p>
          ) : (
            <ul>
              {nodes.map((n) => (
                <li key={n.nodeKey}>
                  <Hex value={n.nodeKey} href={nodeHref(n.nodeKey)} /> ({String(n.computeUnits)}{' '}
                  compute units, provider <Hex value={n.provider} href={providerHref(n.provider)} />
                  ) <ValidateButton nodeKey={n.nodeKey} />
                </li>
              ))}
            </ul>
          )
        }
      </History>
    </Panel>
  )
}

function ValidateButton({ nodeKey }: { nodeKey: Address }) {
  const validate = useValidateNode()
  return (
    <>
      <button
        type="button"
        disabled={validate.isPending}
        onClick={() => validate.mutate({ nodeKey })}
      >
        Validate
      </button>
      {validate.error && <ErrorNote error={validate.error} />}
    </>
  )
}

function WorksInWindow() {
  const now = useChainNow()
  const works = useHistory(['validator-works'], async (query) =>
    (
      await query`select * from work where status = 'ACCEPTED' and not reward_returned order by unlock_at, node_key, work_key`
    ).map(toWorkRow),
  )
  // Final works are past checking: only those whose window is still open can be invalidated.
  const open = works.data?.filter((work) => now === undefined || work.unlockAt > now)
  return (
    <Panel title="Works inside their window">
      {!works.configured ? (
        <NoIndexer what="The list of works" />
      ) : (
        <Table
          caption="Works inside their window"
          columns={[
            workColumns.node,
            workColumns.workKey,
            workColumns.reward,
            workColumns.windowEnds,
            workColumns.state,
            {
              header: <span className="visually-hidden">Actions</span>,
              cell: (work) => <WorkActions nodeKey={work.nodeKey} workKey={work.workKey} />,
            },
          ]}
          rows={open}
          error={works.error}
          empty="No work is inside its window."
          rowKey={workKeyOf}
          rowData={workRowData}
        />
      )}
    </Panel>
  )
}

function WorkActions({ nodeKey, workKey }: { nodeKey: Address; workKey: `0x${string}` }) {
  const invalidate = useInvalidateWork()
  const soft = useSoftInvalidateWork()
  const [penalty, setPenalty] = useState('0')
  let parsed: bigint | undefined
  try {
    parsed = parseEther(penalty)
  } catch {
    parsed = undefined
  }
  const busy = invalidate.isPending || soft.isPending
  return (
    <div className="inline-form">
      <label>
        Penalty (PRIME){' '}
        <input
          name="penalty"
          inputMode="decimal"
          size={6}
          value={penalty}
          onChange={(event) => setPenalty(event.target.value)}
        />
      </label>{' '}
      <button
        type="button"
        disabled={busy || parsed === undefined}
        onClick={() =>
          parsed !== undefined && invalidate.mutate({ nodeKey, workKey, penalty: parsed })
        }
      >
        Invalidate
      </button>{' '}
      <button type="button" disabled={busy} onClick={() => soft.mutate({ nodeKey, workKey })}>
        Soft-invalidate
      </button>
      {(invalidate.error || soft.error) && <ErrorNote error={invalidate.error ?? soft.error} />}
    </div>
  )
}
