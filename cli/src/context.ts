import type { Command } from '@commander-js/extra-typings'
import { decodeRevert } from '@prime-network/sdk'
import type { LocalAccount } from 'viem'
import { formatAmount } from './amount.js'
import { type GlobalOptions, resolveSettings, type Settings } from './config.js'
import { HIDDEN, type PlannedCall } from './dryrun.js'
import { atChainTime, UsageError } from './errors.js'
import { type Fork, randomChainId, startFork } from './fork.js'
import { formatValue } from './format.js'
import { accountFromEnv, type PasswordSource, unlockKeystore } from './keys.js'
import { Output, toJsonValue } from './output.js'
import { type Connection, connect } from './protocol.js'
import { redactUrl } from './redact.js'

type Env = Record<string, string | undefined>

/** What a command runs with: its settings, its output, and (on demand) its connection and key. */
export class Context {
  readonly out: Output
  readonly dryRun: boolean
  private settingsCache: Settings | undefined
  private connection: Connection | undefined
  /** A dry run's local fork: null when none could be started (then only the first step runs). */
  private forked: Fork | null | undefined

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
    return { file, flag: '--password-file', envName: 'PRIME_PASSWORD', env: this.env }
  }

  /**
   * The one password source of node keys, for every command that makes or unlocks one (`node
   * keygen`, `node add`, `work submit`): --node-password-file, then PRIME_NODE_PASSWORD, then a
   * prompt. A key is encrypted and unlocked with the same source, so it never needs a detour.
   */
  nodePasswordSource(file: string | undefined): PasswordSource {
    return { file, flag: '--node-password-file', envName: 'PRIME_NODE_PASSWORD', env: this.env }
  }

  /** A node key: PRIME_NODE_PRIVATE_KEY (CI), else keystore `name` under the node password source. */
  async nodeAccount(name: string, passwordFile: string | undefined): Promise<LocalAccount> {
    return (
      accountFromEnv(this.env, 'PRIME_NODE_PRIVATE_KEY') ??
      unlockKeystore(this.settings().keystoreDir.value, name, this.nodePasswordSource(passwordFile))
    )
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
   * A client that signs and sends, as the command's account or as `account` (e.g. a node key
   * sending its own work). With --dry-run its transactions go to a local fork of the chain (or, with
   * no anvil to fork with, the command stops at its first transaction), and never to the chain.
   */
  async writer(as?: LocalAccount) {
    const unlocked = as ?? (await this.account())
    const settings = this.settings()
    if (this.dryRun && this.forked === undefined) {
      this.forked = (await startFork(settings.rpcUrl.value, this.env)) ?? null
      if (this.forked) this.out.deferResults()
    }
    const account = this.signer(unlocked)
    this.connection = await connect(settings, {
      account,
      dryRun: this.dryRun,
      fork: this.forked ?? undefined,
      output: this.out,
    })
    return this.connection as Connection & { account: LocalAccount }
  }

  /**
   * `account` as the command may sign with it: itself, or in a dry run a wrapper that binds every
   * signature to the fork's chain id whatever it is asked to sign (so none is valid on the real
   * chain), signs no typed data without a fork (the first-step simulation runs on the real
   * chain, where only a real signature would pass, so none is made), and never signs a message or
   * a bare hash. Call it after `writer()`, which starts the fork.
   */
  signer(account: LocalAccount): LocalAccount {
    if (!this.dryRun) return account
    const chainId = this.forked?.chainId
    const refuse = (what: string) => () => {
      throw new UsageError(`a dry run signs no ${what}`)
    }
    return {
      ...account,
      sign: refuse('hash'),
      signMessage: refuse('message'),
      signAuthorization: refuse('authorization'),
      // Without a fork the transaction is only decoded here, never sent: any id but the chain's.
      signTransaction: (transaction, options) =>
        account.signTransaction({ ...transaction, chainId: chainId ?? randomChainId() }, options),
      signTypedData: (typedData) => {
        if (chainId === undefined)
          throw new UsageError(
            'this step needs a signature (a permit or a node consent), which a dry run makes only for a local fork: install Foundry (anvil on PATH, or PRIME_ANVIL) to dry-run it',
          )
        return account.signTypedData({
          ...typedData,
          domain: { ...(typedData.domain as object), chainId },
        } as Parameters<LocalAccount['signTypedData']>[0])
      },
    } as LocalAccount
  }

  /** The dry run's fork, once a write started one. */
  fork(): Fork | undefined {
    return this.forked ?? undefined
  }

  /** Stops what the command started (a dry run's fork), and waits until it has exited. */
  async close() {
    await this.forked?.stop()
  }

  /**
   * `error`, dated by the chain's clock when it is a protocol revert (the chain answered, so it
   * can be asked its time): an explanation that names a time then says how far it is from the
   * chain's now, as every other output does.
   */
  async atChainTime(error: unknown): Promise<unknown> {
    if (!this.connection || !decodeRevert(error)) return error
    try {
      return atChainTime(error, (await this.connection.client.getBlock()).timestamp)
    } catch {
      return error
    }
  }

  /** What a dry run stopped at, if one did. */
  planned(): PlannedCall[] {
    return this.connection?.planned ?? []
  }
}

