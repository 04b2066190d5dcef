import { createContext, useContext } from 'react'

/** What the app's parts read from its config beyond the chain: the indexer and the poll rate. */
export const SettingsContext = createContext<{
  indexerUrl: string | undefined
  pollingInterval: number
}>({ indexerUrl: undefined, pollingInterval: 1000 })

export const useSettings = () => useContext(SettingsContext)
