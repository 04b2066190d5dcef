import { createContext, useContext } from 'react'

/** The chain's latest block, as the header shows it: its number and its time. */
export const ChainClockContext = createContext<{ blockNumber?: bigint; timestamp?: bigint }>({})

/**
 * The chain's time, in unix seconds: the latest block's, which is what the CLI passes the SDK's
 * formatters as `now`. It moves when a block comes (each second on the local chain `pnpm
 * dashboard` starts), so a countdown, a time in a pool and the rewards read at that block agree.
 * Undefined until the first block is known.
 */
export const useChainNow = (): bigint | undefined => useContext(ChainClockContext).timestamp
