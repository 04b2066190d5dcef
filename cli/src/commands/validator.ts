import type { Command } from '@commander-js/extra-typings'
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
}
