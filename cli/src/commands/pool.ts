import { readFileSync, writeFileSync } from 'node:fs'
import type { Command } from '@commander-js/extra-typings'
import type { Pool, PoolInvite } from '@prime-network/sdk'
import { z } from 'zod'
import { describeAmount, formatPrime } from '../amount.js'
import { run } from '../context.js'
import { UsageError } from '../errors.js'
import { type Output, toJsonValue } from '../output.js'
import { writeCommand } from './command.js'
import * as parse from './parse.js'

const bigintString = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])

/** The invite file `pool invite` writes and `pool join` reads (bigints as decimal strings). */
const inviteSchema = z.object({
  poolId: bigintString,
  nodeKey: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  nonce: bigintString,
  expiry: bigintString,
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/),
})

function readInvite(path: string): PoolInvite {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UsageError(`cannot read invite ${path}: ${(error as Error).message}`)
  }
  const parsed = inviteSchema.safeParse(json)
  if (!parsed.success)
    throw new UsageError(`invite ${path} is invalid:\n${z.prettifyError(parsed.error)}`)
  const invite = parsed.data
  return {
    poolId: BigInt(invite.poolId),
    nodeKey: invite.nodeKey as `0x${string}`,
    nonce: BigInt(invite.nonce),
    expiry: BigInt(invite.expiry),
    signature: invite.signature as `0x${string}`,
  }
}

