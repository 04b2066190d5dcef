import type { Command } from '@commander-js/extra-typings'
import type { LocalAccount } from 'viem'
import { type GlobalOptions, resolveSettings, type Settings } from './config.js'
import { UsageError } from './errors.js'
import { accountFromEnv, type PasswordSource, unlockKeystore } from './keys.js'
import { Output } from './output.js'
import { type Connection, connect, type PlannedCall } from './protocol.js'

type Env = Record<string, string | undefined>

/** What a command runs with: its settings, its output, and (on demand) its connection and key. */
export class Context {
  readonly out: Output
  readonly dryRun: boolean
  private settingsCache: Settings | undefined
  private connection: Connection | undefined

  constructor(
    readonly options: GlobalOptions,
    readonly env: Env = process.env,
  ) {
    this.out = new Output(Boolean(options.json), options.field)
    this.dryRun = Boolean(options.dryRun)
  }

  settings(): Settings {
    this.settingsCache ??= resolveSettings(this.options, this.env)
    return this.settingsCache
  }

  /** The password source of the main account: --password-file, then PRIME_PASSWORD, then a prompt. */
  passwordSource(file = this.settings().passwordFile.value): PasswordSource {
    return { file, envName: 'PRIME_PASSWORD', env: this.env }
  }

  /** A client that only reads. */
  async reader() {
    this.connection = await connect(this.settings(), { output: this.out })
    return this.connection
  }

  /** The signing account: `--account` (a Foundry keystore), else PRIME_PRIVATE_KEY. */
  async account(): Promise<LocalAccount> {
    const settings = this.settings()
    if (settings.account.value)
      return unlockKeystore(
        settings.keystoreDir.value,
        settings.account.value,
        this.passwordSource(),
      )
    const fromEnv = accountFromEnv(this.env, 'PRIME_PRIVATE_KEY')
    if (fromEnv) return fromEnv
    throw new UsageError('this command signs: pass --account <name> or set PRIME_PRIVATE_KEY')
  }

  /**
   * A client that signs and sends (or, with --dry-run, stops at the first transaction), as the
   * command's account or as `account` (e.g. a node key sending its own work).
   */
  async writer(as?: LocalAccount) {
    const account = as ?? (await this.account())
    this.connection = await connect(this.settings(), {
      account,
      dryRun: this.dryRun,
      output: this.out,
    })
    return this.connection as Connection & { account: LocalAccount }
  }

  /** What a dry run stopped at, if one did. */
  planned(): PlannedCall[] {
    return this.connection?.planned ?? []
  }
}

/**
 * Wraps a command handler: builds its context from the global options and, when a dry run stopped
 * at a transaction, reports that transaction instead of the error that stopped it.
 */
export function run<args extends unknown[]>(
  handler: (context: Context, ...args: args) => Promise<void>,
) {
  return async (...args: args) => {
    const command = args.at(-1) as Command
    const context = new Context(command.optsWithGlobals() as GlobalOptions)
    try {
      await handler(context, ...(args as args))
    } catch (error) {
      const planned = context.planned()
      if (!context.dryRun || planned.length === 0) throw error
      reportDryRun(context, planned)
    }
  }
}

function reportDryRun(context: Context, planned: PlannedCall[]) {
  context.out.result({ dryRun: true, sent: false, calls: planned }, () => {
    context.out.line('Dry run: nothing was sent. The next transaction would be:')
    for (const call of planned)
      context.out.fields([
        ['call', `${call.contract}.${call.function}`],
        ['to', call.to],
        ['args', call.args.map((arg) => String(arg)).join(', ') || '(none)'],
        ['value', `${call.value} wei`],
        ['gas estimate', call.gasEstimate],
      ])
    context.out.line(
      'Later steps of this command (if any) depend on this one and are checked when it is sent.',
    )
  })
}
