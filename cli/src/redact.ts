/**
 * RPC and indexer URLs often carry credentials: `user:password@`, or a provider's API key in the
 * path (`/v3/<key>`) or the query (`?apikey=`). Everything the CLI prints that may hold a URL
 * passes through here, so a pasted error or `prime config` never hands one out.
 */

const MASK = '***'

// A path segment that looks like a key rather than a route: long, or letters and digits mixed
// (`/v2/` and `/rpc` stay readable, `/v3/9aa3d95b3bc440fa88ea12eaa4456161` does not).
const looksLikeKey = (segment: string) =>
  segment.length >= 20 ||
  (segment.length >= 12 && /[0-9]/.test(segment) && /[a-zA-Z]/.test(segment))

/** `url` with its credentials, key-like path segments and query values masked. */
export function redactUrl(url: string): string {
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {}
  // Not a URL with a host we can take apart (a typo such as a missing scheme, which URL reads as
  // an opaque path): mask whatever sits where credentials would, and the whole path and query.
  if (!parsed?.host)
    return url.replace(/^([^/@\s]*\/\/)?[^/@\s]*@/, `$1${MASK}@`).replace(/[/?].*$/, `/${MASK}`)
  const path = parsed.pathname
    .split('/')
    .map((segment) => (looksLikeKey(segment) ? MASK : segment))
    .join('/')
  const query = [...parsed.searchParams.keys()]
  // A URL without secrets is printed as given (URL would add a trailing slash, for one).
  if (!parsed.username && !parsed.password && path === parsed.pathname && query.length === 0)
    return url
  if (parsed.username || parsed.password) {
    parsed.username = MASK
    parsed.password = ''
  }
  parsed.pathname = path
  for (const key of query) parsed.searchParams.set(key, MASK)
  // URL encodes the mask in the query; people read it better bare.
  return parsed.href.replaceAll(encodeURIComponent(MASK), MASK)
}

/** `text` with every URL in it redacted (error messages quote the URLs they failed on). */
export function redactText(text: string): string {
  // A URL ends before whitespace or quotes, and before punctuation that closes a sentence.
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]*[^\s'"<>.,:;)]/gi, (url) => redactUrl(url))
}