export function registerPool(program: Command) {
  const pool = program.command('pool').description('compute pools: lifecycle, funding, membership')

  writeCommand(
    pool
      .command('create')
      .description('create a pool in a domain; the compute manager key signs its invites')
      .requiredOption('--domain <id>', 'the domain', parse.id)
      .requiredOption('--manager <address>', 'the compute manager key', parse.address)
      .requiredOption('--name <name>', "the pool's name")
      .option('--data-uri <uri>', "URI of the pool's description", '')
      .option(
        '--compute-limit <units>',
        'most compute units in the pool (0 = no limit)',
        parse.uint,
      ),
    {
      examples: [
        'prime pool create --domain 1 --manager 0xManagerKey --name llm-inference --account creator',
      ],
      send: ({ client }, options) =>
        client.createPool({
          domainId: options.domain,
          computeManagerKey: options.manager,
          name: options.name,
          poolDataURI: options.dataUri,
          computeLimit: options.computeLimit,
        }),
      result: (sent) => ({ poolId: sent.poolId }),
      success: (sent, options) => `created pool ${sent.poolId} '${options.name}'`,
    },
  )

  for (const [verb, description] of [
    ['start', 'start a PENDING pool so nodes may join (creator or manager)'],
    ['end', 'end a pool: rewards stop accruing (creator or manager)'],
  ] as const)
    writeCommand(
      pool.command(verb).description(description).argument('<pool-id>', 'the pool', parse.id),
      {
        examples: [`prime pool ${verb} 1 --account creator`],
        send: ({ client }, poolId) =>
          verb === 'start' ? client.startPool({ poolId }) : client.endPool({ poolId }),
        result: (_, poolId) => ({ poolId }),
        success: (_, poolId) => `pool ${poolId} ${verb === 'start' ? 'started' : 'ended'}`,
      },
    )

  writeCommand(
    pool
      .command('fund')
      .description(
        "add tokens to a pool's reward budget (approves first when the allowance is short)",
      )
      .argument('<pool-id>', 'the pool', parse.id)
      .argument('<amount>', 'how much (100, "100 PRIME", "1e20 wei")', parse.amount),
    {
      examples: ['prime pool fund 1 "1000 PRIME" --account creator'],
      send: ({ client }, poolId, amount) => client.fundPool({ poolId, amount: amount.wei }),
      result: (sent, poolId, amount) => ({
        poolId,
        amount,
        budget: sent.budget,
        approveHash: sent.approveHash ?? null,
      }),
      success: (sent, poolId, amount) =>
        `funded pool ${poolId} with ${describeAmount(amount)}; budget ${formatPrime(sent.budget)}`,
    },
  )

  writeCommand(
    pool
      .command('set-rate')
      .description('set the reward per compute unit per second (pool creator)')
      .argument('<pool-id>', 'the pool', parse.id)
      .argument('<rate>', 'per unit per second (0.001, "1e15 wei")', parse.amount),
    {
      examples: ['prime pool set-rate 1 0.001 --account creator'],
      send: ({ client }, poolId, rate) => client.setRewardRate({ poolId, rate: rate.wei }),
      result: (_, poolId, rate) => ({ poolId, rate }),
      success: (_, poolId, rate) =>
        `pool ${poolId} pays ${describeAmount(rate)} per unit per second`,
    },
  )

  pool
    .command('show')
    .description("a pool's state, parameters and budget")
    .argument('<pool-id>', 'the pool', parse.id)
    .addHelpText('after', '\nExamples:\n  $ prime pool show 1 --json')
    .action(
      run(async (context, poolId) => {
        const { client } = await context.reader()
        const info = await client.getPool({ poolId })
        context.out.result(info, () => renderPool(context.out, info))
      }),
    )

  pool
    .command('members')
    .description("a pool's nodes")
    .argument('<pool-id>', 'the pool', parse.id)
    .addHelpText('after', '\nExamples:\n  $ prime pool members 1')
    .action(
      run(async (context, poolId) => {
        const { client } = await context.reader()
        const nodes = await client.getPoolNodes({ poolId })
        context.out.result({ poolId, nodes }, () =>
          context.out.table(
            ['node', 'provider', 'units', 'joined at', 'earlier seconds', 'pending'],
            nodes.map((node) => [
              node.nodeKey,
              node.provider,
              node.computeUnits,
              node.joinedAt,
              node.activeSeconds,
              formatPrime(node.pendingRewards),
            ]),
            `Pool ${poolId}`,
          ),
        )
      }),
    )

  pool
    .command('invite')
    .description('sign an invite for a node with the compute manager key (--account)')
    .argument('<pool-id>', 'the pool', parse.id)
    .requiredOption('--node <address>', 'the node key to invite', parse.address)
    .option('--expires-in <seconds>', 'validity from now, in chain time', parse.uint, 3600n)
    .option('--out <file>', 'write the invite here (default: print it)')
    .addHelpText(
      'after',
      `
Signing is offline (nothing is sent). Give the file to the provider, who runs \`prime pool join\`.

Examples:
  $ prime pool invite 1 --node 0xNodeKey --out gpu-1.invite.json --account manager`,
    )
    .action(
      run(async (context, poolId, options) => {
        const { client } = await context.writer()
        const { timestamp } = await client.getBlock()
        const invite = await client.signPoolInvite({
          poolId,
          nodeKey: options.node,
          expiry: timestamp + options.expiresIn,
        })
        const json = toJsonValue(invite)
        if (options.out) writeFileSync(options.out, `${JSON.stringify(json, null, 2)}\n`)
        context.out.result(options.out ? { ...(json as object), file: options.out } : json, () =>
          options.out
            ? context.out.success(`invite for ${options.node} written to ${options.out}`)
            : context.out.line(JSON.stringify(json, null, 2)),
        )
      }),
    )

  writeCommand(
    pool
      .command('join')
      .description('join a pool with one or more invites (one transaction)')
      .argument('<pool-id>', 'the pool', parse.id)
      .requiredOption('--invite <file...>', 'invite files written by `prime pool invite`'),
    {
      examples: [
        'prime pool join 1 --invite gpu-1.invite.json gpu-2.invite.json --account provider',
      ],
      send: ({ client }, poolId, options) =>
        client.joinPool({ poolId, invites: options.invite.map(readInvite) }),
      result: (sent, poolId) => ({ poolId, nodeKeys: sent.nodeKeys }),
      success: (sent, poolId) => `joined pool ${poolId}: ${sent.nodeKeys.join(', ')}`,
    },
  )

  writeCommand(
    pool
      .command('leave')
      .description('take some or all of your nodes out of a pool')
      .argument('<pool-id>', 'the pool', parse.id)
      .option('--node <address>', 'a node to take out (repeatable; default: all)', parse.addresses),
    {
      examples: ['prime pool leave 1 --account provider'],
      send: ({ client }, poolId, options) => client.leavePool({ poolId, nodeKeys: options.node }),
      result: (sent, poolId) => ({ poolId, nodeKeys: sent.nodeKeys }),
      success: (sent, poolId) => `left pool ${poolId}: ${sent.nodeKeys.join(', ') || '(no node)'}`,
    },
  )

  pool
    .command('list')
    .description('every pool, from the PoolCreated events')
    .addHelpText('after', '\nExamples:\n  $ prime pool list --json')
    .action(
      run(async (context) => {
        const { client } = await context.reader()
        const created = await client.getEvents({ eventName: 'PoolCreated' })
        const pools = await Promise.all(
          created.map((event) =>
            client.getPool({ poolId: (event.args as { poolId: bigint }).poolId }),
          ),
        )
        context.out.result({ pools }, () =>
          context.out.table(
            ['id', 'name', 'status', 'domain', 'nodes', 'compute', 'rate', 'budget'],
            pools.map((p) => [
              p.poolId,
              p.name,
              p.status,
              p.domainId,
              p.nodeCount,
              p.totalCompute,
              formatPrime(p.rewardRate),
              formatPrime(p.rewardBudget),
            ]),
            'Pools',
          ),
        )
      }),
    )

  writeCommand(
    pool
      .command('eject')
      .description('take a node out of a pool (creator or manager)')
      .argument('<pool-id>', 'the pool', parse.id)
      .argument('<node-key>', 'the node', parse.address),
    {
      examples: ['prime pool eject 1 0xNodeKey --account creator'],
      send: ({ client }, poolId, nodeKey) => client.ejectNode({ poolId, nodeKey }),
      result: (_, poolId, nodeKey) => ({ poolId, nodeKey }),
      success: (_, poolId, nodeKey) => `ejected ${nodeKey} from pool ${poolId}`,
    },
  )

  writeCommand(
    pool
      .command('withdraw-budget')
      .description('after the end, take back the budget no node earned (creator)')
      .argument('<pool-id>', 'the pool', parse.id),
    {
      examples: ['prime pool withdraw-budget 1 --account creator'],
      send: ({ client }, poolId) => client.withdrawUnusedBudget({ poolId }),
      result: (sent, poolId) => ({ poolId, amount: sent.amount }),
      success: (sent, poolId) =>
        `withdrew ${formatPrime(sent.amount)} of unused budget from pool ${poolId}`,
    },
  )
}

export function renderPool(out: Output, info: Pool) {
  out.fields(
    [
      ['pool', info.poolId],
      ['name', info.name],
      ['status', info.status],
      ['domain', info.domainId],
      ['creator', info.creator],
      ['manager key', `${info.computeManagerKey} (version ${info.keyVersion})`],
      ['nodes', info.nodeCount],
      ['total compute', info.totalCompute],
      ['compute limit', info.computeLimit === 0n ? 'none' : info.computeLimit],
      ['reward rate', `${formatPrime(info.rewardRate)} per unit per second`],
      ['unaccrued budget', formatPrime(info.rewardBudget)],
      ['data', info.poolDataURI],
    ],
    'Pool',
  )
}
