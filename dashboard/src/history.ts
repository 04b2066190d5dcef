/**
 * History from the indexer (Ponder's SQL over HTTP, through @ponder/client): one query per panel.
 * The client is loaded on first use, so the initial bundle does not carry it.
 */
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { createContext, useContext } from 'react'

export const IndexerContext = createContext<string | undefined>(undefined)

/** The indexer's URL, or undefined when none is configured. */
export const useIndexerUrl = () => useContext(IndexerContext)

type Row = Record<string, unknown>

let clients: Map<
  string,
  Promise<(text: TemplateStringsArray, ...values: unknown[]) => Promise<Row[]>>
>

function clientFor(url: string) {
  clients ??= new Map()
  let client = clients.get(url)
  if (!client) {
    client = import('@ponder/client').then(({ createClient, sql }) => {
      const { db } = createClient(`${url}/sql`)
      return async (text: TemplateStringsArray, ...values: unknown[]) => {
        const result = (await db.execute(sql(text, ...values))) as unknown as
          | Row[]
          | { rows: Row[] }
        return Array.isArray(result) ? result : result.rows
      }
    })
    clients.set(url, client)
  }
  return client
}

/**
 * One panel's history: `select` gets a tagged-template SQL runner (values are bound parameters)
 * and returns the rows the panel shows. Refreshed with each new block (`historyKey` rows are
 * invalidated by the block watcher in App), never polled on its own.
 */
export function useHistory<data>(
  key: readonly unknown[],
  select: (
    query: (text: TemplateStringsArray, ...values: unknown[]) => Promise<Row[]>,
  ) => Promise<data>,
): UseQueryResult<data> & { configured: boolean } {
  const url = useIndexerUrl()
  const result = useQuery({
    queryKey: [historyKey, url, ...key],
    queryFn: async () => select(await clientFor(url!)),
    enabled: url !== undefined,
  })
  return Object.assign(result, { configured: url !== undefined })
}

export const historyKey = 'indexer-history'

/** Postgres numeric columns arrive as strings: back to bigint. */
export const big = (value: unknown): bigint => BigInt(value as string | number)
