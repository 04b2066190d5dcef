import { readFileSync, writeFileSync } from 'node:fs'
import type { Command } from '@commander-js/extra-typings'
import type { PoolInvite } from '@prime-network/sdk'
import { z } from 'zod'
import { formatPrime } from '../amount.js'
import { run } from '../context.js'
import { UsageError } from '../errors.js'
import { formatDuration, formatTime, wallClock } from '../format.js'
import { type Output, toJsonValue } from '../output.js'
import type { Connection } from '../protocol.js'
import { examples, writeCommand } from './command.js'
import * as parse from './parse.js'
import { checkedAddress } from './parse.js'

const bigintString = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])

/** The invite file `pool invite` writes and `pool join` reads (bigints as decimal strings). */
const inviteSchema = z.object({
  poolId: bigintString,
  nodeKey: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  provider: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
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
    nodeKey: checkedAddress(invite.nodeKey, `invite ${path}: nodeKey`),
    provider: checkedAddress(invite.provider, `invite ${path}: provider`),
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
        `funded pool ${poolId} with ${formatPrime(amount.wei)}; budget ${formatPrime(sent.budget)}`,
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
        `pool ${poolId} pays ${formatPrime(rate.wei)} per unit per second`,
    },
  )

  writeCommand(
    pool
      .command('set-work-rate')
      .description(
        'set the reward per accepted work unit, for work accepted from now on (pool creator)',
      )
      .argument('<pool-id>', 'the pool', parse.id)
      .argument('<rate>', 'per work unit (0.5, "1e15 wei"; 0 pays nothing for work)', parse.amount)
      .requiredOption(
        '--max-locked-per-node <amount>',
        'the most work rewards one node may have locked in the pool at once',
        parse.amount,
      ),
    {
      note: `The bound keeps one node from reserving the whole budget (which would stop time rewards for every
node): with n nodes at most n times it is locked. Submissions past it are refused.`,
      examples: ['prime pool set-work-rate 1 0.5 --max-locked-per-node 500 --account creator'],
      send: ({ client }, poolId, rate, options) =>
        client.setWorkRewardRate({
          poolId,
          rate: rate.wei,
          maxLockedPerNode: options.maxLockedPerNode.wei,
        }),
      result: (_, poolId, rate, options) => ({
        poolId,
        workRate: rate,
        maxLockedPerNode: options.maxLockedPerNode,
      }),
      success: (_, poolId, rate, options) =>
        `pool ${poolId} pays ${formatPrime(rate.wei)} per work unit, at most ${formatPrime(options.maxLockedPerNode.wei)} locked per node`,
    },
  )

  writeCommand(
    pool
      .command('set-lock')
      .description(
        "set how long a work's reward stays locked for validators to check it (pool creator)",
      )
      .argument('<pool-id>', 'the pool', parse.id)
      .argument('<seconds>', 'the lock window', parse.uint),
    {
      note: `At least the network minimum (\`prime network status\`), at most 90 days, and only before the
pool's first work.`,
      examples: ['prime pool set-lock 1 86400 --account creator'],
      send: ({ client }, poolId, period) => client.setWorkLockPeriod({ poolId, period }),
      result: (_, poolId, period) => ({ poolId, workLockPeriod: period }),
      success: (_, poolId, period) =>
        `pool ${poolId} locks work rewards for ${formatDuration(period)}`,
    },
  )

  writeCommand(
    pool
      .command('update')
      .description("change a pool's compute limit and data URI (pool creator)")
      .argument('<pool-id>', 'the pool', parse.id)
      .option(
        '--compute-limit <units>',
        'most compute units in the pool (0 = no limit)',
        parse.uint,
      )
      .option('--data-uri <uri>', "URI of the pool's description"),
    {
      note: 'What is not given keeps its current value. The limit is never below what is in the pool now.',
      examples: [
        'prime pool update 1 --compute-limit 500 --account creator',
        'prime pool update 1 --data-uri ipfs://v2 --account creator',
      ],
      send: async ({ client }, poolId, options) => {
        if (options.computeLimit === undefined && options.dataUri === undefined)
          throw new UsageError('pass --compute-limit, --data-uri or both')
        const current = await client.getPool({ poolId })
        const computeLimit = options.computeLimit ?? current.computeLimit
        const poolDataURI = options.dataUri ?? current.poolDataURI
        return {
          ...(await client.updatePool({ poolId, computeLimit, poolDataURI })),
          computeLimit,
          poolDataURI,
        }
      },
      result: (sent, poolId) => ({
        poolId,
        computeLimit: sent.computeLimit,
        poolDataURI: sent.poolDataURI,
      }),
      success: (sent, poolId) =>
        `pool ${poolId}: compute limit ${sent.computeLimit === 0n ? 'none' : sent.computeLimit}, data ${sent.poolDataURI}`,
    },
  )

  writeCommand(
    pool
      .command('set-manager-key')
      .description('rotate the compute manager key that signs invites (pool creator)')
      .argument('<pool-id>', 'the pool', parse.id)
      .argument('<address>', 'the new compute manager key', parse.address),
    {
      note: 'Invites signed by the old key stop working for good, used or not.',
      examples: ['prime pool set-manager-key 1 0xNewManagerKey --account creator'],
      send: ({ client }, poolId, computeManagerKey) =>
        client.setComputeManagerKey({ poolId, computeManagerKey }),
      result: (_, poolId, computeManagerKey) => ({ poolId, computeManagerKey }),
      success: (_, poolId, computeManagerKey) =>
        `pool ${poolId} invites are signed by ${computeManagerKey} from now on`,
    },
  )

  pool
    .command('show')
    .description("a pool's state, parameters and budget")
    .argument('<pool-id>', 'the pool', parse.id)
    .addHelpText('after', examples(['prime pool show 1 --json']))
    .action(
      run(async (context, poolId) => {
        const { client } = await context.reader()
        const [info, { timestamp }] = await Promise.all([
          loadPool(client, poolId),
          client.getBlock(),
        ])
        context.out.result(info, () => renderPool(context.out, info, timestamp))
      }),
    )

  pool
    .command('members')
    .description("a pool's nodes")
    .argument('<pool-id>', 'the pool', parse.id)
    .addHelpText('after', examples(['prime pool members 1']))
    .action(
      run(async (context, poolId) => {
        const { client } = await context.reader()
        const nodes = await client.getPoolNodes({ poolId })
        context.out.result({ poolId, nodes }, () =>
          context.out.table(
            ['node', 'provider', 'units', 'joined', 'earlier time in pool', 'pending'],
            nodes.map((node) => [
              node.nodeKey,
              node.provider,
              node.computeUnits,
              formatTime(node.joinedAt),
              formatDuration(node.activeSeconds),
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
    .option(
      '--provider <address>',
      "the node's provider, who joins with the invite (default: read from the chain)",
      parse.address,
    )
    .option('--expires-in <seconds>', 'validity from now, in chain time', parse.uint, 3600n)
    .option('--out <file>', 'write the invite here (default: print it)')
    .addHelpText(
      'after',
      examples(
        ['prime pool invite 1 --node 0xNodeKey --out gpu-1.invite.json --account manager'],
        'Signing is offline (nothing is sent). Give the file to the provider, who runs `prime pool join`;\nthe invite is made out to that provider and works for no other.',
      ),
    )
    .action(
      run(async (context, poolId, options) => {
        // Signing the invite is the whole command: a dry run of it would hand out a signature.
        if (context.dryRun)
          throw new UsageError('pool invite sends nothing, it only signs: run it without --dry-run')
        const { client } = await context.writer()
        const { timestamp } = await client.getBlock()
        const invite = await client.signPoolInvite({
          poolId,
          nodeKey: options.node,
          provider: options.provider,
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
      .command('move')
      .description('move nodes from one pool to another in one transaction: leave, then join')
      .argument('<from-pool-id>', 'the pool the nodes are in', parse.id)
      .argument('<to-pool-id>', 'the pool they join', parse.id)
      .requiredOption('--invite <file...>', 'invites of the new pool, one per node'),
    {
      note: `The nodes named by the invites leave the first pool (their rewards there stay claimable)
and join the second, or nothing happens. A node no longer in the first pool (an operator ejected it)
is skipped: it neither leaves nor joins, and only the nodes that moved are listed.`,
      examples: ['prime pool move 1 2 --invite gpu-1.pool-2.invite.json --account provider'],
      send: async ({ client, out }, fromPoolId, toPoolId, options) => {
        const invites = options.invite.map(readInvite)
        out.progress(
          `moving ${invites.length} node(s): leave pool ${fromPoolId}, join pool ${toPoolId} (one transaction)`,
        )
        const sent = await client.moveNodes({ fromPoolId, toPoolId, invites })
        const skipped = invites
          .map((invite) => invite.nodeKey)
          .filter((nodeKey) => !sent.nodeKeys.includes(nodeKey))
        return { ...sent, skipped }
      },
      result: (sent, fromPoolId, toPoolId) => ({
        fromPoolId,
        toPoolId,
        nodeKeys: sent.nodeKeys,
        skipped: sent.skipped,
      }),
      success: (sent, fromPoolId, toPoolId) =>
        `moved ${sent.nodeKeys.length} node(s) from pool ${fromPoolId} to pool ${toPoolId}${sent.nodeKeys.length > 0 ? `: ${sent.nodeKeys.join(', ')}` : ''}${sent.skipped.length > 0 ? `; skipped (not in pool ${fromPoolId}): ${sent.skipped.join(', ')}` : ''}`,
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
    .addHelpText('after', examples(['prime pool list --json']))
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
      .command('eject-ineligible')
      .description('take out the nodes that may no longer be in a pool (anyone)')
      .argument('<pool-id>', 'the pool', parse.id)
      .option(
        '--node <address>',
        'a node to check (repeatable; default: every node in the pool)',
        parse.addresses,
      ),
    {
      note: `A node is ineligible when it is no longer validated, its provider is off the whitelist or
short of its minimum stake, or either is blacklisted from the pool. Eligible nodes are skipped.`,
      examples: ['prime pool eject-ineligible 1 --account keeper'],
      send: async ({ client }, poolId, options) => {
        const nodeKeys =
          options.node ?? (await client.getPoolNodes({ poolId })).map((node) => node.nodeKey)
        if (nodeKeys.length === 0) throw new UsageError(`pool ${poolId} has no node to check`)
        return client.ejectIneligibleNodes({
          nodes: nodeKeys.map((nodeKey) => ({ poolId, nodeKey })),
        })
      },
      result: (sent, poolId) => ({ poolId, ejected: sent.ejected.map((node) => node.nodeKey) }),
      success: (sent, poolId) =>
        `ejected ${sent.ejected.length} ineligible node(s) from pool ${poolId}${sent.ejected.length > 0 ? `: ${sent.ejected.map((node) => node.nodeKey).join(', ')}` : ''}`,
    },
  )

  writeCommand(
    pool
      .command('blacklist')
      .description('bar nodes or providers from a pool (creator or manager)')
      .argument('<pool-id>', 'the pool', parse.id)
      .option('--node <address>', 'a node to bar (repeatable)', parse.addresses)
      .option(
        '--provider <address>',
        'a provider to bar, with all its nodes (repeatable)',
        parse.addresses,
      )
      .option('--purge', 'also take those in the pool now out (default: only block future joins)'),
    {
      examples: [
        'prime pool blacklist 1 --node 0xNodeKey --purge --account manager',
        'prime pool blacklist 1 --provider 0xProvider --account manager',
      ],
      send: async ({ client }, poolId, options) => {
        if (Boolean(options.node) === Boolean(options.provider))
          throw new UsageError('pass either --node <address> ... or --provider <address> ...')
        const purge = options.purge ?? false
        if (options.node) {
          const sent = await client.blacklistNode({ poolId, nodeKey: options.node, purge })
          return { ...sent, barred: options.node, purged: sent.purged }
        }
        const providers = options.provider!
        // The contract ejects only the nodes it is given (a bounded batch): the providers' nodes
        // in the pool now.
        const purgeNodeKeys = purge
          ? (await client.getPoolNodes({ poolId }))
              .filter((node) => providers.includes(node.provider))
              .map((node) => node.nodeKey)
          : []
        const sent = await client.blacklistProvider({ poolId, provider: providers, purgeNodeKeys })
        return { ...sent, barred: providers, purged: sent.removed.map((node) => node.nodeKey) }
      },
      result: (sent, poolId, options) => ({
        poolId,
        nodeKeys: options.node ?? [],
        providers: options.provider ?? [],
        purged: sent.purged,
      }),
      success: (sent, poolId) =>
        `pool ${poolId} bars ${sent.barred.join(', ')}; ${sent.purged.length} node(s) taken out`,
    },
  )

  writeCommand(
    pool
      .command('cancel-invite')
      .description('revoke an unused invite by its nonce (creator or manager)')
      .argument('<pool-id>', 'the pool', parse.id)
      .argument('<nonce>', "the invite's nonce (in its file)", parse.uint),
    {
      examples: ['prime pool cancel-invite 1 7 --account manager'],
      send: ({ client }, poolId, nonce) => client.cancelInviteNonce({ poolId, nonce }),
      result: (_, poolId, nonce) => ({ poolId, nonce }),
      success: (_, poolId, nonce) => `invite ${nonce} of pool ${poolId} can no longer be used`,
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

/** A pool with its work terms, which the protocol keeps with its rewards but a reader wants here. */
export async function loadPool(client: Connection['client'], poolId: bigint) {
  const [pool, rewards] = await Promise.all([
    client.getPool({ poolId }),
    client.getPoolRewards({ poolId }),
  ])
  return {
    ...pool,
    workRate: rewards.workRate,
    workLockPeriod: rewards.workLockPeriod,
    maxLockedPerNode: rewards.maxLockedPerNode,
  }
}

/** `now`: the chain's time when the caller read it, for "in 2 h" (else the wall clock). */
export function renderPool(
  out: Output,
  info: Awaited<ReturnType<typeof loadPool>>,
  now = wallClock(),
) {
  const when = (seconds: bigint) => (seconds === 0n ? '-' : formatTime(seconds, now))
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
      ['started', when(info.startedAt)],
      ['ended', when(info.endedAt)],
      ['reward rate', `${formatPrime(info.rewardRate)} per unit per second`],
      ['work rate', `${formatPrime(info.workRate)} per work unit`],
      ['work lock window', formatDuration(info.workLockPeriod)],
      ['most locked per node', formatPrime(info.maxLockedPerNode)],
      ['unaccrued budget', formatPrime(info.rewardBudget)],
      ['data', info.poolDataURI],
    ],
    'Pool',
  )
}
