import type { Command } from '@commander-js/extra-typings'
import { formatPrime } from '../amount.js'
import { run } from '../context.js'
import * as parse from './parse.js'
import { txFields } from './tx.js'

export function registerValidator(program: Command) {
  const validator = program
    .command('validator')
    .description('the validator role: vet providers and nodes')

  validator
    .command('whitelist')
    .description('whitelist a registered provider so its nodes may join pools')
    .argument('<provider>', "the provider's address", parse.address)
    .addHelpText(
      'after',
      '\nExamples:\n  $ prime validator whitelist 0xProvider --account validator',
    )
    .action(
      run(async (context, provider) => {
        const { client } = await context.writer()
        const result = await client.whitelistProvider({ provider })
        context.out.result({ provider, ...txFields(result) }, () =>
          context.out.success(`whitelisted ${provider}`),
        )
      }),
    )

  validator
    .command('validate')
    .description("validate a node (re-checks its provider's minimum stake)")
    .argument('<node-key>', "the node's address", parse.address)
    .addHelpText('after', '\nExamples:\n  $ prime validator validate 0xNodeKey --account validator')
    .action(
      run(async (context, nodeKey) => {
        const { client } = await context.writer()
        const result = await client.validateNode({ nodeKey })
        context.out.result({ nodeKey, ...txFields(result) }, () =>
          context.out.success(`validated node ${nodeKey}`),
        )
      }),
    )

  validator
    .command('blacklist')
    .description('blacklist a provider from the network, taking the nodes named in --evict out')
    .argument('<provider>', "the provider's address", parse.address)
    .option('--evict <pool:node>', 'a node to take out of its pool (repeatable)', parse.poolNodes)
    .addHelpText(
      'after',
      '\nExamples:\n  $ prime validator blacklist 0xProvider --evict 1:0xNodeKey --account validator',
    )
    .action(
      run(async (context, provider, options) => {
        const { client } = await context.writer()
        const result = await client.blacklistProvider({ provider, evict: options.evict })
        context.out.result({ provider, removed: result.removed, ...txFields(result) }, () =>
          context.out.success(
            `blacklisted ${provider}; ${result.removed.length} node(s) taken out`,
          ),
        )
      }),
    )

  validator
    .command('invalidate')
    .description('invalidate a node, taking it out of its pool with --evict')
    .argument('<node-key>', "the node's address", parse.address)
    .option('--evict <pool:node>', 'a node to take out of its pool (repeatable)', parse.poolNodes)
    .addHelpText(
      'after',
      '\nExamples:\n  $ prime validator invalidate 0xNodeKey --evict 1:0xNodeKey --account validator',
    )
    .action(
      run(async (context, nodeKey, options) => {
        const { client } = await context.writer()
        const result = await client.invalidateNode({ nodeKey, evict: options.evict })
        context.out.result({ nodeKey, evicted: result.evicted, ...txFields(result) }, () =>
          context.out.success(`invalidated node ${nodeKey}; ${result.evicted.length} evicted`),
        )
      }),
    )

  validator
    .command('slash')
    .description("slash a provider's stake to the treasury (active stake first, then unbonds)")
    .argument('<provider>', "the provider's address", parse.address)
    .argument('<amount>', 'how much (100, "100 PRIME", "1e20 wei")', parse.amount)
    .option('--evict <pool:node>', 'a node to take out of its pool (repeatable)', parse.poolNodes)
    .addHelpText(
      'after',
      '\nExamples:\n  $ prime validator slash 0xProvider 25 --account validator',
    )
    .action(
      run(async (context, provider, amount, options) => {
        const { client } = await context.writer()
        const result = await client.slash({ provider, amount: amount.wei, evict: options.evict })
        context.out.result(
          {
            provider,
            amount,
            slashed: result.slashed,
            fromActive: result.fromActive,
            fromUnbonding: result.fromUnbonding,
            treasury: result.treasury,
            evicted: result.evicted,
            ...txFields(result),
          },
          () =>
            context.out.success(
              `slashed ${formatPrime(result.slashed)} from ${provider} (${formatPrime(result.fromActive)} active, ${formatPrime(result.fromUnbonding)} unbonding) to ${result.treasury}`,
            ),
        )
      }),
    )

  validator
    .command('benchmark')
    .description("record a node's benchmark score")
    .argument('<node-key>', "the node's address", parse.address)
    .argument('<score>', 'the score', parse.uint)
    .addHelpText(
      'after',
      '\nExamples:\n  $ prime validator benchmark 0xNodeKey 950 --account validator',
    )
    .action(
      run(async (context, nodeKey, score) => {
        const { client } = await context.writer()
        const result = await client.setNodeBenchmark({ nodeKey, score })
        context.out.result({ nodeKey, score, ...txFields(result) }, () =>
          context.out.success(`node ${nodeKey} scores ${score}`),
        )
      }),
    )
}
