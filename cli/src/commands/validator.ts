import type { Command } from '@commander-js/extra-typings'
import { formatPrime } from '../amount.js'
import { writeCommand } from './command.js'
import * as parse from './parse.js'

export function registerValidator(program: Command) {
  const validator = program
    .command('validator')
    .description('the validator role: vet providers and nodes')

  writeCommand(
    validator
      .command('whitelist')
      .description('whitelist a registered provider so its nodes may join pools')
      .argument('<provider>', "the provider's address", parse.address),
    {
      examples: ['prime validator whitelist 0xProvider --account validator'],
      send: ({ client }, provider) => client.whitelistProvider({ provider }),
      result: (_, provider) => ({ provider }),
      success: (_, provider) => `whitelisted ${provider}`,
    },
  )

  writeCommand(
    validator
      .command('validate')
      .description("validate a node (re-checks its provider's minimum stake)")
      .argument('<node-key>', "the node's address", parse.address),
    {
      examples: ['prime validator validate 0xNodeKey --account validator'],
      send: ({ client }, nodeKey) => client.validateNode({ nodeKey }),
      result: (_, nodeKey) => ({ nodeKey }),
      success: (_, nodeKey) => `validated node ${nodeKey}`,
    },
  )

  writeCommand(
    validator
      .command('blacklist')
      .description('blacklist a provider from the network, taking the nodes named in --evict out')
      .argument('<provider>', "the provider's address", parse.address)
      .option(
        '--evict <pool:node>',
        'a node to take out of its pool (repeatable)',
        parse.poolNodes,
      ),
    {
      examples: ['prime validator blacklist 0xProvider --evict 1:0xNodeKey --account validator'],
      send: ({ client }, provider, options) =>
        client.blacklistProvider({ provider, evict: options.evict }),
      result: (sent, provider) => ({ provider, removed: sent.removed }),
      success: (sent, provider) =>
        `blacklisted ${provider}; ${sent.removed.length} node(s) taken out`,
    },
  )

  writeCommand(
    validator
      .command('invalidate')
      .description('invalidate a node, taking it out of its pool with --evict')
      .argument('<node-key>', "the node's address", parse.address)
      .option(
        '--evict <pool:node>',
        'a node to take out of its pool (repeatable)',
        parse.poolNodes,
      ),
    {
      examples: ['prime validator invalidate 0xNodeKey --evict 1:0xNodeKey --account validator'],
      send: ({ client }, nodeKey, options) =>
        client.invalidateNode({ nodeKey, evict: options.evict }),
      result: (sent, nodeKey) => ({ nodeKey, evicted: sent.evicted }),
      success: (sent, nodeKey) => `invalidated node ${nodeKey}; ${sent.evicted.length} evicted`,
    },
  )

  writeCommand(
    validator
      .command('slash')
      .description("slash a provider's stake to the treasury (active stake first, then unbonds)")
      .argument('<provider>', "the provider's address", parse.address)
      .argument('<amount>', 'how much (100, "100 PRIME", "1e20 wei")', parse.amount)
      .option(
        '--evict <pool:node>',
        'a node to take out of its pool (repeatable)',
        parse.poolNodes,
      ),
    {
      examples: ['prime validator slash 0xProvider 25 --account validator'],
      send: ({ client }, provider, amount, options) =>
        client.slash({ provider, amount: amount.wei, evict: options.evict }),
      result: (sent, provider, amount) => ({
        provider,
        amount,
        slashed: sent.slashed,
        fromActive: sent.fromActive,
        fromUnbonding: sent.fromUnbonding,
        treasury: sent.treasury,
        evicted: sent.evicted,
      }),
      success: (sent, provider) =>
        `slashed ${formatPrime(sent.slashed)} from ${provider} (${formatPrime(sent.fromActive)} active, ${formatPrime(sent.fromUnbonding)} unbonding) to ${sent.treasury}`,
    },
  )

  writeCommand(
    validator
      .command('benchmark')
      .description("record a node's benchmark score")
      .argument('<node-key>', "the node's address", parse.address)
      .argument('<score>', 'the score', parse.uint),
    {
      examples: ['prime validator benchmark 0xNodeKey 950 --account validator'],
      send: ({ client }, nodeKey, score) => client.setNodeBenchmark({ nodeKey, score }),
      result: (_, nodeKey, score) => ({ nodeKey, score }),
      success: (_, nodeKey, score) => `node ${nodeKey} scores ${score}`,
    },
  )
}
