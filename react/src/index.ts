export type { PrimeMutationError } from './mutations.js'
export * from './mutations.js'
export {
  PrimeNetworkProvider,
  protocolEventsIn,
  refreshAfter,
  useDeployment,
} from './provider.js'
export * from './queries.js'
