import type { Command } from '@commander-js/extra-typings'
import type { Deployment } from '@prime-network/sdk'
import { formatPrime } from '../amount.js'
import { run } from '../context.js'
import { formatDuration } from '../format.js'
import type { Output } from '../output.js'
import type { Connection } from '../protocol.js'
import { examples, writeCommand } from './command.js'
import * as parse from './parse.js'

export function registerNetwork(program: Command) {
  const network = program.command('network').description('the network as a whole')
  network
    .command('status')
    .description('deployment, parameters, role holders, pause, counts and totals')
    .addHelpText(
      'after',
      examples(
        ['prime network status', 'prime network status --json | jq .stakeMinimum'],
        `Parameters and role holders are the latest values the contracts announced in their events since
the deployment block (the contracts emit them at deployment too).`,
      ),
    )
    .action(
      run(async (context) => {
        const { client, deployment } = await context.reader()
        const status = await loadNetworkStatus(client, deployment)
        context.out.result(status, () => renderNetworkStatus(context.out, status))
      }),
    )

  for (const verb of ['pause', 'unpause'] as const)
    writeCommand(
      network
        .command(verb)
        .description(
          verb === 'pause'
            ? 'pause registration, node adds and pool joins (federator); exits stay open'
            : 'lift the pause (federator)',
        ),
      {
        examples: [`prime network ${verb} --account federator`],
        send: ({ client }) => (verb === 'pause' ? client.pause() : client.unpause()),
        result: () => ({ paused: verb === 'pause' }),
        success: () => (verb === 'pause' ? 'network paused' : 'network unpaused'),
      },
    )

  writeCommand(
    network
      .command('set-stake-minimum')
      .description('set the stake required per provider and per compute unit (federator)')
      .argument('<amount>', 'the minimum (100, "100 PRIME", "1e20 wei")', parse.amount),
    {
      examples: ['prime network set-stake-minimum 150 --account federator'],
      send: ({ client }, amount) => client.setStakeMinimum({ stakeMinimum: amount.wei }),
      result: (_, amount) => ({ stakeMinimum: amount }),
      success: (_, amount) => `stake minimum is ${formatPrime(amount.wei)}`,
    },
  )

  writeCommand(
    network
      .command('set-unbonding-period')
      .description('set how long reclaimed stake stays locked, in seconds (federator)')
      .argument('<seconds>', 'the period', parse.uint),
    {
      examples: ['prime network set-unbonding-period 604800 --account federator'],
      send: ({ client }, period) => client.setUnbondingPeriod({ period }),
      result: (_, period) => ({ unbondingPeriod: period }),
      success: (_, period) => `unbonding period is ${formatDuration(period)}`,
    },
  )

  writeCommand(
    network
      .command('set-min-work-lock')
      .description(
        'set the shortest lock window pools may give work rewards, in seconds (federator)',
      )
      .argument('<seconds>', 'the minimum window (at most 90 days)', parse.uint),
    {
      note: `Validators can invalidate a work only while its reward is locked, so this is the least time
they get. Pools that already accepted work keep their window.`,
      examples: ['prime network set-min-work-lock 86400 --account federator'],
      send: ({ client }, period) => client.setMinWorkLockPeriod({ period }),
      result: (_, period) => ({ minWorkLockPeriod: period }),
      success: (_, period) => `minimum work lock is ${formatDuration(period)}`,
    },
  )

  writeCommand(
    network
      .command('set-treasury')
      .description('set where slashed stake goes (federator)')
      .argument('<address>', 'the treasury', parse.address),
    {
      examples: ['prime network set-treasury 0xTreasury --account federator'],
      send: ({ client }, treasury) => client.setTreasury({ treasury }),
      result: (_, treasury) => ({ treasury }),
      success: (_, treasury) => `treasury is ${treasury}`,
    },
  )

  // Role handover is two steps: the holder (or the federator) proposes, the new holder accepts.
  const roleArgument = ['<role>', 'federator or validator', parse.role] as const
  writeCommand(
    network
      .command('propose-role')
      .description('propose a new holder for a role (its holder or the federator)')
      .argument(...roleArgument)
      .argument('<new-holder>', 'who may accept it', parse.address),
    {
      examples: ['prime network propose-role validator 0xNewValidator --account federator'],
      send: ({ client }, role, newHolder) => client.proposeRoleTransfer({ role, newHolder }),
      result: (_, role, newHolder) => ({ role, newHolder }),
      success: (_, role, newHolder) => `${newHolder} may now accept the ${role} role`,
    },
  )
  writeCommand(
    network
      .command('accept-role')
      .description('accept a role you were proposed for')
      .argument(...roleArgument),
    {
      examples: ['prime network accept-role validator --account new-validator'],
      send: async ({ client, account }, role) => ({
        ...(await client.acceptRole({ role })),
        holder: account.address,
      }),
      result: (sent, role) => ({ role, holder: sent.holder }),
      success: (sent, role) => `${sent.holder} holds the ${role} role`,
    },
  )
  writeCommand(
    network
      .command('cancel-role')
      .description("withdraw a role's pending handover")
      .argument(...roleArgument),
    {
      examples: ['prime network cancel-role validator --account federator'],
      send: ({ client }, role) => client.cancelRoleTransfer({ role }),
      result: (_, role) => ({ role }),
      success: (_, role) => `the ${role} handover is withdrawn`,
    },
  )
}

