import type { Command } from '@commander-js/extra-typings'
import type { Address } from 'viem'
import { formatPrime } from '../amount.js'
import { run } from '../context.js'
import { formatTime } from '../format.js'
import type { Output } from '../output.js'
import type { Connection } from '../protocol.js'
import { examples, writeCommand } from './command.js'
import * as parse from './parse.js'

export function registerProvider(program: Command) {
  const provider = program.command('provider').description('a compute provider: stake and status')

  writeCommand(
    provider
      .command('register')
      .description('stake and register as a provider (signs an ERC-2612 permit, else approves)')
      .requiredOption(
        '--stake <amount>',
        'stake to deposit (100, "100 PRIME", "1e20 wei")',
        parse.amount,
      ),
    {
      note: `The stake must cover the network minimum; each node added later needs minimum x its compute units
more (see \`prime network status\`).`,
      examples: [
        'prime provider register --stake 100 --account provider',
        'prime provider register --stake "250 PRIME" --account provider --dry-run',
      ],
      send: ({ client, out }, options) => {
        out.progress(`registering with a stake of ${formatPrime(options.stake.wei)}`)
        return client.registerProvider({ amount: options.stake.wei })
      },
      result: (sent, options) => ({
        provider: sent.provider,
        stake: options.stake,
        activeStake: sent.activeStake,
        allowance: sent.allowance.kind,
      }),
      success: (sent, options) =>
        `registered ${sent.provider} with ${formatPrime(options.stake.wei)}; active stake ${formatPrime(sent.activeStake)}`,
    },
  )

  provider
    .command('status')
    .description('one snapshot of a provider: registration, stake, unbonds and nodes')
    .argument('[address]', 'the provider (default: your account)', parse.address)
    .addHelpText(
      'after',
      examples([
        'prime provider status --account provider',
        'prime provider status 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --json',
      ]),
    )
    .action(
      run(async (context, address) => {
        const who = address ?? (await context.account()).address
        const { client } = await context.reader()
        const status = await loadProviderStatus(client, who)
        context.out.result(status, () => renderProviderStatus(context.out, status))
      }),
    )

  const stake = provider.command('stake').description('add, reclaim or withdraw stake')
  writeCommand(
    stake
      .command('add')
      .description('add stake (pending unbonds are rebonded first, then tokens are taken)')
      .argument('<amount>', 'how much (100, "100 PRIME", "1e20 wei")', parse.amount),
    {
      examples: ['prime provider stake add 50 --account provider'],
      send: ({ client }, amount) => client.increaseStake({ amount: amount.wei }),
      result: (sent, amount) => ({
        amount,
        rebonded: sent.rebonded,
        activeStake: sent.activeStake,
      }),
      success: (sent, amount) =>
        `added ${formatPrime(amount.wei)} (${formatPrime(sent.rebonded)} rebonded); active stake ${formatPrime(sent.activeStake)}`,
    },
  )
  writeCommand(
    stake
      .command('reclaim')
      .description('start unbonding stake (never below what your nodes require)')
      .argument('<amount>', 'how much (100, "100 PRIME", "1e20 wei")', parse.amount),
    {
      examples: ['prime provider stake reclaim 50 --account provider'],
      send: async ({ client }, amount) => {
        const sent = await client.reclaimStake({ amount: amount.wei })
        // "in 7 days" counts from the chain's clock, which a test chain or a fork may have moved.
        const { timestamp } = await client.getBlock({ blockNumber: sent.receipt.blockNumber })
        return { ...sent, now: timestamp }
      },
      result: (sent, amount) => ({
        amount,
        unlockTime: sent.unlockTime,
        activeStake: sent.activeStake,
      }),
      success: (sent, amount) =>
        `unbonding ${formatPrime(amount.wei)}, withdrawable from ${formatTime(sent.unlockTime, sent.now)}; active stake ${formatPrime(sent.activeStake)}`,
    },
  )
  writeCommand(
    stake.command('withdraw').description('withdraw every matured unbond to your wallet'),
    {
      examples: ['prime provider stake withdraw --account provider'],
      send: ({ client }) => client.withdrawStake(),
      result: (sent) => ({ amount: sent.amount }),
      success: (sent) => `withdrew ${formatPrime(sent.amount)}`,
    },
  )

  provider
    .command('exit')
    .description(
      'leave the network: leave every pool, claim everything, remove every node, reclaim all stake',
    )
    .addHelpText(
      'after',
      examples(
        [
          'prime provider exit --account provider',
          'prime provider exit --account provider --dry-run',
        ],
        `Steps, each a transaction shown as it is sent and confirmed: in every pool your nodes joined,
take your nodes out, then claim everything claimable (in every pool you earned in, once nothing
accrues any more); remove every node; start unbonding all stake.
While work you submitted is still in its lock window (validators may still penalise it), the
minimum stake stays bonded until then: run exit again after that time to reclaim it. The result
says when \`prime provider stake withdraw\` can pay it out. Safe to re-run: finished steps are
skipped.`,
      ),
    )
    .action(
      run(async (context) => {
        const { client, account } = await context.writer()
        const me = account.address
        // Which pool each node is in now, from one snapshot of the provider.
        const { provider: info, nodePools } = await client.getProviderSnapshot({ provider: me })
        const current = new Map(
          nodePools.flatMap(({ nodeKey, poolId }) => (poolId === null ? [] : [[nodeKey, poolId]])),
        )
        // Leave first: a node earns until it leaves, so a claim made before the leave would
        // leave the seconds between the two behind, claimable but unclaimed.
        const left: { poolId: bigint; nodeKeys: string[] }[] = []
        for (const poolId of new Set(current.values())) {
          const inPool = [...current].filter(([, id]) => id === poolId).length
          context.out.progress(`leaving pool ${poolId} with ${inPool} node(s)`)
          const result = await client.leavePool({ poolId })
          left.push({ poolId, nodeKeys: result.nodeKeys })
        }
        // Then claim in every pool the provider earned in, from one snapshot taken after the
        // leaves: with no node in any pool nothing accrues any more, so this is all of it (work
        // rewards still in their lock window excepted: they are not claimable yet).
        const claimed: { poolId: bigint; total: bigint }[] = []
        const { rewards } = await client.getProviderSnapshot({ provider: me })
        for (const { poolId, total } of rewards) {
          if (total === 0n) continue
          context.out.progress(`claiming ${formatPrime(total)} in pool ${poolId}`)
          const result = await client.claimRewards({ poolId })
          claimed.push({ poolId, total: result.total })
        }
        const removed: string[] = []
        for (const node of info.nodes) {
          context.out.progress(`removing node ${node.nodeKey}`)
          await client.removeNode({ nodeKey: node.nodeKey })
          removed.push(node.nodeKey)
        }
        // With no nodes left the protocol lets a provider take all of its stake out, unless work of
        // its is still in its lock window: then the minimum stays for a penalty until that ends.
        const [stake, { workLockedUntil }, { timestamp: now }] = await Promise.all([
          client.getStake({ provider: me }),
          client.getProvider({ provider: me }),
          client.getBlock(),
        ])
        const keptUntil = BigInt(workLockedUntil) > now ? BigInt(workLockedUntil) : null
        const keep = keptUntil === null ? 0n : stake.minimum
        const reclaimable = stake.active > keep ? stake.active - keep : 0n
        let unlockTime: bigint | null = null
        if (reclaimable > 0n) {
          context.out.progress(`reclaiming ${formatPrime(reclaimable)}`)
          unlockTime = (await client.reclaimStake({ amount: reclaimable })).unlockTime
        }
        const after = await client.getStake({ provider: me })
        let lastUnlock = 0n
        for (const unbond of after.pendingUnbonds)
          if (unbond.unlockTime > lastUnlock) lastUnlock = unbond.unlockTime
        context.out.result(
          {
            provider: me,
            claimed,
            left,
            removed,
            reclaimed: reclaimable,
            kept: stake.active - reclaimable,
            keptUntil,
            unlockTime,
            unbonding: after.unbonding,
            withdrawableFrom: after.unbonding === 0n ? null : lastUnlock,
          },
          () => {
            for (const c of claimed)
              context.out.success(`claimed ${formatPrime(c.total)} from pool ${c.poolId}`)
            for (const l of left)
              context.out.success(`left pool ${l.poolId}: ${l.nodeKeys.join(', ')}`)
            for (const key of removed) context.out.success(`removed node ${key}`)
            context.out.success(
              `reclaimed ${formatPrime(reclaimable)}; ${
                after.unbonding === 0n
                  ? 'nothing is unbonding'
                  : `${formatPrime(after.unbonding)} unbonding, all withdrawable from ${formatTime(lastUnlock, now)} with \`prime provider stake withdraw\``
              }${
                keptUntil === null
                  ? ''
                  : `; ${formatPrime(stake.active - reclaimable)} stays bonded while your work is locked, until ${formatTime(keptUntil, now)}: run \`prime provider exit\` again then`
              }`,
            )
          },
        )
      }),
    )
}

/** One snapshot of a provider: registration, whitelist, nodes, and its stake. */
/** One snapshot of a provider (two requests): stake, unbonds, nodes with their pools, rewards. */
export async function loadProviderStatus(client: Connection['client'], provider: Address) {
  const snapshot = await client.getProviderSnapshot({ provider })
  const poolOf = new Map(snapshot.nodePools.map(({ nodeKey, poolId }) => [nodeKey, poolId]))
  return {
    ...snapshot.provider,
    nodes: snapshot.provider.nodes.map((node) => ({
      ...node,
      poolId: poolOf.get(node.nodeKey) ?? null,
    })),
    stake: snapshot.stake,
    // Every pool it earned in, keys it has removed since included.
    rewards: snapshot.rewards.map(({ poolId, total, totalLocked }) => ({
      poolId,
      claimable: total,
      locked: totalLocked,
    })),
  }
}

export function renderProviderStatus(
  out: Output,
  status: Awaited<ReturnType<typeof loadProviderStatus>>,
) {
  out.fields(
    [
      ['provider', status.address],
      ['registered', status.registered ? 'yes' : 'no'],
      ['whitelisted', status.whitelisted ? 'yes' : 'no'],
      ['active stake', formatPrime(status.stake.active)],
      ['required stake', formatPrime(status.stake.minimum)],
      ['unbonding', formatPrime(status.stake.unbonding)],
      ['withdrawable now', formatPrime(status.stake.withdrawable)],
      ['nodes (active)', `${status.nodes.length} (${status.activeNodeCount})`],
      ['compute units', status.totalComputeUnits],
    ],
    'Provider',
  )
  out.table(
    ['amount', 'unlocks'],
    status.stake.pendingUnbonds.map((unbond) => [
      formatPrime(unbond.amount),
      formatTime(unbond.unlockTime),
    ]),
    'Pending unbonds',
  )
  out.table(
    ['node', 'units', 'validated', 'pool', 'specs'],
    status.nodes.map((node) => [
      node.nodeKey,
      node.computeUnits,
      node.validated ? 'yes' : 'no',
      node.poolId === null ? '-' : node.poolId,
      node.specsURI,
    ]),
    'Nodes',
  )
  out.table(
    ['pool', 'claimable', 'locked work'],
    status.rewards.map((reward) => [
      reward.poolId,
      formatPrime(reward.claimable),
      formatPrime(reward.locked),
    ]),
    'Rewards',
  )
}
