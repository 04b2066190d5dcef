import type { Command } from '@commander-js/extra-typings'
import type { Work } from '@prime-network/sdk'
import { formatPrime } from '../amount.js'
import { run } from '../context.js'
import { NotFoundError, UsageError } from '../errors.js'
import { formatTime } from '../format.js'
import type { Output } from '../output.js'
import { examples, txFields, writeCommand } from './command.js'
import * as parse from './parse.js'

/**
 * Where a work stands for its validators and its provider: `locked` (its reward waits out the
 * pool's window and it can still be invalidated), `final` (claimable, no longer invalidatable),
 * `invalidated` or `soft-invalidated` (its reward went back to the budget), `returned` (accepted,
 * but its reward went back when a validator invalidated its node: it pays nothing).
 */
function workState(work: Work) {
  if (work.status === 'INVALIDATED') return 'invalidated'
  if (work.status === 'SOFT_INVALIDATED') return 'soft-invalidated'
  if (work.rewardReturned) return 'returned'
  return work.final ? 'final' : 'locked'
}

const withState = (work: Work) => ({ ...work, state: workState(work) })

const time = (seconds: bigint) => formatTime(seconds)

function renderWorks(out: Output, works: ReturnType<typeof withState>[], title: string) {
  out.table(
    ['work', 'node', 'provider', 'units', 'reward', 'submitted', 'unlocks', 'state'],
    works.map((work) => [
      work.workKey,
      work.nodeKey,
      work.provider,
      work.units,
      formatPrime(work.reward),
      time(work.submittedAt),
      time(work.unlockAt),
      work.state,
    ]),
    title,
  )
}

