import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { type Column, Table } from './table'

type Row = { id: string; units: number }
const columns: Column<Row>[] = [
  { header: 'Node', cell: (row) => row.id },
  { header: 'Units', cell: (row) => String(row.units), figure: 'units' },
]
const rows: Row[] = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, units: i + 1 }))

function render(props: Partial<Parameters<typeof Table<Row>>[0]>) {
  return renderToStaticMarkup(
    <Table<Row>
      caption="Nodes"
      columns={columns}
      rows={rows}
      empty="No node yet."
      rowKey={(row) => row.id}
      rowData={(row) => ({ 'data-node': row.id })}
      {...props}
    />,
  )
}

describe('Table', () => {
  test('a caption, a header row, and each row with its data attribute and figures', () => {
    const html = render({})
    expect(html).toContain('<caption class="visually-hidden">Nodes</caption>')
    expect(html).toContain('<th scope="col">Node</th><th scope="col">Units</th>')
    expect(html).toContain('<tr data-node="b"><td>b</td><td data-figure="units">2</td></tr>')
    expect(html.match(/<tr data-node=/g)).toHaveLength(4)
    expect(html).not.toContain('aria-rowcount')
  })

  test('loading, could not load, and empty each say so instead of an empty table', () => {
    expect(render({ rows: undefined })).toBe('<p aria-busy="true">Loading nodes…</p>')
    expect(render({ rows: [] })).toBe('<p>No node yet.</p>')
    const failed = render({ rows: undefined, error: new Error('indexer down') })
    expect(failed).toContain('role="alert"')
    expect(failed).toContain('indexer down')
  })

  test('virtualised: only the visible rows, their place among all, spacers for the rest', () => {
    const html = render({ visible: { indexes: [1, 2], above: 36, below: 36, rowHeight: 36 } })
    expect(html).toContain('<table aria-rowcount="5">')
    expect(html.match(/<tr data-node=/g)).toHaveLength(2)
    expect(html).toContain('<tr data-node="b" aria-rowindex="3" style="height:36px">')
    expect(
      html.match(/<tr><td colSpan="2" style="height:36px;padding:0"><\/td><\/tr>/g),
    ).toHaveLength(2)
  })
})
