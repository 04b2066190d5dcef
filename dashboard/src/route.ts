import { useEffect, useState } from 'react'
import { getAddress, isAddress } from 'viem'

export type Route =
  | { page: 'network' }
  | { page: 'validator' }
  | { page: 'pool'; poolId: bigint }
  | { page: 'provider'; address: `0x${string}` }
  | { page: 'node'; address: `0x${string}` }
  | { page: 'not-found'; path: string }

/** `#/pool/1`, `#/provider/0x…`: a hash route needs no server support for deep links. */
export function parseRoute(hash: string): Route {
  const [page, arg] = hash.replace(/^#\/?/, '').split('/')
  if (!page) return { page: 'network' }
  if (page === 'validator') return { page: 'validator' }
  if (page === 'pool' && arg && /^\d+$/.test(arg) && BigInt(arg) > 0n)
    return { page: 'pool', poolId: BigInt(arg) }
  if ((page === 'provider' || page === 'node') && arg && isAddress(arg))
    return { page, address: getAddress(arg) }
  return { page: 'not-found', path: hash }
}

export function useRoute() {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const onChange = () => setHash(window.location.hash)
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return parseRoute(hash)
}
