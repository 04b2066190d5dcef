import type { Command } from '@commander-js/extra-typings'
import type { Setting } from '../config.js'
import { run } from '../context.js'
import { redactUrl } from '../redact.js'
import { examples } from './command.js'

export function registerConfig(program: Command) {
  program
    .command('config')
    .description('show the settings in effect and where each came from')
    .addHelpText(
      'after',
      examples(
        ['prime config', 'PRIME_RPC_URL=http://10.0.0.2:8545 prime config --json'],
        `Each setting comes from, in order: a flag, an environment variable, the config file, a default.
The config file is JSON (default ~/.config/prime/config.json; --config or PRIME_CONFIG):
  { "rpcUrl": "http://127.0.0.1:8545", "deployment": "deployments/31337.json",
    "account": "provider", "keystoreDir": "keys", "passwordFile": "provider.pw" }
Secrets (PRIME_PASSWORD, PRIME_PRIVATE_KEY) are only read from the environment and never shown.`,
      ),
    )
    .action(
      run(async (context) => {
        const settings = { ...context.settings() }
        for (const key of ['rpcUrl', 'indexer'] as const) {
          const { value } = settings[key]
          if (value !== undefined) settings[key] = { ...settings[key], value: redactUrl(value) }
        }
        context.out.result(settings, () => {
          const show = (setting: Setting<unknown>) => {
            const value =
              typeof setting.value === 'boolean'
                ? setting.value
                  ? '(set)'
                  : '(not set)'
                : (setting.value ?? '(not set)')
            return `${value}  [${setting.source}${setting.from ? `: ${setting.from}` : ''}]`
          }
          context.out.fields(
            Object.entries(settings).map(([key, setting]) => [key, show(setting)] as const),
          )
        })
      }),
    )
}
