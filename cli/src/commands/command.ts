import type { Command, OptionValues } from '@commander-js/extra-typings'
import type { LocalAccount, TransactionReceipt } from 'viem'
import { run } from '../context.js'
import type { Output } from '../output.js'
import type { Connection } from '../protocol.js'

/** What every SDK write returns. */
type Sent = { hash: `0x${string}`; receipt: TransactionReceipt }

/** The stable JSON fields every transaction-sending command reports. */
export function txFields(result: Sent) {
  return {
    hash: result.hash,
    blockNumber: result.receipt.blockNumber,
    gasUsed: result.receipt.gasUsed,
  }
}

/** A command's `--help` epilogue, the same for every command: an optional note, then examples. */
export function examples(lines: readonly string[], note?: string) {
  return `\n${note ? `${note}\n\n` : ''}Examples:\n${lines.map((line) => `  $ ${line}`).join('\n')}`
}

/**
 * What a write's SDK call gets: a client that signs with the command's account (or stops a dry
 * run), and the output, for the progress of commands with more than one step.
 */
export type Writer = Connection & { account: LocalAccount; out: Output }

/**
 * A command that sends one SDK write, as most commands do. `input` is what commander parsed:
 * the command's arguments, then its options.
 */
export type WriteSpec<input extends unknown[], sent extends Sent> = {
  /** Printed in `--help` before the examples. */
  note?: string
  examples: readonly string[]
  /** The SDK call (or calls). */
  send: (writer: Writer, ...input: input) => Promise<sent>
  /** The `--json` result; the transaction's hash, block and gas are added to it. */
  result: (sent: sent, ...input: input) => object
  /** The one line people read when it worked. */
  success: (sent: sent, ...input: input) => string
}

/**
 * Completes `command` (its arguments and options already declared) as a write: examples in its
 * help, then sign, send, and report the result, so each write command states only what differs.
 */
export function writeCommand<args extends unknown[], opts extends OptionValues, sent extends Sent>(
  command: Command<args, opts>,
  spec: WriteSpec<[...args, opts], sent>,
) {
  command.addHelpText('after', examples(spec.examples, spec.note)).action(
    run(async (context, ...parsed: [...args, opts, unknown]) => {
      // commander passes the command itself last; the spec sees arguments and options only.
      const input = parsed.slice(0, -1) as [...args, opts]
      const sent = await spec.send({ ...(await context.writer()), out: context.out }, ...input)
      context.out.result({ ...spec.result(sent, ...input), ...txFields(sent) }, () =>
        context.out.success(spec.success(sent, ...input)),
      )
    }),
  )
}
