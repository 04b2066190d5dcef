/**
 * The one place where the dashboard shows an error: the SDK's `explainError`, so an error reads
 * here as the CLI prints it (`error <Name>: <summary>`, then `next: <step>`): amounts in PRIME,
 * roles by name, accounts by address, the next step picked from the call that reverted, and
 * times relative to the chain's clock.
 */
import { explainError } from '@prime-network/sdk/explain'
import { useChainNow } from './clock'

export function ErrorNote({ error }: { error: unknown }) {
  const { name, summary, next } = explainError(error, { now: useChainNow() })
  return (
    <div role="alert" className="error">
      <p>
        <strong data-error="name">{name}</strong>: <span data-error="summary">{summary}</span>
      </p>
      {next && (
        <p>
          Next: <span data-error="next">{next}</span>
        </p>
      )}
    </div>
  )
}
