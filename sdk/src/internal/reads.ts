import {
  type ContractFunctionName,
  type ContractFunctionParameters,
  type MulticallParameters,
  type ReadContractReturnType,
  withRetry,
} from 'viem'
import { getBlockNumber, multicall } from 'viem/actions'
import { getAction } from 'viem/utils'
import { type AnyClient, assertPositive } from './utils.js'

/**
 * Options of viem's `multicall` that make many reads one `eth_call`: no failures allowed (a
 * revert becomes the protocol's typed error), no splitting into several requests, and the
 * deployless form where the chain has no known Multicall3 (a bare anvil has none).
 */
export function multicallOptions(client: AnyClient) {
  return {
    allowFailure: false,
    batchSize: 0,
    deployless: !client.chain?.contracts?.multicall3,
  } as const
}

type ResultOf<call extends ContractFunctionParameters> = ReadContractReturnType<
  call['abi'],
  call['functionName'] & ContractFunctionName<call['abi'], 'view' | 'pure'>
>

/**
 * One call followed by a list of calls of another kind, as one `eth_call`. viem types a
 * multicall's results per element of a tuple, which a mapped list is not; this keeps both kinds
 * typed.
 */
export async function readMany<
  const head extends ContractFunctionParameters,
  const tail extends ContractFunctionParameters,
>(
  client: AnyClient,
  head: head,
  tail: readonly tail[],
): Promise<[ResultOf<head>, ...ResultOf<tail>[]]> {
  const contracts: MulticallParameters['contracts'] = [head, ...tail]
  const results = await getAction(
    client,
    multicall,
    'multicall',
  )({ ...multicallOptions(client), contracts })
  return results as [ResultOf<head>, ...ResultOf<tail>[]]
}

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
 * Reads logs from `fromBlock` to the latest block with `fetch`, in chunks of `logBlockRange`
 * blocks when one is set, retrying each request. Chunks run one after the other so a capped RPC
 * is not flooded; the logs come back in block order.
 */
export async function readLogs<log>(
  client: AnyClient,
  fromBlock: bigint,
  options: LogParameters,
  fetch: (range: BlockRange) => Promise<log[]>,
): Promise<log[]> {
  const { logBlockRange, logRetryCount = 2 } = options
  if (logBlockRange !== undefined) assertPositive('logBlockRange', logBlockRange)
  const attempt = (range: BlockRange) =>
    withRetry(() => fetch(range), { retryCount: logRetryCount, delay: 100 })
  if (logBlockRange === undefined) return attempt({ fromBlock, toBlock: 'latest' })
  const latest = await getAction(client, getBlockNumber, 'getBlockNumber')({ cacheTime: 0 })
  const logs: log[] = []
  for (let start = fromBlock; start <= latest; start += logBlockRange) {
    const end = start + logBlockRange - 1n
    logs.push(...(await attempt({ fromBlock: start, toBlock: end < latest ? end : latest })))
  }
  return logs
}
