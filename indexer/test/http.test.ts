import { request } from 'node:http'
import { networkInterfaces } from 'node:os'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import {
  type Chain,
  createStore,
  type Indexer,
  type Store,
  startChain,
  startIndexer,
} from './harness.js'

/**
 * Who can reach the indexer over HTTP: the address it listens on and the web origins whose pages
 * may read its answers. Both are settings of the HTTP server, whatever the store: the PGlite pass
 * checks them.
 */
describe.skipIf(inject('postgresUrl'))('the HTTP surface', () => {
  let chain: Chain
  let stores: Store[]
  /** Started the README's way, with nothing set but the chain and the port. */
  let byDefault: Indexer | undefined
  /** With PRIME_INDEXER_ORIGINS set. */
  let configured: Indexer | undefined

  beforeAll(async () => {
    chain = await startChain()
    stores = [await createStore(), await createStore()]
    const started = await Promise.allSettled([
      startIndexer({ chain, store: stores[0]!, launcher: 'pnpm' }),
      startIndexer({
        chain,
        store: stores[1]!,
        env: { PRIME_INDEXER_ORIGINS: 'https://dashboard.example.org, http://localhost:3000' },
      }),
    ])
    // Whichever started is stopped by afterAll, even when the other failed.
    ;[byDefault, configured] = started.map((result) =>
      result.status === 'fulfilled' ? result.value : undefined,
    )
    for (const result of started) if (result.status === 'rejected') throw result.reason
  }, 600_000)

  afterAll(async () => {
    await Promise.all([byDefault?.stop(), configured?.stop()])
    await chain?.stop()
    await Promise.all(stores.map((store) => store.drop()))
  })

  /** Status of GET /health at `host`, or the connection error's code. */
  const health = (host: string, port: number) =>
    new Promise<number | string>((done) => {
      const call = request({ host, port, path: '/health', timeout: 5_000 }, (response) => {
        response.resume()
        done(response.statusCode!)
      })
      call.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message))
      call.end()
    })

  test('by default it listens on 127.0.0.1 only, on PRIME_INDEXER_PORT', async () => {
    const port = Number(new URL(byDefault!.url).port)
    expect(await health('127.0.0.1', port)).toBe(200)
    // Every other address of this machine (link-local IPv6 needs a zone: left out).
    const others = Object.values(networkInterfaces())
      .flat()
      .map((address) => address!.address)
      .filter((address) => address !== '127.0.0.1' && !address.startsWith('fe80'))
    expect(others.length).toBeGreaterThan(0)
    for (const address of others)
      expect([address, await health(address, port)]).toEqual([address, 'ECONNREFUSED'])
  })

  /** The CORS headers a browser acts on, for a page from `origin`. */
  async function allowance(url: string, origin: string, method: 'GET' | 'OPTIONS' = 'GET') {
    const response = await fetch(url, {
      method,
      headers: {
        origin,
        ...(method === 'OPTIONS' && {
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        }),
      },
    })
    await response.arrayBuffer()
    return response.headers.get('access-control-allow-origin')
  }

  const sqlUrl = (url: string) =>
    `${url}/sql/db?sql=${encodeURIComponent(JSON.stringify({ json: { sql: 'select 1', params: [] } }))}`

  test('by default only the dashboard dev server may read answers from a browser', async () => {
    const { url } = byDefault!
    for (const endpoint of [sqlUrl(url), `${url}/status`, `${url}/graphql`]) {
      expect(await allowance(endpoint, 'http://localhost:5173')).toBe('http://localhost:5173')
      expect(await allowance(endpoint, 'https://evil.example')).toBeNull()
    }
    // A preflight (GraphQL POSTs JSON) tells a foreign page nothing either.
    expect(await allowance(`${url}/graphql`, 'https://evil.example', 'OPTIONS')).toBeNull()
    expect(await allowance(`${url}/graphql`, 'http://localhost:5173', 'OPTIONS')).toBe(
      'http://localhost:5173',
    )
  })

  test('PRIME_INDEXER_ORIGINS lists the origins that may', async () => {
    const { url } = configured!
    for (const origin of ['https://dashboard.example.org', 'http://localhost:3000'])
      expect(await allowance(sqlUrl(url), origin)).toBe(origin)
    expect(await allowance(sqlUrl(url), 'http://localhost:5173')).toBeNull()
    expect(await allowance(sqlUrl(url), 'https://evil.example')).toBeNull()
  })
})
