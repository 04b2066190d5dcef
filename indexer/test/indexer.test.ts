import { createClient } from '@ponder/client'
import type { Stage } from '@prime-network/demo/stage'
import { asc } from 'ponder'
import { type Address, getAddress, type Hex, parseEther, zeroAddress } from 'viem'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { contractAbis } from '../abis.js'
import * as schema from '../ponder.schema.js'
import { expectedEventRows, lower, ofName, type ProtocolLog, protocolLogs, reads } from './chain.js'
import { devClient, runDemoFlow, runEpilogue } from './flow.js'
import {
  type Chain,
  createStore,
  type Indexer,
  type Store,
  startChain,
  startIndexer,
} from './harness.js'

let chain: Chain
let store: Store
let indexer: Indexer
let stage: Stage
let epilogue: Awaited<ReturnType<typeof runEpilogue>>
let reader: ReturnType<typeof devClient>
let logs: ProtocolLog[]
let db: ReturnType<typeof createClient<typeof schema>>['db']

beforeAll(async () => {
  chain = await startChain()
  store = await createStore(inject('postgresUrl'))
  // Started before the first transaction: the index follows the chain live, as in production.
  indexer = await startIndexer({ chain, store })
  stage = await runDemoFlow(chain.rpcUrl, chain.deployment)
  epilogue = await runEpilogue(stage)
  await indexer.waitForBlock(await stage.chain.getBlockNumber())
  reader = devClient(chain.deployment, chain.rpcUrl, 0)
  logs = await protocolLogs(reader, chain.deployment)
  db = createClient(`${indexer.url}/sql`, { schema }).db
}, 600_000)

afterAll(async () => {
  await indexer?.stop()
  await chain?.stop()
  await store?.drop()
})

/** The arguments the comparisons read, by name (each event has some of them). */
type Args = {
  poolId: bigint
  domainId: bigint
  nodeKey: Address
  provider: Address
  ejectedBy: Address
  funder: Address
  to: Address
  amount: bigint
  units: bigint
  budget: bigint
  fromActive: bigint
  fromUnbonding: bigint
  timeRewards: bigint
  workRewards: bigint
  computeUnits: bigint
  specsURI: string
  nonce: bigint
  rate: bigint
  period: bigint
  workKey: Hex
  reward: bigint
  hard: boolean
}
const args = (log: ProtocolLog) => log.args as unknown as Args
const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n)
const byKey = <row>(rows: row[], key: (row: row) => string) =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))