export function registerWork(program: Command) {
  const work = program.command('work').description('work that nodes submit to their pools')

  work
    .command('submit')
    .description("submit a node's work to its pool (sent by the node key, or by its provider)")
    .argument('<pool-id>', 'the pool', parse.id)
    .option('--node <name>', "send from the node's own keystore (it pays the gas)")
    .option('--node-password-file <file>', "file with the node keystore's password")
    .option('--node-key <address>', 'send as the provider (--account) for this node', parse.address)
    .requiredOption(
      '--work-key <hex>',
      "the work's 32-byte key, e.g. the hash of its output",
      parse.workKey,
    )
    .requiredOption('--units <n>', 'the work units claimed (at most the domain cap)', parse.uint)
    .option(
      '--min-work-rate <amount>',
      "the least reward per unit to accept (default: the pool's rate now)",
      parse.amount,
    )
    .option(
      '--max-lock-period <seconds>',
      "the longest lock window to accept (default: the pool's window now)",
      parse.uint,
    )
    .addHelpText(
      'after',
      examples(
        [
          'prime work submit 1 --node gpu-1 --work-key 0x<64 hex> --units 5',
          'prime work submit 1 --node-key 0xNodeKey --work-key 0x<64 hex> --units 5 --account provider',
        ],
        `For the shipped validation logic (WorkUnitsValidation): the reward, units x the pool's work
rate, is reserved from the budget and locked for the pool's window, then claimable. The work is
the node's: a node submits a key once. If the pool lowers its rate or lengthens its window before
the submission lands, it is refused and nothing is recorded.`,
      ),
    )
    .action(
      run(async (context, poolId, options) => {
        if (Boolean(options.node) === Boolean(options.nodeKey))
          throw new UsageError('pass either --node <name> (the node sends) or --node-key <address>')
        const nodeAccount = options.node
          ? await context.nodeAccount(options.node, options.nodePasswordFile)
          : undefined
        const { client } = await context.writer(nodeAccount)
        const result = await client.submitWork({
          poolId,
          nodeKey: nodeAccount?.address ?? options.nodeKey!,
          workKey: options.workKey,
          units: options.units,
          minWorkRate: options.minWorkRate?.wei,
          maxLockPeriod: options.maxLockPeriod,
        })
        context.out.result(
          {
            poolId,
            nodeKey: nodeAccount?.address ?? options.nodeKey,
            workKey: result.workKey,
            units: result.units,
            reward: result.reward,
            unlockAt: result.unlockAt,
            ...txFields(result),
          },
          () =>
            context.out.success(
              `work ${result.workKey} accepted: ${result.units} units, ${formatPrime(result.reward)} locked until ${formatTime(result.unlockAt)}`,
            ),
        )
      }),
    )

  work
    .command('list')
    .description(
      "a pool's work: units, reward, when it unlocks, and whether it is final or invalidated",
    )
    .argument('<pool-id>', 'the pool', parse.id)
    .addHelpText('after', examples(['prime work list 1', 'prime work list 1 --json']))
    .action(
      run(async (context, poolId) => {
        const { client } = await context.reader()
        // The pool's WorkAccepted events name its works (a node submits a key once); their
        // records say where each stands.
        const accepted = await client.getEvents({ eventName: 'WorkAccepted', args: { poolId } })
        const works = await Promise.all(
          accepted.map(async ({ args: { nodeKey, workKey } }) =>
            withState((await client.getWork({ nodeKey, workKey }))!),
          ),
        )
        context.out.result({ poolId, works }, () =>
          renderWorks(context.out, works, `Work in pool ${poolId}`),
        )
      }),
    )

  work
    .command('show')
    .description('one work, by the node that did it and its key')
    .argument('<node-key>', 'the node that did the work', parse.address)
    .argument('<work-key>', "the work's 32-byte key", parse.workKey)
    .addHelpText('after', examples(['prime work show 0xNodeKey 0x<64 hex> --json']))
    .action(
      run(async (context, nodeKey, workKey) => {
        const { client } = await context.reader()
        const found = await client.getWork({ nodeKey, workKey })
        if (!found) throw new NotFoundError(`node ${nodeKey} submitted no work ${workKey}`)
        const shown = withState(found)
        context.out.result(shown, () =>
          context.out.fields(
            [
              ['work', shown.workKey],
              ['pool', shown.poolId],
              ['node', shown.nodeKey],
              ['provider', shown.provider],
              ['units', shown.units],
              ['reward', formatPrime(shown.reward)],
              ['submitted', time(shown.submittedAt)],
              ['unlocks', time(shown.unlockAt)],
              ['state', shown.state],
            ],
            'Work',
          ),
        )
      }),
    )

  writeCommand(
    work
      .command('invalidate')
      .description(
        'invalidate a locked work (validator): its reward returns to the budget, its provider is slashed',
      )
      .argument('<node-key>', 'the node that did the work', parse.address)
      .argument('<work-key>', "the work's 32-byte key", parse.workKey)
      .requiredOption(
        '--penalty <amount>',
        'the most to slash from its provider, to the treasury (0 for none)',
        parse.amount,
      )
      .option(
        '--invalidate-node',
        'also invalidate the node that did it, returning all its locked work rewards in the pool',
      )
      .option(
        '--evict <pool:node>',
        'a node to take out of its pool (repeatable)',
        parse.poolNodes,
      ),
    {
      note: `Only while the work is locked (see \`prime work show\`). The node and the key name exactly one
submission, so a repeated command cannot hit another work. --evict takes nodes that are no longer
eligible out of their pools in the same transaction, typically the node and the pool it is in now.`,
      examples: [
        'prime work invalidate 0xNodeKey 0x<64 hex> --penalty 50 --account validator',
        'prime work invalidate 0xNodeKey 0x<64 hex> --penalty 50 --invalidate-node --evict 1:0xNodeKey --account validator',
      ],
      send: ({ client }, nodeKey, workKey, options) =>
        client.invalidateWork({
          nodeKey,
          workKey,
          penalty: options.penalty.wei,
          invalidateNode: options.invalidateNode ?? false,
          evict: options.evict,
        }),
      result: (sent, nodeKey, workKey, options) => ({
        nodeKey,
        workKey,
        poolId: sent.poolId,
        reward: sent.reward,
        returnedLocked: sent.returnedLocked,
        penalty: options.penalty,
        slashed: sent.slashed,
        nodeInvalidated: options.invalidateNode ?? false,
        evicted: sent.evicted,
      }),
      success: (sent, _, workKey) =>
        `invalidated work ${workKey}: ${formatPrime(sent.reward + sent.returnedLocked)} back to pool ${sent.poolId}, ${formatPrime(sent.slashed)} slashed`,
    },
  )

  writeCommand(
    work
      .command('soft-invalidate')
      .description(
        'invalidate a locked work without penalty (validator): its reward returns to the budget',
      )
      .argument('<node-key>', 'the node that did the work', parse.address)
      .argument('<work-key>', "the work's 32-byte key", parse.workKey),
    {
      note: 'The work stays rejected: "soft" means no penalty, not "try again".',
      examples: ['prime work soft-invalidate 0xNodeKey 0x<64 hex> --account validator'],
      send: ({ client }, nodeKey, workKey) => client.softInvalidateWork({ nodeKey, workKey }),
      result: (sent, nodeKey, workKey) => ({
        nodeKey,
        workKey,
        poolId: sent.poolId,
        reward: sent.reward,
      }),
      success: (sent, _, workKey) =>
        `soft-invalidated work ${workKey}: ${formatPrime(sent.reward)} back to pool ${sent.poolId}`,
    },
  )
}
