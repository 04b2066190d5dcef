import type { Command } from '@commander-js/extra-typings'
import { run } from '../context.js'
import { examples } from './command.js'

export function registerWhoami(program: Command) {
  program
    .command('whoami')
    .description('the address of the signing account (unlocks it; prints no secret)')
    .addHelpText(
      'after',
      examples([
        'prime whoami --account provider',
        'PROVIDER=$(prime whoami --account provider --field address)',
      ]),
    )
    .action(
      run(async (context) => {
        const settings = context.settings()
        const { address } = await context.account()
        const source = settings.account.value
          ? `keystore ${settings.account.value}`
          : 'PRIME_PRIVATE_KEY'
        context.out.result({ address, source }, () => context.out.line(`${address} (${source})`))
      }),
    )
}
