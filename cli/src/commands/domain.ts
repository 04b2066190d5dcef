import type { Command } from '@commander-js/extra-typings'
import { zeroAddress } from 'viem'
import { run } from '../context.js'
import { examples, writeCommand } from './command.js'
import * as parse from './parse.js'

export function registerDomain(program: Command) {
  const domain = program
    .command('domain')
    .description('domains of compute (the federator creates them)')

  writeCommand(
    domain
      .command('create')
      .description('create a domain (federator)')
      .requiredOption('--name <name>', "the domain's name")
      .option('--parameters-uri <uri>', "URI of the domain's parameters", '')
      .option(
        '--validation <address>',
        'work validation logic (default: none, accepts no work)',
        parse.address,
      ),
    {
      examples: [
        'prime domain create --name inference --parameters-uri ipfs://params --account federator',
      ],
      send: ({ client }, options) =>
        client.createDomain({
          name: options.name,
          domainParametersURI: options.parametersUri,
          validationLogic: options.validation,
        }),
      result: (sent) => ({ domainId: sent.domainId }),
      success: (sent, options) => `created domain ${sent.domainId} '${options.name}'`,
    },
  )

  domain
    .command('show')
    .description('one domain')
    .argument('<domain-id>', 'the domain', parse.id)
    .addHelpText('after', examples(['prime domain show 1']))
    .action(
      run(async (context, domainId) => {
        const { client } = await context.reader()
        const info = await client.getDomain({ domainId })
        context.out.result(info, () =>
          context.out.fields(
            [
              ['domain', info.domainId],
              ['name', info.name],
              ['validation logic', info.validationLogic],
              ['parameters', info.domainParametersURI],
            ],
            'Domain',
          ),
        )
      }),
    )

  domain
    .command('list')
    .description('every domain, from the DomainCreated events')
    .addHelpText('after', examples(['prime domain list --json']))
    .action(
      run(async (context) => {
        const { client } = await context.reader()
        const created = await client.getEvents({ eventName: 'DomainCreated' })
        const domains = await Promise.all(
          created.map((event) =>
            client.getDomain({ domainId: (event.args as { domainId: bigint }).domainId }),
          ),
        )
        context.out.result({ domains }, () =>
          context.out.table(
            ['id', 'name', 'validation logic', 'parameters'],
            domains.map((d) => [d.domainId, d.name, d.validationLogic, d.domainParametersURI]),
            'Domains',
          ),
        )
      }),
    )

  writeCommand(
    domain
      .command('update')
      .description("change a domain's validation logic and parameters URI (federator)")
      .argument('<domain-id>', 'the domain', parse.id)
      .requiredOption('--parameters-uri <uri>', "URI of the domain's parameters")
      .option('--validation <address>', 'work validation logic (default: none)', parse.address),
    {
      examples: [
        'prime domain update 1 --parameters-uri ipfs://v2 --validation 0xLogic --account federator',
      ],
      send: ({ client }, domainId, options) =>
        client.updateDomain({
          domainId,
          validationLogic: options.validation ?? zeroAddress,
          domainParametersURI: options.parametersUri,
        }),
      result: (sent, domainId) => ({
        domainId,
        validationLogic: sent.validationLogic,
        domainParametersURI: sent.domainParametersURI,
      }),
      success: (_, domainId) => `domain ${domainId} updated`,
    },
  )

  writeCommand(
    domain
      .command('set-units-cap')
      .description('set the most work units one submission may claim in a domain (federator)')
      .argument('<domain-id>', 'the domain', parse.id)
      .argument('<units>', 'the cap (0 accepts no work)', parse.uint),
    {
      note: `The cap belongs to the shipped validation logic (WorkUnitsValidation, the deployment's
workValidation); a domain using other logic ignores it.`,
      examples: ['prime domain set-units-cap 1 1000 --account federator'],
      send: ({ client }, domainId, cap) => client.setWorkUnitsCap({ domainId, cap }),
      result: (_, domainId, cap) => ({ domainId, unitsCap: cap }),
      success: (_, domainId, cap) => `domain ${domainId} accepts at most ${cap} units per work`,
    },
  )
}