/**
 * The network's parameters, roles, pause and counts as its contracts hold them (the SDK's
 * network snapshot, one request), plus the provider and node counts and token flows since
 * deployment, which only its events give.
 */
export async function loadNetworkStatus(client: Connection['client'], deployment: Deployment) {
  const [blockNumber, network, events] = await Promise.all([
    client.getBlockNumber(),
    client.getNetworkSnapshot(),
    client.getEvents(),
  ])
  const status = {
    chainId: deployment.chainId,
    blockNumber,
    deployment,
    stakeMinimum: network.stakeMinimum,
    unbondingPeriod: network.unbondingPeriod,
    minWorkLockPeriod: network.minWorkLockPeriod,
    treasury: network.treasury,
    paused: network.paused,
    roles: { federator: network.federator, validator: network.validator },
    counts: {
      providers: 0,
      nodes: 0,
      domains: Number(network.domainCount),
      pools: Number(network.poolCount),
    },
    // Token flows since deployment; stakeHeld (deposited - withdrawn - slashed) is what
    // StakeManager holds, the first invariant of the protocol.
    totals: {
      deposited: 0n,
      withdrawn: 0n,
      slashed: 0n,
      stakeHeld: 0n,
      funded: 0n,
      claimed: 0n,
    },
  }
  for (const event of events) {
    const args = event.args as Record<string, unknown>
    switch (event.eventName) {
      case 'ProviderRegistered':
        status.counts.providers += 1
        break
      case 'NodeAdded':
        status.counts.nodes += 1
        break
      case 'NodeRemoved':
        status.counts.nodes -= 1
        break
      case 'Staked':
        status.totals.deposited += (args.amount as bigint) - (args.rebonded as bigint)
        break
      case 'Withdrawn':
        status.totals.withdrawn += args.amount as bigint
        break
      case 'Slashed':
        status.totals.slashed += (args.fromActive as bigint) + (args.fromUnbonding as bigint)
        break
      case 'PoolFunded':
        status.totals.funded += args.amount as bigint
        break
      case 'RewardsClaimed':
        status.totals.claimed += (args.timeRewards as bigint) + (args.workRewards as bigint)
        break
    }
  }
  status.totals.stakeHeld =
    status.totals.deposited - status.totals.withdrawn - status.totals.slashed
  return status
}

export function renderNetworkStatus(
  out: Output,
  status: Awaited<ReturnType<typeof loadNetworkStatus>>,
) {
  out.fields(
    [
      ['chain', status.chainId],
      ['block', status.blockNumber],
      ['paused', status.paused ? 'yes' : 'no'],
      ['stake minimum', formatPrime(status.stakeMinimum)],
      ['unbonding period', formatDuration(status.unbondingPeriod)],
      ['minimum work lock', formatDuration(status.minWorkLockPeriod)],
      ['treasury', status.treasury],
      ['federator', status.roles.federator],
      ['validator', status.roles.validator],
      ['providers', status.counts.providers],
      ['nodes', status.counts.nodes],
      ['domains', status.counts.domains],
      ['pools', status.counts.pools],
      ['stake held', formatPrime(status.totals.stakeHeld)],
      ['withdrawn', formatPrime(status.totals.withdrawn)],
      ['slashed', formatPrime(status.totals.slashed)],
      ['pool funding', formatPrime(status.totals.funded)],
      ['rewards claimed', formatPrime(status.totals.claimed)],
    ],
    'Prime Network',
  )
  out.fields(
    Object.entries(status.deployment)
      .filter(([key]) => key !== 'chainId')
      .map(([key, value]) => [key, String(value)] as const),
    'Deployment',
  )
}
