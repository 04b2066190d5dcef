import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { devClient } from './flow.js'
import {
  type Chain,
  createStore,
  type Indexer,
  packageRoot,
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

/**
 * The served indexer's statement timeout in the read-only role's tests: long enough that a loaded
 * machine answers /health and indexes a block inside it, short enough to wait for once.
 */
const queryTimeout = 6_000

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

test('a query longer than 5,000 characters is refused', async () => {
  const long = `select 1 as ok /* ${'x'.repeat(5_000)} */`
  expect(await sql(indexer.url, long)).toEqual({ status: 500, error: 'Invalid query' })
})

/**
 * Production serves the public from `ponder serve` on Postgres, logged in as the role
 * scripts/reader.sql creates. (On PGlite a query runs in the indexer's own thread, where nothing
 * can cancel it: see the README.)
 */
describe.runIf(inject('postgresUrl'))('a public `ponder serve` with the reader role', () => {
  let server: Indexer
  let readerUrl: string

  beforeAll(async () => {
    const url = new URL(store.env.DATABASE_URL!)
    const reader = `prime_reader_${process.pid}`
    await promisify(execFile)(join(packageRoot, 'scripts/postgres.sh'), [
      'psql',
      url.toString(),
      '--quiet',
      ...['-v', `reader=${reader}`, '-v', 'password=reader-password', '-v', 'schema=prime'],
      ...['-f', join(packageRoot, 'scripts/reader.sql')],
    ])
    url.username = reader
    url.password = 'reader-password'
    readerUrl = url.toString()
    server = await startIndexer({
      chain,
      store,
      command: 'serve',
      env: { DATABASE_URL: readerUrl, PRIME_QUERY_TIMEOUT_MS: String(queryTimeout) },
    })
  }, 120_000)

  afterAll(() => server?.stop())

  test('its role reads the index and can change nothing, whatever SQL it sends', async () => {
    expect(await sql(server.url, 'select status from pool')).toEqual({ status: 200, rows: [] })
    const graphql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ pools { items { poolId } } }' }),
    })
    expect(await graphql.json()).toEqual({ data: { pools: { items: [] } } })
    const client = new pg.Client({ connectionString: readerUrl })
    await client.connect()
    const attempt = (text: string) =>
      client.query(text).then(
        () => 'done',
        (error: Error) => error.message,
      )
    try {
      // As if a query got past the allowlist and out of the read-only transaction.
      expect(await attempt('create table prime.pwned (x int)')).toBe(
        'permission denied for schema prime',
      )
      expect(await attempt('delete from prime.pool')).toBe('permission denied for table pool')
      expect(await attempt(`comment on table prime.pool is 'defaced'`)).toBe(
        'must be owner of table pool',
      )
      expect(await attempt('drop table prime.pool')).toBe('must be owner of table pool')
    } finally {
      await client.end()
    }
  })

  test('a slow query is cancelled at the timeout while /health and indexing go on', async () => {
    // An 11-way self-join: without a timeout it runs for hours.
    const tables = Array.from({ length: 11 }, (_, i) => `protocol_event e${i}`).join(', ')
    const started = Date.now()
    let finished = false
    const slow = sql(server.url, `select count(*) from ${tables}`).finally(() => {
      finished = true
    })

    // Both answer while the slow query still runs (the timeout leaves seconds for a loaded machine).
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
    expect(finished).toBe(false)
    const federator = devClient(chain.deployment, chain.rpcUrl, 0)
    await federator.createDomain({
      name: 'during-the-slow-query',
      validationLogic: chain.deployment.workValidation!,
      domainParametersURI: 'ipfs://slow',
    })
    await indexer.waitForBlock(await federator.getBlockNumber())
    expect(finished).toBe(false)

    expect(await slow).toEqual({
      status: 500,
      error: 'canceling statement due to statement timeout',
    })
    // Once, at the timeout: a retried query would take two timeouts.
    const took = Date.now() - started
    expect(took).toBeGreaterThanOrEqual(queryTimeout)
    expect(took).toBeLessThan(2 * queryTimeout)
    expect(await sql(server.url, 'select name from domain')).toEqual({
      status: 200,
      rows: [{ name: 'during-the-slow-query' }],
    })
  })
})
