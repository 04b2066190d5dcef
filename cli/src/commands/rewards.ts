import type { Command } from '@commander-js/extra-typings'
import type { ClaimRewardsReturnType, PendingNodeRewards } from '@prime-network/sdk'
import { formatPrime } from '../amount.js'
import { run } from '../context.js'
import { UsageError } from '../errors.js'
import type { Output } from '../output.js'
import { examples, txFields } from './command.js'
import * as parse from './parse.js'

export function registerRewards(program: Command) {
  const rewards = program
    .command('rewards')
    .description("a provider's rewards, in one pool or across all its pools")

  rewards
    .command('show')
    .description('claimable and locked rewards of a provider, per node, in one pool or in all')
    .argument('[pool-id]', 'the pool (default: every pool the provider earned in)', parse.id)
    .option('--provider <address>', 'the provider (default: your account)', parse.address)
    .addHelpText(
      'after',
      examples([
        'prime rewards show --account provider',
        'prime rewards show 1 --account provider --json',
      ]),
    )
    .action(
      run(async (context, poolId, options) => {
        const provider = options.provider ?? (await context.account()).address
        const { client } = await context.reader()
        if (poolId !== undefined) {
          const pending = await client.getPendingRewards({ poolId, provider })
          return context.out.result({ poolId, provider, ...pending }, () =>
            renderPoolRewards(context.out, `Rewards of ${provider} in pool ${poolId}`, pending),
          )
        }
        // One snapshot finds every pool the provider's nodes earned in and reads them all.
        const { rewards: pools } = await client.getProviderSnapshot({ provider })
        const total = pools.reduce((sum, pool) => sum + pool.total, 0n)
        const totalLocked = pools.reduce((sum, pool) => sum + pool.totalLocked, 0n)
        context.out.result({ provider, total, totalLocked, pools }, () => {
          context.out.fields(
            [
              ['claimable', formatPrime(total)],
              ['locked (work)', formatPrime(totalLocked)],
            ],
            `Rewards of ${provider} in all pools`,
          )
          for (const pool of pools) renderPoolRewards(context.out, `Pool ${pool.poolId}`, pool)
        })
      }),
    )

  rewards
    .command('claim')
    .description('claim your rewards in one pool, or in every pool where something is claimable')
    .argument('[pool-id]', 'the pool (default: every pool with something to claim)', parse.id)
    .option(
      '--node <address>',
      'claim for this node only (repeatable; needs a pool)',
      parse.addresses,
    )
    .addHelpText(
      'after',
      examples(
        [
          'prime rewards claim 1 --account provider',
          'prime rewards claim --account provider --json',
        ],
        `Without a pool id, one snapshot finds every pool where your nodes have something claimable,
and each pool is claimed in its own transaction (a step each). Claiming works while paused.`,
      ),
    )
    .action(
      run(async (context, poolId, options) => {
        if (options.node && poolId === undefined)
          throw new UsageError('--node needs a pool id: nodes are claimed per pool')
        const { client, account } = await context.writer()
        if (poolId !== undefined) {
          const sent = await client.claimRewards({ poolId, nodeKeys: options.node })
          return context.out.result(claimReport(poolId, sent), () =>
            context.out.success(`claimed ${formatPrime(sent.total)} from pool ${poolId}`),
          )
        }
        const snapshot = await client.getProviderSnapshot({ provider: account.address })
        const claimable = snapshot.rewards.filter((pool) => pool.total > 0n)
        const pools: ReturnType<typeof claimReport>[] = []
        for (const [step, pool] of claimable.entries()) {
          context.out.progress(
            `step ${step + 1}/${claimable.length}: claim ${formatPrime(pool.total)} in pool ${pool.poolId}`,
          )
          // The nodes with something to claim, as the snapshot found them: no second lookup.
          const nodeKeys = pool.nodes.filter((node) => node.amount > 0n).map((node) => node.nodeKey)
          const sent = await client.claimRewards({ poolId: pool.poolId, nodeKeys })
          pools.push(claimReport(pool.poolId, sent))
        }
        const total = pools.reduce((sum, pool) => sum + pool.total, 0n)
        context.out.result({ provider: account.address, total, pools }, () => {
          for (const pool of pools)
            context.out.success(`claimed ${formatPrime(pool.total)} from pool ${pool.poolId}`)
          context.out.success(
            pools.length === 0
              ? 'nothing to claim in any pool'
              : `claimed ${formatPrime(total)} in total from ${pools.length} pool(s)`,
          )
        })
      }),
    )
}

/** One pool's claim as `--json` reports it, alone or as one step of a claim across pools. */
function claimReport(poolId: bigint, sent: ClaimRewardsReturnType) {
  return { poolId, total: sent.total, claims: sent.claims, ...txFields(sent) }
}

function renderPoolRewards(
  out: Output,
  title: string,
  pending: { total: bigint; totalLocked: bigint; nodes: PendingNodeRewards[] },
) {
  out.fields(
    [
      ['claimable', formatPrime(pending.total)],
      ['locked (work)', formatPrime(pending.totalLocked)],
    ],
    title,
  )
  out.table(
    ['node', 'claimable', 'time', 'work', 'work locked'],
    pending.nodes.map((node) => [
      node.nodeKey,
      formatPrime(node.amount),
      formatPrime(node.time),
      formatPrime(node.workClaimable),
      formatPrime(node.workLocked),
    ]),
  )
}
