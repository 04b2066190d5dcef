import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import type { Address } from 'viem'
import { describeError } from './errors'
import { formatDuration, formatPrime, isoTime, relativeTime, shortHex } from './format'

/** The chain's time: the latest block's timestamp, advanced by the wall clock since it was seen. */
export const ChainClockContext = createContext<{ blockNumber?: bigint; timestamp?: bigint }>({})

/** Chain time now, in unix seconds, ticking every second (for countdowns). */
export function useChainNow(): number | undefined {
  const { timestamp } = useContext(ChainClockContext)
  const [seenAt, setSeenAt] = useState(() => Date.now())
  const [, tick] = useState(0)
  useEffect(() => setSeenAt(Date.now()), [timestamp])
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000)
    return () => clearInterval(timer)
  }, [])
  if (timestamp === undefined) return undefined
  return Number(timestamp) + Math.floor((Date.now() - seenAt) / 1000)
}

export function Prime({ value }: { value: bigint }) {
  return <span className="amount">{formatPrime(value)}</span>
}

export function Duration({ seconds }: { seconds: bigint | number }) {
  return <span title={`${seconds} s`}>{formatDuration(seconds)}</span>
}

/** A moment as ISO 8601 and relative to the chain's time. */
export function When({ at }: { at: bigint | number }) {
  const now = useChainNow()
  const iso = isoTime(at)
  return (
    <time dateTime={iso}>
      {iso}
      {now !== undefined && <span className="relative"> ({relativeTime(at, now)})</span>}
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

export function ErrorNote({ error }: { error: unknown }) {
  const described = describeError(error)
  return (
    <div role="alert" className="error">
      <strong>{described.message}</strong>
      {described.next && <p>{described.next}</p>}
    </div>
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

/** What a history panel says when no indexer is configured. */
export function NoIndexer({ what }: { what: string }) {
  return (
    <p className="note">
      {what} come from the indexer, and none is configured (set <code>indexerUrl</code> in
      config.json). Live figures above are read from the chain.
    </p>
  )
}
