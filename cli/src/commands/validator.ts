import type { Command } from '@commander-js/extra-typings'
import type { Address } from 'viem'
import { formatPrime } from '../amount.js'
import { run } from '../context.js'
import { formatTime } from '../format.js'
import type { Connection } from '../protocol.js'
import { examples, writeCommand } from './command.js'
import * as parse from './parse.js'

export function registerValidator(program: Command) {
  const validator = program
    .command('validator')
    .description('the validator role: vet providers and nodes')
    // Work has one owner, the `work` noun; a validator's part of it is listed there.
    .addHelpText(
      'after',
      `
Checking work: \`prime work list <pool-id>\`, \`prime work show <work-key>\`,
\`prime work invalidate <work-key> --penalty <amount>\`, \`prime work soft-invalidate <work-key>\`.`,
    )

  validator
    .command('pending')
    .description('nodes awaiting validation: added, not validated, not removed')
    .addHelpText('after', examples(['prime validator pending', 'prime validator pending --json']))
    .action(
      run(async (context) => {
        const { client } = await context.reader()
        const nodes = await loadPendingNodes(client)
        context.out.result({ nodes }, () =>
          context.out.table(
            ['node', 'provider', 'units', 'specs', 'added at'],
            nodes.map((node) => [
              node.nodeKey,
              node.provider,
              node.computeUnits,
              node.specsURI,
              `${formatTime(node.addedAt)}, block ${node.addedInBlock}`,
            ]),
            'Nodes awaiting validation',
          ),
        )
      }),
    )

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

  writeCommand(
    validator
      .command('forfeit')
      .description("return a misbehaving node's unclaimed rewards in a pool to its budget")
      .argument('<pool-id>', 'the pool', parse.id)
      .argument('<node-key>', "the node's address", parse.address),
    {
      note: "Only the validator may do this; a pool's own creator or manager cannot.",
      examples: ['prime validator forfeit 1 0xNodeKey --account validator'],
      send: ({ client }, poolId, nodeKey) => client.forfeitRewards({ poolId, nodeKey }),
      result: (sent, poolId, nodeKey) => ({ poolId, nodeKey, amount: sent.amount }),
      success: (sent, poolId, nodeKey) =>
        `${formatPrime(sent.amount)} of ${nodeKey} returned to the budget of pool ${poolId}`,
    },
  )
}

/**
 * Nodes added and still registered but not validated, oldest first: the NodeAdded events name
 * the candidates (a key removed and added again counts from its latest add), one batched read of
 * the registry says which still wait.
 */
async function loadPendingNodes(client: Connection['client']) {
  const added = new Map<Address, { blockNumber: bigint; blockTimestamp?: bigint | undefined }>()
  for (const event of await client.getEvents({ eventName: 'NodeAdded' })) {
    added.delete(event.args.nodeKey)
    added.set(event.args.nodeKey, event)
  }
  const keys = [...added.keys()]
  const nodes = await Promise.all(keys.map((nodeKey) => client.getNode({ nodeKey })))
  const pending = []
  for (const node of nodes) {
    if (!node || node.validated) continue
    const { blockNumber, blockTimestamp } = added.get(node.nodeKey)!
    // Most RPCs put the block's time on each log; for one that does not, read the block.
    const addedAt = blockTimestamp ?? (await client.getBlock({ blockNumber })).timestamp
    pending.push({ ...node, addedAt, addedInBlock: blockNumber })
  }
  return pending
}
