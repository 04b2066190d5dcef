import { InvalidInputError, type PrimeNetworkErrorType } from '../errors/base.js'
import {
  type AnyClient,
  CallCaptured,
  capturedCalls,
  type ProtocolCall,
  type WriteParameters,
} from '../internal/utils.js'

export type BuildCallsReturnType = ProtocolCall[]

export type BuildCallsErrorType = PrimeNetworkErrorType

/**
 * Any write action as calls instead of a transaction: for multicall-style batching, EIP-5792
 * `sendCalls`, or a Safe and other multisigs. The action checks its inputs and reads what it
 * needs (e.g. a default claim's nodes, a token allowance) as usual, then stops before simulating
 * or sending; `account` is the address that will send the calls (say, the Safe). Writes that
 * need a token allowance come with an exact `approve` first when the allowance is short;
 * `registerProvider` then uses that approve rather than a permit.
 *
 * @param client - Any client on the deployment's chain.
 * @param action - A write action, e.g. `joinPool`.
 * @param parameters - The action's own parameters.
 * @returns The calls in order, each `{ to, data, value }` and viem's typed form.
 * @example
 * const calls = [
 *   ...(await buildCalls(client, startPool, { poolId, account: safe })),
 *   ...(await buildCalls(client, setRewardRate, { poolId, rate, account: safe })),
 * ]
 * await sendCalls(walletClient, { calls })
 */
export async function buildCalls<parameters extends WriteParameters>(
  client: AnyClient,
  action: (client: AnyClient, parameters: parameters) => Promise<unknown>,
  parameters: parameters,
): Promise<BuildCallsReturnType> {
  const calls: ProtocolCall[] = []
  try {
    await action(client, { ...parameters, [capturedCalls]: calls } as parameters)
  } catch (error) {
    if (error instanceof CallCaptured) return calls
    throw error
  }
  throw new InvalidInputError('action', `${action.name} is not a write action`)
}
