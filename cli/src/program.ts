import { Command } from '@commander-js/extra-typings'
import packageJson from '../package.json' with { type: 'json' }
import { examples } from './commands/command.js'
import { registerCompletion } from './commands/completion.js'
import { registerConfig } from './commands/config.js'
import { registerDomain } from './commands/domain.js'
import { registerHistory } from './commands/history.js'
import { registerNetwork } from './commands/network.js'
import { registerNode } from './commands/node.js'
import { registerPool } from './commands/pool.js'
import { registerProvider } from './commands/provider.js'
import { registerRewards } from './commands/rewards.js'
import { registerValidator } from './commands/validator.js'
import { registerWatch } from './commands/watch.js'
import { registerWhoami } from './commands/whoami.js'
import { registerWork } from './commands/work.js'

/** The whole command tree. Global options are declared here once and read by every command. */
export function buildProgram(): Command {
  const program = new Command('prime')
    .description(
      'Operate the Prime Network from the command line: providers, nodes, pools, rewards',
    )
    .version(packageJson.version)
    .option(
      '--rpc-url <url>',
      'JSON-RPC endpoint (env PRIME_RPC_URL; default http://127.0.0.1:8545)',
    )
    .option(
      '--indexer <url>',
      'Prime indexer for history commands (env PRIME_INDEXER_URL; default none: chain logs)',
    )
    .option(
      '--log-block-range <blocks>',
      'most blocks one eth_getLogs may span, for RPCs that cap it (env PRIME_LOG_BLOCK_RANGE)',
    )
    .option(
      '--deployment <file>',
      'deploy output file (env PRIME_DEPLOYMENT; default deployments/<chainId>.json)',
    )
    .option(
      '--account <name>',
      'Foundry keystore to sign with (env PRIME_ACCOUNT; or PRIME_PRIVATE_KEY)',
    )
    .option(
      '--keystore-dir <dir>',
      'where keystores live (env PRIME_KEYSTORE_DIR; default ~/.foundry/keystores)',
    )
    .option(
      '--password-file <file>',
      "file with the keystore's password (env PRIME_PASSWORD_FILE, or PRIME_PASSWORD)",
    )
    .option(
      '--config <file>',
      'config file (env PRIME_CONFIG; default ~/.config/prime/config.json)',
    )
    .option('--json', 'print the result as JSON (bigints as strings)')
    .option(
      '--field <path>',
      'print only this field of the JSON result, e.g. poolId or stake.active',
    )
    .option('--dry-run', 'simulate and print the transaction instead of sending it')
    // Subcommands inherit these: usage errors are thrown (exit 2 in prime.ts), not process.exit(1).
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      examples(
        [
          'prime network status',
          'prime provider register --stake 100 --account provider',
          'prime node keygen gpu-1 && prime node add --node gpu-1 --units 10 --specs ipfs://s --account provider',
          'prime rewards claim 1 --account provider --json',
        ],
        'Exit codes: 0 success, 1 protocol / transaction / network error, 2 bad usage.',
      ),
    )
  registerConfig(program)
  registerNetwork(program)
  registerProvider(program)
  registerNode(program)
  registerValidator(program)
  registerDomain(program)
  registerPool(program)
  registerRewards(program)
  registerWork(program)
  registerWatch(program)
  registerHistory(program)
  registerWhoami(program)
  registerCompletion(program)
  return program as unknown as Command
}
