/**
 * History from the indexer (Ponder's SQL over HTTP, through @ponder/client): one query per panel.
 * The client is loaded on first use, so the initial bundle does not carry it.
 */
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { useSettings } from './settings'

/** The indexer's URL, or undefined when none is configured. */
export const useIndexerUrl = () => useSettings().indexerUrl

/**
 * The newest block the indexer holds (its `/status`), polled. The index trails the chain by a
 * block or more, so history panels re-query when the index moves, not when the chain does.
 */
export function useIndexedBlock(): number | undefined {
  const { indexerUrl: url, pollingInterval } = useSettings()
  const status = useQuery({
    queryKey: ['indexer-status', url],
    queryFn: async () => {
      const response = await fetch(`${url}/status`)
      const body = (await response.json()) as Record<string, { block: { number: number } }>
      return Math.min(...Object.values(body).map((chain) => chain.block.number))
    },
    enabled: url !== undefined,
    refetchInterval: pollingInterval,
  })
  return status.data
}

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
 * and returns the rows the panel shows: one query, asked again each time the index reaches a new
 * block (App invalidates `historyKey` then).
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
