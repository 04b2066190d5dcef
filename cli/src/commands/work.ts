import type { Command } from '@commander-js/extra-typings'
import { formatPrime } from '../amount.js'
import { run } from '../context.js'
import { UsageError } from '../errors.js'
import { accountFromEnv, unlockKeystore } from '../keys.js'
import { txFields } from './command.js'
import * as parse from './parse.js'

export function registerWork(program: Command) {
  const work = program.command('work').description('work that nodes submit to their pools')

  work
    .command('submit')
    .description("submit a node's work to its pool (sent by the node key, or by its provider)")
    .argument('<pool-id>', 'the pool', parse.id)
    .option('--node <name>', "send from the node's own keystore (it pays the gas)")
    .option('--node-password-file <file>', "file with the node keystore's password")
    .option('--node-key <address>', 'send as the provider (--account) for this node', parse.address)
    .requiredOption('--work-key <hex>', "the work's 32-byte key, e.g. the hash of its output")
    .requiredOption('--units <n>', 'the work units claimed (at most the domain cap)', parse.uint)
    .addHelpText(
      'after',
      `
For the shipped validation logic (WorkUnitsValidation): the reward, units x the pool's work
rate, is reserved from the budget and locked for the pool's window, then claimable.

Examples:
  $ prime work submit 1 --node gpu-1 --work-key 0x<64 hex> --units 5
  $ prime work submit 1 --node-key 0xNodeKey --work-key 0x<64 hex> --units 5 --account provider`,
    )
    .action(
      run(async (context, poolId, options) => {
        if (!/^0x[0-9a-fA-F]{64}$/.test(options.workKey))
          throw new UsageError(`--work-key must be 32 bytes of hex, got '${options.workKey}'`)
        if (Boolean(options.node) === Boolean(options.nodeKey))
          throw new UsageError('pass either --node <name> (the node sends) or --node-key <address>')
        const nodeAccount = options.node
          ? (accountFromEnv(context.env, 'PRIME_NODE_PRIVATE_KEY') ??
            (await unlockKeystore(context.settings().keystoreDir.value, options.node, {
              file: options.nodePasswordFile,
              envName: 'PRIME_NODE_PASSWORD',
              env: context.env,
            })))
          : undefined
        const { client } = await context.writer(nodeAccount)
        const result = await client.submitWork({
          poolId,
          nodeKey: nodeAccount?.address ?? options.nodeKey!,
          workKey: options.workKey as `0x${string}`,
          units: options.units,
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
              `work ${result.workKey} accepted: ${result.units} units, ${formatPrime(result.reward)} locked until ${new Date(Number(result.unlockAt) * 1000).toISOString()}`,
            ),
        )
      }),
    )
}
