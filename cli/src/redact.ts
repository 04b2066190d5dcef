/**
 * RPC and indexer URLs often carry credentials: `user:password@`, or a provider's API key in the
 * path (`/v3/<key>`) or the query (`?apikey=`). Everything the CLI prints that may hold a URL
 * passes through here, so a pasted error or `prime config` never hands one out.
 */

export const MASK = '***'

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

/**
 * The secrets this process has read: keys, passwords, a keystore's encrypted fields, the
 * credentials inside URLs. `maskSecrets` masks each of them wherever it appears, as a last line
 * behind the rule that no output path prints one: a message from a library (viem, an RPC's reply,
 * a parser quoting its input) is text the CLI does not write itself.
 */
const hexSecrets = new Set<string>()
const textSecrets = new Set<string>()

// Hex this long is a key or a keystore field, never a figure of the output by chance.
const SHORTEST_HEX = 32
// A text is masked only when it cannot be ordinary words of the output: 8 characters or more,
// of at least two kinds (lower, upper, digit, symbol; spaces do not count). A password such as
// `provider` or `wrong password` would otherwise turn those words of any message or result into
// `***` (and break JSON keys); such a text is guessed anyway, and no output path prints one.
const SHORTEST_TEXT = 8
const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9\s]/]

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Remembers `secret` so `maskSecrets` (and `scrub`) mask it. Hex (a key, a keystore field) is
 * remembered without its `0x` and matched in any case, so it is masked as `0xABCD…`, `abcd…` or
 * inside longer hex; other text exactly as it is.
 */
export function rememberSecret(secret: string | undefined) {
  if (!secret) return
  const bare = secret.replace(/^0x/, '')
  if (/^[0-9a-fA-F]+$/.test(bare) && bare.length >= SHORTEST_HEX) hexSecrets.add(bare.toLowerCase())
  else if (secret.length >= SHORTEST_TEXT && kinds.filter((kind) => kind.test(secret)).length >= 2)
    textSecrets.add(secret)
  else return
  patterns = undefined
}

/**
 * Remembers what `url` carries that is secret: its user and password (and the Basic header viem
 * builds from them), path segments that look like API keys, and query values.
 */
export function rememberUrlSecrets(url: string | undefined) {
  if (!url) return
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return
  }
  const user = decodeURIComponent(parsed.username)
  const password = decodeURIComponent(parsed.password)
  rememberSecret(user)
  rememberSecret(password)
  if (user || password) rememberSecret(Buffer.from(`${user}:${password}`).toString('base64'))
  for (const segment of parsed.pathname.split('/'))
    if (looksLikeKey(segment)) rememberSecret(segment)
  for (const value of parsed.searchParams.values()) rememberSecret(value)
}

let patterns: { hex: RegExp | undefined; text: RegExp | undefined } | undefined

// One alternation per kind, longest first, so a secret that contains another is masked whole.
const alternation = (secrets: Set<string>, flags: string) =>
  secrets.size === 0
    ? undefined
    : new RegExp(
        [...secrets]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        flags,
      )

/** `text` with every remembered secret masked. */
export function maskSecrets(text: string): string {
  patterns ??= { hex: alternation(hexSecrets, 'gi'), text: alternation(textSecrets, 'g') }
  let masked = text
  if (patterns.hex) masked = masked.replace(patterns.hex, MASK)
  if (patterns.text) masked = masked.replace(patterns.text, MASK)
  return masked
}

/**
 * `text` from a library or an endpoint (an error's message, an RPC's reply) as it may be printed:
 * every URL in it redacted, every remembered secret masked.
 */
export function scrub(text: string): string {
  return maskSecrets(redactText(text))
}

/**
 * Sends everything `stream` is given through `maskSecrets`: every writer of the process
 * (commander's usage errors and help, the prompt, a warning) goes through it, not only the CLI's
 * own output. Only remembered secrets: a URL in a result (a pool's data URI) is data, printed
 * whole.
 */
export function guardStream(stream: NodeJS.WriteStream) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(
      typeof chunk === 'string' || chunk instanceof Uint8Array
        ? maskSecrets(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
        : chunk,
      ...rest,
    )) as typeof stream.write
}
