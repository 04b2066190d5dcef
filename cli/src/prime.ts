#!/usr/bin/env node
import { CommanderError } from '@commander-js/extra-typings'
import { describeError, errorLines } from './errors.js'
import { Output } from './output.js'
import { buildProgram } from './program.js'
import { guardStream, rememberSecret, rememberUrlSecrets } from './redact.js'

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

// Nothing this process writes may carry a secret it read (a key, a password, a URL's
// credentials), whoever writes it: commander, the prompt, a library's message, the CLI itself.
guardStream(process.stdout)
guardStream(process.stderr)
// Remembered before the command line is parsed: a usage error quotes the argument it refused,
// and a key pasted where an address goes is the one in the environment.
for (const name of [
  'PRIME_PRIVATE_KEY',
  'PRIME_NODE_PRIVATE_KEY',
  'PRIME_PASSWORD',
  'PRIME_NODE_PASSWORD',
])
  rememberSecret(process.env[name])
for (const name of ['PRIME_RPC_URL', 'PRIME_INDEXER_URL']) rememberUrlSecrets(process.env[name])

// A reader that stops early (`prime --help | head -1`) closes the pipe: what it did not read is not
// wanted, so end quietly instead of dying of the unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await main(process.argv)
