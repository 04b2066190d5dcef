import type { TransactionReceipt } from 'viem'

/** The stable JSON fields every transaction-sending command reports. */
export function txFields(result: { hash: `0x${string}`; receipt: TransactionReceipt }) {
  return {
    hash: result.hash,
    blockNumber: result.receipt.blockNumber,
    gasUsed: result.receipt.gasUsed,
  }
}