/**
 * Wraps a command handler: builds its context from the global options and reports a dry run:
 * every transaction the command sent to its fork, with the command's own result there, or (without
 * a fork) the first transaction, reported instead of the stop that ended the command.
 */
export function run<args extends unknown[]>(
  handler: (context: Context, ...args: args) => Promise<void>,
) {
  return async (...args: args) => {
    const command = args.at(-1) as Command
    const context = new Context(command.optsWithGlobals() as GlobalOptions)
    try {
      await handler(context, ...(args as args))
      const fork = context.fork()
      if (fork)
        reportDryRun(context, context.planned(), { fork, result: context.out.takeDeferred() })
    } catch (error) {
      const planned = context.planned()
      if (!context.dryRun || planned.length === 0 || context.fork())
        throw await context.atChainTime(error)
      reportDryRun(context, planned)
    } finally {
      await context.close()
    }
  }
}

function reportDryRun(
  context: Context,
  planned: PlannedCall[],
  onFork?: { fork: Fork; result: { data: unknown; human: () => void } | undefined },
) {
  const data = {
    dryRun: true,
    sent: false,
    // 'all': every step ran, in order, on a local fork; 'first': only the first was simulated.
    steps: onFork ? 'all' : 'first',
    forkBlock: onFork?.fork.blockNumber ?? null,
    // What every signature of the dry run is bound to (null: it signed no typed data).
    forkChainId: onFork?.fork.chainId ?? null,
    calls: planned,
    ...(onFork ? { result: withoutSignatures(onFork.result?.data ?? null) } : {}),
  }
  context.out.result(data, () => {
    const rpc = redactUrl(context.settings().rpcUrl.value)
    if (!onFork) context.out.line('Dry run: nothing was sent. The next transaction would be:')
    else if (planned.length === 0)
      context.out.line(`Dry run on a local fork of ${rpc}: the command would send nothing.`)
    else
      context.out.line(
        `Dry run on a local fork of ${rpc} at block ${onFork.fork.blockNumber}: nothing was sent. The command would send ${planned.length} transaction(s), in order:`,
      )
    for (const call of planned)
      context.out.fields([
        ['call', `${call.contract}.${call.function}`],
        ['to', call.to],
        ['args', call.args.length === 0 ? '(none)' : formatValue(call.args, [HIDDEN]).slice(1, -1)],
        ['value', formatAmount(call.value, 'ETH')],
        ['gas estimate', call.gasEstimate],
      ])
    if (onFork?.result) {
      context.out.line('Its result on the fork:')
      // A command's own rendering may show a signature (an invite): print its data instead.
      if (JSON.stringify(data.result) === JSON.stringify(toJsonValue(onFork.result.data)))
        onFork.result.human()
      else context.out.line(JSON.stringify(data.result, null, 2))
    } else if (!onFork)
      context.out.line(
        'Later steps of this command (if any) depend on this one: install Foundry (anvil on PATH, or PRIME_ANVIL) to dry-run every step on a local fork.',
      )
  })
}

/** A command's result as a dry run reports it: every `signature` field hidden. */
function withoutSignatures(value: unknown): unknown {
  const json = toJsonValue(value)
  const hide = (item: unknown): unknown =>
    Array.isArray(item)
      ? item.map(hide)
      : item && typeof item === 'object'
        ? Object.fromEntries(
            Object.entries(item).map(([key, v]) => [key, key === 'signature' ? HIDDEN : hide(v)]),
          )
        : item
  return hide(json)
}
