import type { Command } from '@commander-js/extra-typings'
import { formatPrime } from '../amount.js'
import { run } from '../context.js'
import { txFields } from './command.js'
import * as parse from './parse.js'

export function registerRewards(program: Command) {
  const rewards = program.command('rewards').description("a provider's rewards in a pool")

  rewards
    .command('show')
    .description('claimable and locked rewards of a provider in a pool, per node')
    .argument('<pool-id>', 'the pool', parse.id)
    .option('--provider <address>', 'the provider (default: your account)', parse.address)
    .addHelpText('after', '\nExamples:\n  $ prime rewards show 1 --account provider --json')
    .action(
      run(async (context, poolId, options) => {
        const provider = options.provider ?? (await context.account()).address
        const { client } = await context.reader()
        const pending = await client.getPendingRewards({ poolId, provider })
        context.out.result({ poolId, provider, ...pending }, () => {
          context.out.fields(
            [
              ['claimable', formatPrime(pending.total)],
              ['locked (work)', formatPrime(pending.totalLocked)],
            ],
            `Rewards of ${provider} in pool ${poolId}`,
          )
          context.out.table(
            ['node', 'claimable', 'time', 'work', 'work locked'],
            pending.nodes.map((node) => [
              node.nodeKey,
              formatPrime(node.amount),
              formatPrime(node.time),
              formatPrime(node.workClaimable),
              formatPrime(node.workLocked),
            ]),
          )
        })
      }),
    )

  rewards
    .command('claim')
    .description("claim a pool's rewards for all your nodes in it, or the ones named")
    .argument('<pool-id>', 'the pool', parse.id)
    .option('--node <address>', 'claim for this node only (repeatable)', parse.addresses)
    .addHelpText('after', '\nExamples:\n  $ prime rewards claim 1 --account provider')
    .action(
      run(async (context, poolId, options) => {
        const { client } = await context.writer()
        const result = await client.claimRewards({ poolId, nodeKeys: options.node })
        context.out.result(
          { poolId, total: result.total, claims: result.claims, ...txFields(result) },
          () => context.out.success(`claimed ${formatPrime(result.total)} from pool ${poolId}`),
        )
      }),
    )
}
