import type { Command } from '@commander-js/extra-typings'
import { run } from '../context.js'
import { NotFoundError, UsageError } from '../errors.js'
import { createKeystore } from '../keys.js'
import { examples, txFields, writeCommand } from './command.js'
import * as parse from './parse.js'

export function registerNode(program: Command) {
  const node = program.command('node').description("a provider's compute nodes and their keys")

  node
    .command('keygen')
    .description('create a node key, encrypted in a Foundry keystore (prints only its address)')
    .argument('<name>', 'keystore name, e.g. gpu-1')
    .option('--node-password-file <file>', "file with the new node keystore's password")
    .addHelpText(
      'after',
      examples(
        [
          'prime node keygen gpu-1',
          'prime node keygen gpu-1 --node-password-file ./gpu-1.pw --json',
        ],
        `The key is written to <keystore-dir>/<name> (default ~/.foundry/keystores), readable by
\`cast wallet\`. Its password comes from --node-password-file, PRIME_NODE_PASSWORD, or a prompt
(asked twice): the same source \`node add\` and \`work submit\` unlock it with. The node key signs
its ownership proof; it needs gas only to send its own work (\`work submit --node\`). Keep it on the
node, and the provider key elsewhere.`,
      ),
    )
    .action(
      run(async (context, name, options) => {
        const created = await createKeystore(
          context.settings().keystoreDir.value,
          name,
          context.nodePasswordSource(options.nodePasswordFile),
        )
        context.out.result(created, () =>
          context.out.success(
            `node key '${name}' is ${created.address} (written to ${created.path})`,
          ),
        )
      }),
    )

  node
    .command('add')
    .description('add a node; its own key signs the ownership proof')
    .requiredOption('--node <name>', "the node's keystore name (see `prime node keygen`)")
    .option('--node-password-file <file>', "file with the node keystore's password")
    .requiredOption('--units <n>', 'compute units', parse.uint)
    .requiredOption('--specs <uri>', "URI of the node's hardware specification")
    .addHelpText(
      'after',
      examples(
        ['prime node add --node gpu-1 --units 10 --specs ipfs://specs --account provider'],
        `The node keystore's password comes from --node-password-file, PRIME_NODE_PASSWORD or a prompt.
In CI, PRIME_NODE_PRIVATE_KEY may hold the node key instead (then --node is only a label).`,
      ),
    )
    .action(
      run(async (context, options) => {
        const nodeAccount = await context.nodeAccount(options.node, options.nodePasswordFile)
        if (options.units === 0n) throw new UsageError('--units must be at least 1')
        const { client } = await context.writer()
        const result = await client.addNode({
          node: context.signer(nodeAccount),
          computeUnits: options.units,
          specsURI: options.specs,
        })
        context.out.result(
          {
            nodeKey: result.nodeKey,
            providerComputeUnits: result.computeUnits,
            ...txFields(result),
          },
          () =>
            context.out.success(
              `added node ${result.nodeKey} (${options.units} units); provider total ${result.computeUnits} units`,
            ),
        )
      }),
    )

  writeCommand(
    node
      .command('remove')
      .description('remove one of your nodes (it must not be in a pool)')
      .argument('<node-key>', "the node's address", parse.address),
    {
      examples: ['prime node remove 0xNodeKey --account provider'],
      send: ({ client }, nodeKey) => client.removeNode({ nodeKey }),
      result: (_, nodeKey) => ({ nodeKey }),
      success: (_, nodeKey) => `removed node ${nodeKey}`,
    },
  )

  node
    .command('show')
    .description("a node's provider, units, benchmark, validation and pool activity")
    .argument('<node-key>', "the node's address", parse.address)
    .addHelpText('after', examples(['prime node show 0xNodeKey --json']))
    .action(
      run(async (context, nodeKey) => {
        const { client } = await context.reader()
        const info = await client.getNode({ nodeKey })
        if (!info) throw new NotFoundError(`no node ${nodeKey} is registered`)
        context.out.result(info, () =>
          context.out.fields(
            [
              ['node', info.nodeKey],
              ['provider', info.provider],
              ['compute units', info.computeUnits],
              ['benchmark score', info.benchmarkScore],
              ['validated', info.validated ? 'yes' : 'no'],
              ['active in a pool', info.active ? 'yes' : 'no'],
              ['specs', info.specsURI],
            ],
            'Node',
          ),
        )
      }),
    )
}
