import { formatDuration, formatTime, formatTokenAmount } from '@prime-network/sdk/explain'
import type { ReactNode } from 'react'
import type { Address } from 'viem'
import { useChainNow } from './clock'
import { ErrorNote } from './errors'
import { shortHex } from './format'

export function Prime({ value }: { value: bigint }) {
  return <span className="amount">{formatTokenAmount(value)}</span>
}

export function Duration({ seconds }: { seconds: bigint }) {
  return <span title={`${seconds} s`}>{formatDuration(seconds)}</span>
}

/**
 * A moment as the SDK writes it, ISO 8601 (UTC) and how far it is from the chain's time:
 * `2026-12-07T10:00:00Z (in 2 h)`. Busy until the chain's time is known, so no page shows a time
 * relative to the wall clock.
 */
export function When({ at }: { at: bigint }) {
  const now = useChainNow()
  if (now === undefined) return <span aria-busy="true">…</span>
  const date = new Date(Number(at) * 1000)
  return (
    <time dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()}>
      {formatTime(at, now)}
    </time>
  )
}

export function Hex({ value, href }: { value: string; href?: string }) {
  const text = <code title={value}>{shortHex(value)}</code>
  return href ? <a href={href}>{text}</a> : text
}

export const providerHref = (address: Address) => `#/provider/${address}`
export const nodeHref = (address: Address) => `#/node/${address}`
export const poolHref = (poolId: bigint) => `#/pool/${poolId}`

export function Panel(props: { title: string; children: ReactNode; id?: string }) {
  const id = props.id ?? `panel-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  )
}

/** Label/value pairs, each value under a test-friendly name (`data-figure`). */
export function Figures({
  items,
}: {
  items: [label: string, value: ReactNode, figure?: string][]
}) {
  return (
    <dl className="figures">
      {items.map(([label, value, figure]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-figure={figure}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Loading, error and empty states, so no panel is left to chance. */
export function Loadable<data>(props: {
  query: { data: data | undefined; error: unknown }
  children: (data: data) => ReactNode
  what: string
}) {
  if (props.query.error) return <ErrorNote error={props.query.error} />
  if (props.query.data === undefined) return <p aria-busy="true">Loading {props.what}…</p>
  return <>{props.children(props.query.data)}</>
}

/** A history panel's body: the indexer's answer, or (without an indexer) what would be there. */
export function History<data>(props: {
  query: { configured: boolean; data: data | undefined; error: unknown }
  /** What is loading, in the middle of a sentence ("claims"). */
  what: string
  /** What the indexer would show, at the start of a sentence ("Past claims"). */
  without: string
  children: (data: data) => ReactNode
}) {
  if (!props.query.configured) return <NoIndexer what={props.without} />
  return (
    <Loadable query={props.query} what={props.what}>
      {props.children}
    </Loadable>
  )
}

/** What a history panel says when no indexer is configured. */
export function NoIndexer({ what }: { what: string }) {
  return (
    <p className="note">
      {what} come from the indexer, and none is configured (set <code>indexerUrl</code> in
      config.json). Live figures above are read from the chain.
    </p>
  )
}
