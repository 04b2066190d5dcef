#!/usr/bin/env node
import { CommanderError } from '@commander-js/extra-typings'
import { describeError, errorLines } from './errors.js'
import { Output } from './output.js'
import { buildProgram } from './program.js'

/** Runs `prime` and returns its exit code: 0 success, 1 protocol/tx/network error, 2 bad usage. */
async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv)
    return 0
  } catch (error) {
    // Commander has already printed its message (or the help / version it was asked for).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    const json = argv.includes('--json')
    const out = new Output(json)
    const described = describeError(error)
    const [first, ...more] = errorLines(described)
    out.error(first!)
    for (const line of more) out.note(line)
    // Machines get the raw fields (a revert's arguments as exact integers) and the same words.
    if (json) out.result({ error: described }, () => {})
    return described.exitCode
  }
}

// A reader that stops early (`prime --help | head -1`) closes the pipe: what it did not read is not
// wanted, so end quietly instead of dying of the unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await main(process.argv)
