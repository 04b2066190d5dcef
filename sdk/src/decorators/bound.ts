import type { AnyClient } from '../internal/utils.js'

/** An action without its client argument: what the decorated client's method takes. */
export type Bound<action> = action extends (client: AnyClient, ...rest: infer rest) => infer result
  ? (...rest: rest) => result
  : never
