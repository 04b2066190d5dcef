import type { AbiParameter, AbiParameterToPrimitiveType } from 'viem'
import { BaseError, ContractFunctionRevertedError, decodeErrorResult, type Hex } from 'viem'
import { type ProtocolErrorsAbi, protocolErrorsAbi } from '../abis.js'
import { PrimeNetworkError } from './base.js'

/** The name of a custom error a protocol contract (or its token) can revert with. */
export type ContractErrorName = ProtocolErrorsAbi[number]['name']

type NamedArgs<parameters extends readonly AbiParameter[]> = {
  readonly [parameter in parameters[number] as parameter['name'] &
    string]: AbiParameterToPrimitiveType<parameter>
}

/** The decoded arguments of contract error `name`, keyed by their Solidity names. */
export type ContractErrorArgs<name extends ContractErrorName = ContractErrorName> = NamedArgs<
  Extract<ProtocolErrorsAbi[number], { name: name }>['inputs']
>

/**
 * A protocol custom error, decoded. `name` is the Solidity error's name and `args` its arguments
 * by name; see {@link ContractErrors} for one class per error and {@link AnyContractError} for the
 * union to `switch` on.
 *
 * @example
 * if (error instanceof ContractError) console.log(error.name, error.args)
 */
export class ContractError<
  name extends ContractErrorName = ContractErrorName,
> extends PrimeNetworkError {
  declare name: name
  readonly args: ContractErrorArgs<name>
  /** The raw revert data. */
  readonly data: Hex | undefined

  constructor(
    name: name,
    args: ContractErrorArgs<name>,
    parameters: { cause?: unknown; data?: Hex | undefined } = {},
  ) {
    const entries = Object.entries(args)
    super(`The contract reverted with ${name}.`, {
      cause: parameters.cause,
      metaMessages: entries.length
        ? ['Arguments:', ...entries.map(([key, value]) => `  ${key}: ${String(value)}`)]
        : undefined,
    })
    this.name = name
    this.args = args
    this.data = parameters.data
  }
}

/** A class per contract error, so `error instanceof ContractErrors.InsufficientStake` works. */
export type ContractErrorClass<name extends ContractErrorName> = {
  new (
    args: ContractErrorArgs<name>,
    parameters?: { cause?: unknown; data?: Hex | undefined },
  ): ContractError<name>
  readonly errorName: name
}

/** Union of every decoded contract error; `switch (error.name)` narrows `error.args`. */
export type AnyContractError = {
  [name in ContractErrorName]: ContractError<name>
}[ContractErrorName]

function defineErrorClasses() {
  const classes: Record<string, unknown> = {}
  for (const { name } of protocolErrorsAbi) {
    const ErrorClass = class extends ContractError {
      static readonly errorName = name
      constructor(args: never, parameters?: { cause?: unknown; data?: Hex | undefined }) {
        super(name, args, parameters)
      }
    }
    Object.defineProperty(ErrorClass, 'name', { value: name })
    classes[name] = ErrorClass
  }
  return classes as { readonly [name in ContractErrorName]: ContractErrorClass<name> }
}

/**
 * One error class per protocol custom error, named like the Solidity error.
 *
 * @example
 * try {
 *   await addNode(client, { node, computeUnits: 10n, specsURI })
 * } catch (error) {
 *   if (error instanceof ContractErrors.InsufficientStake) console.log(error.args.required)
 * }
 */
export const ContractErrors = /* @__PURE__ */ defineErrorClasses()

/**
 * Builds the typed error for revert data of a protocol custom error, or undefined when the data
 * is not one of them.
 *
 * @example
 * const error = decodeRevertData('0x...')
 */
export function decodeRevertData(data: Hex, cause?: unknown): AnyContractError | undefined {
  let decoded: { errorName: string; args?: readonly unknown[] | undefined }
  try {
    decoded = decodeErrorResult({ abi: protocolErrorsAbi, data })
  } catch {
    return undefined
  }
  return toContractError(decoded.errorName, decoded.args ?? [], data, cause)
}

function toContractError(
  errorName: string,
  argsArray: readonly unknown[],
  data: Hex | undefined,
  cause: unknown,
): AnyContractError | undefined {
  const item = protocolErrorsAbi.find((error) => error.name === errorName)
  if (!item) return undefined
  const args = Object.fromEntries(
    item.inputs.map((input, index) => [input.name, argsArray[index]]),
  ) as ContractErrorArgs
  const ErrorClass = ContractErrors[item.name] as ContractErrorClass<ContractErrorName>
  return new ErrorClass(args, { cause, data }) as AnyContractError
}

/**
 * Walks a viem error's cause chain to its `ContractFunctionRevertedError` and returns the typed
 * protocol error it carries, or undefined when the error is not a protocol revert.
 *
 * @example
 * try {
 *   await client.writeContract({ ... })
 * } catch (error) {
 *   const revert = decodeRevert(error)
 *   switch (revert?.name) {
 *     case 'InsufficientStake':
 *       console.log(revert.args.required - revert.args.actual)
 *   }
 * }
 */
export function decodeRevert(error: unknown): AnyContractError | undefined {
  if (error instanceof ContractError) return error as AnyContractError
  if (!(error instanceof BaseError)) return undefined
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError)
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined
  if (reverted.data?.errorName)
    return toContractError(reverted.data.errorName, reverted.data.args ?? [], reverted.raw, error)
  return reverted.raw ? decodeRevertData(reverted.raw, error) : undefined
}

/** A protocol revert as its typed error, anything else unchanged. */
export function toPrimeNetworkError(error: unknown): unknown {
  return decodeRevert(error) ?? error
}
