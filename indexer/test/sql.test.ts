import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import {
  type Chain,
  createStore,
  type Indexer,
  type Store,
  startChain,
  startIndexer,
} from './harness.js'

/**
 * `/sql` takes any query from anyone who can reach it: what it refuses, and what it cannot do
 * even with a query that got past its allowlist.
 */
let chain: Chain
let store: Store
let indexer: Indexer

beforeAll(async () => {
  chain = await startChain()
  store = await createStore(inject('postgresUrl'))
  indexer = await startIndexer({ chain, store })
}, 600_000)

afterAll(async () => {
  await indexer?.stop()
  await chain?.stop()
  await store?.drop()
})

/** Sends one raw query the way `@ponder/client` does (a superjson-encoded GET). */
async function sql(url: string, text: string) {
  const query = encodeURIComponent(JSON.stringify({ json: { sql: text, params: [] } }))
  const response = await fetch(`${url}/sql/db?sql=${query}`)
  return response.ok
    ? { status: response.status, rows: ((await response.json()) as { rows: unknown[] }).rows }
    : { status: response.status, error: await response.text() }
}

// Found by scripts/find-collisions.ts.
const pairs = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/colliding-queries.json'), 'utf8'),
) as { allowed: string; forbidden: string }[]

test('each committed pair collides in the 40 bits Ponder 0.16.10 cached verdicts by', () => {
  const digest = (text: string) => createHash('sha256').update(text).digest('hex')
  for (const { allowed, forbidden } of pairs) {
    expect(digest(forbidden).slice(0, 10)).toBe(digest(allowed).slice(0, 10))
    expect(digest(forbidden)).not.toBe(digest(allowed))
  }
})

test('a query whose digest collides with an allowed one is still checked', async () => {
  const { allowed, forbidden } = pairs[0]!
  expect(await sql(indexer.url, allowed)).toEqual({ status: 200, rows: [{ ok: 1 }] })
  expect(await sql(indexer.url, forbidden)).toEqual({
    status: 500,
    error: 'CreateStmt not supported',
  })
  expect(await sql(indexer.url, 'select x from pwned')).toEqual({
    status: 500,
    error: 'relation "pwned" does not exist',
  })
})

test('a refused query does not refuse the allowed one it collides with', async () => {
  const { allowed, forbidden } = pairs[1]!
  expect(await sql(indexer.url, forbidden)).toEqual({
    status: 500,
    error: 'CreateStmt not supported',
  })
  expect(await sql(indexer.url, allowed)).toEqual({ status: 200, rows: [{ ok: 1 }] })
})

test('a write that passes the allowlist fails: queries run in a read-only transaction', async () => {
  // Ponder's allowlist lets COMMENT through; it stands for any write that gets past it.
  expect(await sql(indexer.url, `comment on table pool is 'defaced'`)).toEqual({
    status: 500,
    error: 'cannot execute COMMENT in a read-only transaction',
  })
})
