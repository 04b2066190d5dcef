import type { Address, Log } from 'viem'
import { parseEventLogs } from 'viem/utils'
import { computePoolAbi } from '../abis.js'
import { assertAddress, assertId } from './utils.js'

/** A node in a pool: what eviction and ineligible-ejection calls list. */
export type NodeInPool = { poolId: bigint; nodeKey: Address }

/** Checks a list of pool nodes before anything is sent. */
export function assertPoolNodes(name: string, nodes: readonly NodeInPool[]) {
  nodes.forEach((node, i) => {
    assertId(`${name}[${i}].poolId`, node?.poolId)
    assertAddress(`${name}[${i}].nodeKey`, node.nodeKey)
  })
}

/** The nodes a transaction took out of their pools, from its NodeLeftPool events. */
export function nodesThatLeft(logs: Log[]): NodeInPool[] {
  return parseEventLogs({ abi: computePoolAbi, logs, eventName: 'NodeLeftPool' }).map((log) => ({
    poolId: log.args.poolId,
    nodeKey: log.args.nodeKey,
  }))
}

/** The node keys a transaction put into a pool, from its NodeJoinedPool events. */
export function nodesThatJoined(logs: Log[]): Address[] {
  return parseEventLogs({ abi: computePoolAbi, logs, eventName: 'NodeJoinedPool' }).map(
    (log) => log.args.nodeKey,
  )
}