describe('the index after the demo and its epilogue', () => {
  test('is kept in the configured database', () => {
    expect(indexer.output()).toContain(`Connected to database type=${store.kind}`)
  })

  test('the flow emitted every event of every ABI (but the EIP-712 domain change)', () => {
    const expected = Object.entries(contractAbis).flatMap(([contract, abi]) =>
      abi
        .filter((item) => item.type === 'event' && item.name !== 'EIP712DomainChanged')
        .map((item) => `${contract}:${(item as { name: string }).name}`),
    )
    const seen = new Set(logs.map((log) => `${log.contract}:${log.name}`))
    expect(expected.filter((name) => !seen.has(name))).toEqual([])
  })

  test('protocol_event holds every log, with its arguments, block, time and transaction', async () => {
    const rows = await db
      .select()
      .from(schema.protocolEvent)
      .orderBy(asc(schema.protocolEvent.blockNumber), asc(schema.protocolEvent.logIndex))
    expect(rows.length).toBe(logs.length)
    expect(rows.map(({ id: _, ...row }) => row)).toEqual(expectedEventRows(logs))
  })

  test('network parameters and role holders equal the contracts', async () => {
    const read = reads(reader, chain.deployment)
    const network = await read.network()
    expect(await db.select().from(schema.network)).toEqual([
      { id: 'network', ...network, treasury: lower(network.treasury) },
    ])
    const roles = await db.select().from(schema.role)
    const validator = await read.roleHolder('validator')
    const federator = await read.roleHolder('federator')
    expect(byKey(roles, (role) => role.name)).toEqual([
      expect.objectContaining({
        name: 'FEDERATOR_ROLE',
        holder: lower(federator),
        pendingHolder: null,
      }),
      expect.objectContaining({
        name: 'VALIDATOR_ROLE',
        holder: lower(validator),
        pendingHolder: null,
      }),
    ])
    // The epilogue handed the validator role over.
    expect(validator).toBe(epilogue.actors.newValidator.account.address)
  })

  test('providers and their stake history equal the chain', async () => {
    const providers = await db.select().from(schema.provider)
    expect(providers.length).toBe(2)
    for (const row of providers) {
      const address = getAddress(row.address)
      const [onChain, stake] = await Promise.all([
        stage.alice.getProvider({ provider: address }),
        stage.alice.getStake({ provider: address }),
      ])
      const claims = ofName(logs, 'RewardsClaimed').filter((log) => args(log).provider === address)
      expect(row).toEqual({
        address: lower(address),
        registered: onChain.registered,
        registeredAt: ofName(logs, 'ProviderRegistered').find(
          (log) => args(log).provider === address,
        )!.blockTimestamp,
        whitelisted: onChain.whitelisted,
        activeStake: stake.active,
        unbonding: stake.unbonding,
        totalStaked: sum(
          ofName(logs, 'Staked')
            .filter((log) => args(log).provider === address)
            .map((log) => args(log).amount),
        ),
        totalWithdrawn: sum(
          ofName(logs, 'Withdrawn')
            .filter((log) => args(log).provider === address)
            .map((log) => args(log).amount),
        ),
        totalSlashed: sum(
          ofName(logs, 'Slashed')
            .filter((log) => args(log).provider === address)
            .map((log) => args(log).fromActive + args(log).fromUnbonding),
        ),
        nodeCount: onChain.nodes.length,
        totalComputeUnits: onChain.totalComputeUnits,
        rewardsClaimed: sum(claims.map((log) => args(log).timeRewards + args(log).workRewards)),
      })
    }

    const history = await db
      .select()
      .from(schema.stakeChange)
      .orderBy(asc(schema.stakeChange.blockNumber))
    const stakeLogs = ofName(logs, 'Staked', 'UnbondStarted', 'Withdrawn', 'Slashed')
    expect(history.map((row) => [row.provider, row.kind, row.amount, row.transactionHash])).toEqual(
      stakeLogs.map((log) => [
        lower(args(log).provider),
        {
          Staked: 'STAKED',
          UnbondStarted: 'UNBOND_STARTED',
          Withdrawn: 'WITHDRAWN',
          Slashed: 'SLASHED',
        }[log.name],
        log.name === 'Slashed' ? args(log).fromActive + args(log).fromUnbonding : args(log).amount,
        lower(log.transactionHash),
      ]),
    )
    // The running figures after each change end where the chain is now.
    for (const row of providers) {
      const last = history.filter((change) => change.provider === row.address).at(-1)!
      expect([last.activeStakeAfter, last.unbondingAfter]).toEqual([row.activeStake, row.unbonding])
    }
    // The epilogue's rebond: 50 of alice's increase came back from her pending unbond.
    expect(history.find((row) => row.kind === 'STAKED' && row.rebonded !== 0n)?.rebonded).toBe(
      50n * 10n ** 18n,
    )
  })

  test('nodes equal the registry, with time in pools and rewards from the distributor', async () => {
    const read = reads(reader, chain.deployment)
    const rows = await db.select().from(schema.node)
    expect(rows.length).toBe(stage.nodes.length)
    for (const row of rows) {
      const nodeKey = getAddress(row.nodeKey)
      const node = await stage.alice.getNode({ nodeKey })
      const pools = [
        ...new Set(
          ofName(logs, 'NodeJoinedPool')
            .filter((log) => args(log).nodeKey === nodeKey)
            .map((log) => args(log).poolId),
        ),
      ]
      const records = await Promise.all(pools.map((poolId) => read.nodeRecord(poolId, nodeKey)))
      const claims = ofName(logs, 'RewardsClaimed').filter((log) => args(log).nodeKey === nodeKey)
      const lastAdded = ofName(logs, 'NodeAdded')
        .filter((log) => args(log).nodeKey === nodeKey)
        .at(-1)!
      const removed = ofName(logs, 'NodeRemoved')
        .filter((log) => args(log).nodeKey === nodeKey)
        .at(-1)
      const current = node?.active
        ? (await Promise.all(pools.map((poolId) => read.nodeRecord(poolId, nodeKey)))).findIndex(
            (record) => record.joinedAt !== 0,
          )
        : -1
      expect(row).toEqual({
        nodeKey: lower(nodeKey),
        provider: lower(node?.provider ?? args(lastAdded).provider),
        computeUnits: node?.computeUnits ?? args(lastAdded).computeUnits,
        specsURI: node?.specsURI ?? args(lastAdded).specsURI,
        benchmarkScore: node?.benchmarkScore ?? 0n,
        validated: node?.validated ?? false,
        registered: node !== null,
        addedAt: lastAdded.blockTimestamp,
        removedAt: node === null ? removed!.blockTimestamp : null,
        poolId: current === -1 ? null : pools[current],
        membershipId: current === -1 ? null : expect.any(String),
        totalActiveSeconds: sum(records.map((record) => BigInt(record.activeSeconds))),
        timeRewardsClaimed: sum(claims.map((log) => args(log).timeRewards)),
        workRewardsClaimed: sum(claims.map((log) => args(log).workRewards)),
        earnedRewards: sum(claims.map((log) => args(log).timeRewards + args(log).workRewards)),
        rewardsForfeited: sum(
          ofName(logs, 'RewardsForfeited')
            .filter((log) => args(log).nodeKey === nodeKey)
            .map((log) => args(log).amount),
        ),
      })
    }
  })

  test('domains and work unit caps equal the registry and the validation logic', async () => {
    const read = reads(reader, chain.deployment)
    const domains = await db.select().from(schema.domain)
    expect(domains.length).toBe(1)
    for (const row of domains) {
      const domain = await stage.alice.getDomain({ domainId: row.domainId })
      const created = ofName(logs, 'DomainCreated').find(
        (log) => args(log).domainId === row.domainId,
      )!
      const updated = ofName(logs, 'DomainUpdated', 'DomainCreated')
        .filter((log) => args(log).domainId === row.domainId)
        .at(-1)!
      expect(row).toEqual({
        domainId: domain.domainId,
        name: domain.name,
        validationLogic: lower(domain.validationLogic),
        domainParametersURI: domain.domainParametersURI,
        createdAt: created.blockTimestamp,
        updatedAt: updated.blockTimestamp,
      })
    }
    const caps = await db.select().from(schema.workUnitsCap)
    expect(caps.map(({ domainId, cap }) => ({ domainId, cap }))).toEqual(
      await Promise.all(
        domains.map(async ({ domainId }) => ({ domainId, cap: await read.unitsCap(domainId) })),
      ),
    )
  })

  test('pools equal the chain, and funded - claimed - withdrawn is what the pool still owes or holds', async () => {
    const pools = await db.select().from(schema.pool).orderBy(asc(schema.pool.poolId))
    expect(pools.map((pool) => pool.poolId)).toEqual([1n, 2n])
    for (const row of pools) {
      const { poolId } = row
      const [pool, rewards] = await Promise.all([
        stage.alice.getPool({ poolId }),
        stage.alice.getPoolRewards({ poolId }),
      ])
      const of = (...names: string[]) =>
        ofName(logs, ...names).filter((log) => args(log).poolId === poolId)
      const funded = sum(of('PoolFunded').map((log) => args(log).amount))
      const claimed = sum(
        of('RewardsClaimed').map((log) => args(log).timeRewards + args(log).workRewards),
      )
      const withdrawn = sum(of('BudgetWithdrawn').map((log) => args(log).amount))
      expect(row).toEqual({
        poolId,
        domainId: pool.domainId,
        creator: lower(pool.creator),
        computeManagerKey: lower(pool.computeManagerKey),
        keyVersion: pool.keyVersion,
        computeLimit: pool.computeLimit,
        name: pool.name,
        poolDataURI: pool.poolDataURI,
        status: pool.status,
        createdAt: of('PoolCreated')[0]!.blockTimestamp,
        startedAt: pool.startedAt === 0n ? null : pool.startedAt,
        endedAt: pool.endedAt === 0n ? null : pool.endedAt,
        rewardRate: pool.rewardRate,
        workRewardRate: rewards.workRate,
        workMaxLockedPerNode: rewards.maxLockedPerNode,
        workLockPeriod: of('WorkLockPeriodSet').length ? rewards.workLockPeriod : null,
        nodeCount: pool.nodeCount,
        totalCompute: pool.totalCompute,
        joins: of('NodeJoinedPool').length,
        funded,
        claimed,
        withdrawn,
        forfeited: sum(of('RewardsForfeited').map((log) => args(log).amount)),
        budgetLeft: funded - claimed - withdrawn,
        // The chain keeps no work totals (its work record is one slot): the events are the truth.
        workCount: of('WorkAccepted').length,
        workUnits: sum(of('WorkAccepted').map((log) => args(log).units)),
      })
      // The distributor's invariant, read from the chain: what is left is the unaccrued budget
      // plus what every node that was ever in the pool has earned and not claimed.
      const nodeKeys = [...new Set(of('NodeJoinedPool').map((log) => args(log).nodeKey))]
      const pending = await Promise.all(
        nodeKeys.map((nodeKey) => stage.alice.getPendingRewards({ poolId, nodeKey })),
      )
      expect(row.budgetLeft).toBe(rewards.budget + sum(pending.map((p) => p.total + p.totalLocked)))
    }
  })

  test('memberships: every join and leave with its times, active seconds and who ejected', async () => {
    const read = reads(reader, chain.deployment)
    const rows = await db
      .select()
      .from(schema.membership)
      .orderBy(asc(schema.membership.joinBlock), asc(schema.membership.id))
    const joins = ofName(logs, 'NodeJoinedPool')
    expect(rows.length).toBe(joins.length)
    const leaves = ofName(logs, 'NodeLeftPool')
    for (const [index, join] of joins.entries()) {
      const { poolId, nodeKey, provider, nonce } = args(join)
      const leave = leaves.find(
        (log) =>
          args(log).poolId === poolId &&
          args(log).nodeKey === nodeKey &&
          log.blockNumber >= join.blockNumber,
      )
      const node = ofName(logs, 'NodeAdded').findLast(
        (log) => args(log).nodeKey === nodeKey && log.blockNumber <= join.blockNumber,
      )!
      expect(rows[index]).toEqual({
        id: expect.any(String),
        poolId,
        nodeKey: lower(nodeKey),
        provider: lower(provider),
        computeUnits: args(node).computeUnits,
        inviteNonce: nonce,
        joinedAt: join.blockTimestamp,
        joinBlock: join.blockNumber,
        leftAt: leave?.blockTimestamp ?? null,
        leftBlock: leave?.blockNumber ?? null,
        activeSeconds: leave ? expect.any(BigInt) : null,
        ejectedBy:
          leave && args(leave).ejectedBy !== zeroAddress ? lower(args(leave).ejectedBy) : null,
      })
    }
    // Active seconds per node and pool add up to what the distributor counted.
    for (const pair of new Set(rows.map((row) => `${row.poolId}:${row.nodeKey}`))) {
      const [poolId, nodeKey] = pair.split(':') as [string, Hex]
      const record = await read.nodeRecord(BigInt(poolId), getAddress(nodeKey))
      const stays = rows.filter((row) => `${row.poolId}:${row.nodeKey}` === pair)
      expect(sum(stays.map((row) => row.activeSeconds ?? 0n)), pair).toBe(
        BigInt(record.activeSeconds),
      )
    }
    // The nodes still in a pool are the chain's current members, since the same join.
    for (const poolId of [1n, 2n]) {
      const members = await stage.alice.getPoolNodes({ poolId })
      const open = rows.filter((row) => row.poolId === poolId && row.leftAt === null)
      expect(
        open.map((row) => [row.nodeKey, row.provider, row.computeUnits, row.joinedAt]),
      ).toEqual(
        members.map((member) => [
          lower(member.nodeKey),
          lower(member.provider),
          member.computeUnits,
          member.joinedAt,
        ]),
      )
    }
    // The demo's manager ejected one node; in the epilogue the validator's invalidation of a node
    // with its work evicted one (PrimeNetwork ejects it) and the blacklist purged one.
    expect(rows.filter((row) => row.ejectedBy !== null).map((row) => row.ejectedBy)).toEqual([
      lower(stage.carol.account.address),
      lower(chain.deployment.primeNetwork),
      lower(stage.carol.account.address),
    ])
  })

  test('funding, rates, claims, forfeits, withdrawals, cancelled invites and blacklists', async () => {
    const read = reads(reader, chain.deployment)
    const pick = <row extends { id: string }>(rows: row[]) =>
      byKey(rows, (row) => row.id).map(({ id: _, ...rest }) => rest)
    const expectRows = async <row extends { id: string }>(
      rows: row[],
      names: string[],
      map: (log: ProtocolLog) => Omit<row, 'id'>,
    ) => {
      const expected = ofName(logs, ...names)
      expect(rows.length).toBe(expected.length)
      expect(pick(rows)).toEqual(
        byKey(await db.select().from(schema.protocolEvent), (row) => row.id)
          .filter((row) => names.includes(row.name))
          .map((row) =>
            map(
              expected.find(
                (log) => log.blockNumber === row.blockNumber && log.logIndex === row.logIndex,
              )!,
            ),
          ),
      )
    }
    const at = (log: ProtocolLog) => ({
      blockNumber: log.blockNumber,
      timestamp: log.blockTimestamp,
      transactionHash: lower(log.transactionHash),
    })
    await expectRows(await db.select().from(schema.funding), ['PoolFunded'], (log) => ({
      poolId: args(log).poolId,
      funder: lower(args(log).funder),
      amount: args(log).amount,
      budget: args(log).budget,
      ...at(log),
    }))
    await expectRows(
      await db.select().from(schema.rateChange),
      ['RewardRateSet', 'WorkRewardRateSet', 'WorkLockPeriodSet'],
      (log) => ({
        poolId: args(log).poolId,
        kind: (
          {
            RewardRateSet: 'REWARD_RATE',
            WorkRewardRateSet: 'WORK_REWARD_RATE',
            WorkLockPeriodSet: 'WORK_LOCK_PERIOD',
          } as const
        )[log.name as 'RewardRateSet']!,
        value: log.name === 'WorkLockPeriodSet' ? args(log).period : args(log).rate,
        ...at(log),
      }),
    )
    await expectRows(await db.select().from(schema.claim), ['RewardsClaimed'], (log) => ({
      poolId: args(log).poolId,
      nodeKey: lower(args(log).nodeKey),
      provider: lower(args(log).provider),
      timeRewards: args(log).timeRewards,
      workRewards: args(log).workRewards,
      ...at(log),
    }))
    await expectRows(await db.select().from(schema.forfeit), ['RewardsForfeited'], (log) => ({
      poolId: args(log).poolId,
      nodeKey: lower(args(log).nodeKey),
      amount: args(log).amount,
      ...at(log),
    }))
    await expectRows(
      await db.select().from(schema.budgetWithdrawal),
      ['BudgetWithdrawn'],
      (log) => ({
        poolId: args(log).poolId,
        to: lower(args(log).to),
        amount: args(log).amount,
        ...at(log),
      }),
    )
    await expectRows(
      await db.select().from(schema.inviteCancellation),
      ['InviteNonceCancelled'],
      (log) => ({
        poolId: args(log).poolId,
        nonce: args(log).nonce,
        ...at(log),
      }),
    )
    const blacklist = await db.select().from(schema.poolBlacklist)
    expect(blacklist.length).toBe(
      ofName(logs, 'PoolProviderBlacklisted', 'PoolNodeBlacklisted').length,
    )
    for (const row of blacklist)
      expect(await read.blacklisted(row.poolId, row.kind, getAddress(row.account))).toBe(true)
    expect(blacklist.map((row) => row.kind).sort()).toEqual(['NODE', 'PROVIDER'])
  })

  test('work submissions and invalidations equal the distributor', async () => {
    const rows = await db.select().from(schema.work)
    const accepted = ofName(logs, 'WorkAccepted')
    // A work is its node's and a node submits a key once: one row per submission.
    expect(rows.length).toBe(accepted.length)
    for (const row of rows) {
      const work = (await stage.alice.getWork({
        nodeKey: getAddress(row.nodeKey),
        workKey: row.workKey,
      }))!
      const submission = accepted.find(
        (log) => args(log).workKey === row.workKey && lower(args(log).nodeKey) === row.nodeKey,
      )!
      expect(row).toEqual({
        nodeKey: lower(work.nodeKey),
        workKey: work.workKey,
        poolId: work.poolId,
        provider: lower(work.provider),
        units: work.units,
        reward: work.reward,
        submittedAt: work.submittedAt,
        unlockAt: work.unlockAt,
        status: work.status,
        rewardReturned: work.rewardReturned,
        transactionHash: lower(submission.transactionHash),
      })
    }
    const invalidations = await db.select().from(schema.workInvalidation)
    expect(byKey(invalidations, (row) => row.workKey).map(({ id: _, ...row }) => row)).toEqual(
      byKey(ofName(logs, 'WorkInvalidated'), (log) => args(log).workKey).map((log) => ({
        nodeKey: lower(args(log).nodeKey),
        workKey: args(log).workKey,
        poolId: args(log).poolId,
        reward: args(log).reward,
        hard: args(log).hard,
        blockNumber: log.blockNumber,
        timestamp: log.blockTimestamp,
        transactionHash: lower(log.transactionHash),
      })),
    )
    expect(invalidations.map((row) => row.hard).sort()).toEqual([false, true, true])
    // The epilogue invalidates a node with one of its two works: the other's reward goes back too.
    const returns = await db.select().from(schema.lockedWorkReturn)
    expect(returns.map(({ id: _, ...row }) => row)).toEqual(
      ofName(logs, 'LockedWorkReturned').map((log) => ({
        poolId: args(log).poolId,
        nodeKey: lower(args(log).nodeKey),
        amount: args(log).amount,
        blockNumber: log.blockNumber,
        timestamp: log.blockTimestamp,
        transactionHash: lower(log.transactionHash),
      })),
    )
    expect(returns.map((row) => row.amount)).toEqual([parseEther('0.5')])
    expect(rows.filter((row) => row.rewardReturned && row.status === 'ACCEPTED')).toHaveLength(1)
  })

  test('GraphQL answers the same as SQL', async () => {
    const response = await fetch(`${indexer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ pools(orderBy: "poolId") { items { poolId name status funded claimed budgetLeft nodeCount } } }',
      }),
    })
    const { data } = (await response.json()) as {
      data: { pools: { items: Record<string, unknown>[] } }
    }
    const pools = await db.select().from(schema.pool).orderBy(asc(schema.pool.poolId))
    expect(data.pools.items).toEqual(
      pools.map((pool) => ({
        poolId: String(pool.poolId),
        name: pool.name,
        status: pool.status,
        funded: String(pool.funded),
        claimed: String(pool.claimed),
        budgetLeft: String(pool.budgetLeft),
        nodeCount: pool.nodeCount,
      })),
    )
  })

  test.skipIf(!inject('postgresUrl'))(
    'a read-only `ponder serve` on the same Postgres answers the same as the writer',
    async () => {
      const server = await startIndexer({ chain, store, command: 'serve' })
      try {
        const served = createClient(`${server.url}/sql`, { schema }).db
        const tables = [
          schema.protocolEvent,
          schema.network,
          schema.role,
          schema.provider,
          schema.stakeChange,
          schema.node,
          schema.domain,
          schema.workUnitsCap,
          schema.pool,
          schema.membership,
          schema.poolBlacklist,
          schema.funding,
          schema.rateChange,
          schema.claim,
          schema.forfeit,
          schema.budgetWithdrawal,
          schema.inviteCancellation,
          schema.work,
          schema.workInvalidation,
        ]
        for (const table of tables) {
          const [fromWriter, fromServer] = await Promise.all(
            [db, served].map((client) => client.select().from(table)),
          )
          const key = (row: object) => String(Object.values(row)[0])
          expect(fromWriter!.length).toBeGreaterThan(0)
          expect(byKey(fromServer!, key)).toEqual(byKey(fromWriter!, key))
        }
        const query = JSON.stringify({
          query:
            '{ memberships(orderBy: "joinBlock") { totalCount items { id nodeKey activeSeconds ejectedBy } } }',
        })
        const [writerAnswer, serverAnswer] = await Promise.all(
          [indexer.url, server.url].map((url) =>
            fetch(`${url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: query,
            }).then((response) => response.json()),
          ),
        )
        expect(serverAnswer).toEqual(writerAnswer)
      } finally {
        await server.stop()
      }
    },
  )
})
