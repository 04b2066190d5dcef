import { withRetry } from 'viem'
import { getBlockNumber } from 'viem/actions'
import { getAction } from 'viem/utils'
import { type AnyClient, assertPositive } from './utils.js'

/** How event logs are read; public RPCs cap the block range of one `eth_getLogs`. */
export type LogParameters = {
  /**
   * The most blocks one `eth_getLogs` may span (default: none, the whole range in one request).
   * With a range, the latest block number is read first and the logs are read in chunks.
   */
  logBlockRange?: bigint | undefined
  /** How often a failed `eth_getLogs` is retried, with backoff (default: 2). */
  logRetryCount?: number | undefined
}

/** A block range to read logs for. */
export type BlockRange = { fromBlock: bigint; toBlock: bigint | 'latest' }

/**
 * Reads logs from `fromBlock` to `toBlock` (default: the latest block) with `fetch`, in chunks of
 * `logBlockRange` blocks when one is set, retrying each request. Chunks run one after the other so
 * a capped RPC is not flooded; the logs come back in block order.
 */
export async function readLogs<log>(
  client: AnyClient,
  { fromBlock, toBlock }: { fromBlock: bigint; toBlock?: bigint | undefined },
  options: LogParameters,
  fetch: (range: BlockRange) => Promise<log[]>,
): Promise<log[]> {
  const { logBlockRange, logRetryCount = 2 } = options
  if (logBlockRange !== undefined) assertPositive('logBlockRange', logBlockRange)
  const attempt = (range: BlockRange) =>
    withRetry(() => fetch(range), { retryCount: logRetryCount, delay: 100 })
  if (logBlockRange === undefined) return attempt({ fromBlock, toBlock: toBlock ?? 'latest' })
  const latest =
    toBlock ?? (await getAction(client, getBlockNumber, 'getBlockNumber')({ cacheTime: 0 }))
  const logs: log[] = []
  for (let start = fromBlock; start <= latest; start += logBlockRange) {
    const end = start + logBlockRange - 1n
    logs.push(...(await attempt({ fromBlock: start, toBlock: end < latest ? end : latest })))
  }
  return logs
}
