import type { PoolNode } from '@prime-network/sdk'
import { renderToStaticMarkup } from 'react-dom/server'
import { getAddress, parseEther, toHex } from 'viem'
import { expect, test } from 'vitest'
import { ChainClockContext } from '../clock'
import { Members } from './Pool'

test('a pool of 200 nodes puts only the rows on screen in the page, and says how many there are', () => {
  const nodes: PoolNode[] = Array.from({ length: 200 }, (_, i) => ({
    nodeKey: getAddress(toHex(i + 1, { size: 20 })),
    provider: getAddress(toHex(1000, { size: 20 })),
    computeUnits: 1n,
    joinedAt: 1_767_225_600n,
    activeSeconds: 0n,
    pendingRewards: parseEther('1'),
    workLocked: 0n,
  }))
  const html = renderToStaticMarkup(
    <ChainClockContext.Provider value={{ timestamp: 1_767_225_660n }}>
      <Members nodes={nodes} />
    </ChainClockContext.Provider>,
  )
  const rows = html.match(/<tr data-node="/g) ?? []
  expect(rows.length).toBeGreaterThan(0)
  expect(rows.length).toBeLessThan(30)
  expect(html).toContain('aria-rowcount="201"')
  expect(html).toContain(`<tr data-node="${nodes[0]!.nodeKey}" aria-rowindex="2"`)
  expect(html).toContain('<td data-figure="in-pool">1 min</td>')
})
