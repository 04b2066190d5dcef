/**
 * What the SDK's formatters (`@prime-network/sdk/explain`: amounts, durations, times) do not
 * cover. Every figure a person reads goes through those, so it reads as the CLI prints it.
 */

/** An address or hash cut to its ends, for tables; the whole value goes in its `title`. */
export const shortHex = (value: string) => `${value.slice(0, 6)}…${value.slice(-4)}`
