/**
 * The dashboard's one table: a caption that names it, a header row, one row per item, and the
 * states around it (loading, could not load, empty), so every page's tables read and behave alike.
 */
import type { Key, ReactNode } from 'react'
import type { Address } from 'viem'
import { ErrorNote } from './errors'
import { Hex, nodeHref, Prime, poolHref, providerHref } from './ui'

/** A column: its header, what a row shows in it, and the cell's name for tests (`data-figure`). */
export type Column<row> = {
  header: ReactNode
  cell: (row: row) => ReactNode
  figure?: string
}

/** The node column of every table: the row's `nodeKey`, linked to the node's page. */
export const nodeColumn: Column<{ nodeKey: Address }> = {
  header: 'Node',
  cell: (row) => <Hex value={row.nodeKey} href={nodeHref(row.nodeKey)} />,
}

/** A provider column: the address in the row's `key`, linked to the provider's page. */
export const providerColumn = <key extends string>(key: key): Column<Record<key, Address>> => ({
  header: 'Provider',
  cell: (row) => <Hex value={row[key]} href={providerHref(row[key])} />,
})

/** A pool column: `Pool <id>` from the row's `key`, linked to the pool's page. */
export const poolColumn = <key extends string>(key: key): Column<Record<key, bigint>> => ({
  header: 'Pool',
  cell: (row) => <a href={poolHref(row[key])}>Pool {String(row[key])}</a>,
})

/** An amount column: the row's `key` in PRIME, named `figure` for tests. */
export const primeColumn = <key extends string>(
  header: string,
  key: key,
  figure?: string,
): Column<Record<key, bigint>> => ({
  header,
  cell: (row) => <Prime value={row[key]} />,
  ...(figure === undefined ? {} : { figure }),
})

/**
 * Only some rows are in the page (a virtualised list): their indexes, and the height of the rows
 * above and below them, which spacer rows keep so the table scrolls as if all were there.
 */
export type VisibleRows = { indexes: number[]; above: number; below: number; rowHeight: number }

export function Table<row>(props: {
  /** Names the table for assistive technology; the panel's heading names it to the eye. */
  caption: string
  columns: Column<row>[]
  /** Undefined while the rows load. */
  rows: readonly row[] | undefined
  /** Why the rows could not be read. */
  error?: unknown
  /** What the table says when there is no row. */
  empty: string
  rowKey: (row: row, index: number) => Key
  /** What a test finds a row by (`data-pool`, `data-node`, …). */
  rowData?: (row: row) => Record<`data-${string}`, string>
  visible?: VisibleRows | undefined
}) {
  const { caption, columns, rows, visible } = props
  if (props.error) return <ErrorNote error={props.error} />
  if (rows === undefined) return <p aria-busy="true">Loading {caption.toLowerCase()}…</p>
  if (rows.length === 0) return <p>{props.empty}</p>
  const indexes = visible?.indexes ?? rows.map((_, index) => index)
  const spacer = (height: number) =>
    height > 0 && (
      <tr>
        <td colSpan={columns.length} style={{ height, padding: 0 }} />
      </tr>
    )
  return (
    // With only some rows in the page, the row count and indexes tell assistive technology where
    // the shown rows sit among all of them (the header row is row 1).
    <table aria-rowcount={visible ? rows.length + 1 : undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {visible && spacer(visible.above)}
        {indexes.map((index) => {
          const row = rows[index]!
          return (
            <tr
              key={props.rowKey(row, index)}
              {...props.rowData?.(row)}
              aria-rowindex={visible ? index + 2 : undefined}
              style={visible ? { height: visible.rowHeight } : undefined}
            >
              {columns.map((column, index) => (
                <td key={index} data-figure={column.figure}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          )
        })}
        {visible && spacer(visible.below)}
      </tbody>
    </table>
  )
}
