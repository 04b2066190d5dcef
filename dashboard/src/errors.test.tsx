import { ContractErrors } from '@prime-network/sdk'
import { explainError, formatTime, formatTokenAmount } from '@prime-network/sdk/explain'
import { renderToStaticMarkup } from 'react-dom/server'
import { BaseError, ContractFunctionExecutionError, keccak256, parseEther, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { ChainClockContext } from './clock'
import { ErrorNote } from './errors'

const provider = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'
/** 2026-01-01T00:00:00Z, the chain's latest block time in these tests. */
const now = 1_767_225_600n

/** What ErrorNote shows for `error`, part by part, on a chain whose latest block is at `now`. */
function shown(error: unknown) {
  const html = renderToStaticMarkup(
    <ChainClockContext.Provider value={{ timestamp: now }}>
      <ErrorNote error={error} />
    </ChainClockContext.Provider>,
  )
  const part = (name: string) => {
    const text = new RegExp(`data-error="${name}">([^<]*)<`).exec(html)?.[1]
    return text
      ?.replaceAll('&#x27;', "'")
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&')
  }
  return { name: part('name'), summary: part('summary'), next: part('next') }
}

/** A revert as the SDK throws it: the typed error, caused by viem's error naming the call. */
function reverted<error extends Error>(error: (cause: Error) => error, functionName: string) {
  return error(
    new ContractFunctionExecutionError(new BaseError('execution reverted'), {
      abi: [],
      functionName,
    }),
  )
}

describe('ErrorNote shows the SDK’s explanation, as the CLI prints it', () => {
  test('a revert: its name, the summary in PRIME, the next step picked from the call', () => {
    const error = reverted(
      (cause) =>
        new ContractErrors.InsufficientStake(
          { provider, required: parseEther('800'), actual: parseEther('175.5') },
          { cause },
        ),
      'reclaimStake',
    )
    const { name, summary, next } = explainError(error, { now })
    expect(shown(error)).toEqual({ name, summary, next })
    expect(name).toBe('InsufficientStake')
    expect(summary).toContain(`${provider} ${formatTokenAmount(parseEther('175.5'))} staked`)
    // From a reclaim, the way out is to reclaim less: what would have been left short.
    expect(next).toBe(
      `Reclaim ${formatTokenAmount(parseEther('800') - parseEther('175.5'))} less, or remove nodes first.`,
    )
  })

  test('times relative to the chain’s latest block, not to the wall clock', () => {
    const unlockAt = now - 7_200n
    const error = new ContractErrors.WorkFinal({
      nodeKey: provider,
      workKey: keccak256(toHex('work')),
      unlockAt,
    })
    expect(shown(error)).toEqual({
      name: 'WorkFinal',
      summary: explainError(error, { now }).summary,
      next: explainError(error, { now }).next,
    })
    expect(formatTime(unlockAt, now)).toBe('2025-12-31T22:00:00Z (2 h ago)')
    expect(shown(error).summary).toContain(formatTime(unlockAt, now))
  })

  test('a role by its name', () => {
    const role = keccak256(toHex('VALIDATOR_ROLE'))
    const error = new ContractErrors.MissingRole({ role, account: provider })
    expect(shown(error).summary).toBe(explainError(error).summary)
    expect(shown(error).summary).toContain('validator')
    expect(shown(error).summary).not.toContain(role)
  })

  test('anything else keeps its message, with no next step', () => {
    expect(shown(new Error('network down'))).toEqual({
      name: 'Error',
      summary: 'network down',
      next: undefined,
    })
  })
})
