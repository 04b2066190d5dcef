import type { Command } from '@commander-js/extra-typings'
import { describeAmount, formatPrime } from '../amount.js'
import { run } from '../context.js'
import * as parse from './parse.js'
import { txFields } from './tx.js'

export function registerProvider(program: Command) {
  const provider = program.command('provider').description('a compute provider: stake and status')

  provider
    .command('register')
    .description('stake and register as a provider (signs an ERC-2612 permit, else approves)')
    .requiredOption(
      '--stake <amount>',
      'stake to deposit (100, "100 PRIME", "1e20 wei")',
      parse.amount,
    )
    .addHelpText(
      'after',
      `
The stake must cover the network minimum; each node added later needs minimum x its compute units
more (see \`prime network status\`).

Examples:
  $ prime provider register --stake 100 --account provider
  $ prime provider register --stake "250 PRIME" --account provider --dry-run`,
    )
    .action(
      run(async (context, options) => {
        const { client } = await context.writer()
        context.out.progress(`registering with a stake of ${describeAmount(options.stake)}`)
        const result = await client.registerProvider({ amount: options.stake.wei })
        context.out.result(
          {
            provider: result.provider,
            stake: options.stake,
            activeStake: result.activeStake,
            allowance: result.allowance.kind,
            ...txFields(result),
          },
          () =>
            context.out.success(
              `registered ${result.provider} with ${describeAmount(options.stake)}; active stake ${formatPrime(result.activeStake)}`,
            ),
        )
      }),
    )

  provider
    .command('status')
    .description('one snapshot of a provider: registration, stake, unbonds and nodes')
    .argument('[address]', 'the provider (default: your account)', parse.address)
    .addHelpText(
      'after',
      `
Examples:
  $ prime provider status --account provider
  $ prime provider status 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --json`,
    )
    .action(
      run(async (context, address) => {
        const who = address ?? (await context.account()).address
        const { client } = await context.reader()
        const [info, stake] = await Promise.all([
          client.getProvider({ provider: who }),
          client.getStake({ provider: who }),
        ])
        context.out.result({ ...info, stake }, () => {
          context.out.fields(
            [
              ['provider', info.address],
              ['registered', info.registered ? 'yes' : 'no'],
              ['whitelisted', info.whitelisted ? 'yes' : 'no'],
              ['active stake', formatPrime(stake.active)],
              ['required stake', formatPrime(stake.minimum)],
              ['unbonding', formatPrime(stake.unbonding)],
              ['withdrawable now', formatPrime(stake.withdrawable)],
              ['nodes (active)', `${info.nodes.length} (${info.activeNodeCount})`],
              ['compute units', info.totalComputeUnits],
            ],
            'Provider',
          )
          context.out.table(
            ['amount', 'unlocks at (unix s)'],
            stake.pendingUnbonds.map((unbond) => [formatPrime(unbond.amount), unbond.unlockTime]),
            'Pending unbonds',
          )
          context.out.table(
            ['node', 'units', 'validated', 'active', 'specs'],
            info.nodes.map((node) => [
              node.nodeKey,
              node.computeUnits,
              node.validated ? 'yes' : 'no',
              node.active ? 'yes' : 'no',
              node.specsURI,
            ]),
            'Nodes',
          )
        })
      }),
    )

  const stake = provider.command('stake').description('add, reclaim or withdraw stake')
  stake
    .command('add')
    .description('add stake (pending unbonds are rebonded first, then tokens are taken)')
    .argument('<amount>', 'how much (100, "100 PRIME", "1e20 wei")', parse.amount)
    .addHelpText('after', '\nExamples:\n  $ prime provider stake add 50 --account provider')
    .action(
      run(async (context, amount) => {
        const { client } = await context.writer()
        const result = await client.increaseStake({ amount: amount.wei })
        context.out.result(
          {
            amount,
            rebonded: result.rebonded,
            activeStake: result.activeStake,
            ...txFields(result),
          },
          () =>
            context.out.success(
              `added ${describeAmount(amount)} (${formatPrime(result.rebonded)} rebonded); active stake ${formatPrime(result.activeStake)}`,
            ),
        )
      }),
    )
  stake
    .command('reclaim')
    .description('start unbonding stake (never below what your nodes require)')
    .argument('<amount>', 'how much (100, "100 PRIME", "1e20 wei")', parse.amount)
    .addHelpText('after', '\nExamples:\n  $ prime provider stake reclaim 50 --account provider')
    .action(
      run(async (context, amount) => {
        const { client } = await context.writer()
        const result = await client.reclaimStake({ amount: amount.wei })
        context.out.result(
          {
            amount,
            unlockTime: result.unlockTime,
            activeStake: result.activeStake,
            ...txFields(result),
          },
          () =>
            context.out.success(
              `unbonding ${describeAmount(amount)}, withdrawable from ${new Date(Number(result.unlockTime) * 1000).toISOString()}; active stake ${formatPrime(result.activeStake)}`,
            ),
        )
      }),
    )
  stake
    .command('withdraw')
    .description('withdraw every matured unbond to your wallet')
    .addHelpText('after', '\nExamples:\n  $ prime provider stake withdraw --account provider')
    .action(
      run(async (context) => {
        const { client } = await context.writer()
        const result = await client.withdrawStake()
        context.out.result({ amount: result.amount, ...txFields(result) }, () =>
          context.out.success(`withdrew ${formatPrime(result.amount)}`),
        )
      }),
    )
}
