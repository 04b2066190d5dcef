import { createClient } from '@ponder/client'
import { asc } from 'ponder'
import { createTestClient, http, parseEther } from 'viem'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import * as schema from '../ponder.schema.js'
import { expectedEventRows, lower, protocolLogs } from './chain.js'
import { devClient } from './flow.js'
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

beforeAll(async () => {
  chain = await startChain()
  store = await createStore(inject('postgresUrl'))
  indexer = await startIndexer({ chain, store })
}, 600_000)

afterAll(async () => {
  await indexer?.stop()
  await chain?.stop()
  await store?.drop()
})

/**
 * anvil's snapshot and revert stand in for a reorganisation: the indexer has followed blocks that
 * then disappear, and a longer chain with other transactions takes their place (as a node sees a
 * reorg). Ponder finds the new blocks' parents do not match and rolls its tables back.
 */
test('after a reorganisation the index equals the new chain', async () => {
  const { deployment, rpcUrl } = chain
  const testClient = createTestClient({ mode: 'anvil', transport: http(rpcUrl) })
  const federator = devClient(deployment, rpcUrl, 0)
  const alice = devClient(deployment, rpcUrl, 2)
  const bob = devClient(deployment, rpcUrl, 3)
  const carol = devClient(deployment, rpcUrl, 4)
  const db = createClient(`${indexer.url}/sql`, { schema }).db

  await alice.registerProvider({ amount: parseEther('500') })
  const { domainId } = await federator.createDomain({
    name: 'shared',
    validationLogic: deployment.workValidation!,
    domainParametersURI: 'ipfs://shared',
  })
  await indexer.waitForBlock(await alice.getBlockNumber())
  const fork = await testClient.snapshot()

  // The branch that will be dropped: pool 1 "doomed", funded with 100, and a stake increase.
  const doomed = await carol.createPool({
    domainId,
    computeManagerKey: carol.account.address,
    name: 'doomed',
    poolDataURI: 'ipfs://doomed',
  })
  await carol.fundPool({ poolId: doomed.poolId, amount: parseEther('100') })
  await alice.increaseStake({ amount: parseEther('7') })
  const oldHead = await alice.getBlockNumber()
  await indexer.waitForBlock(oldHead)
  expect(await db.select().from(schema.pool)).toMatchObject([{ poolId: 1n, name: 'doomed' }])

  await testClient.revert({ id: fork })
  // The branch that stays: the same pool id with other contents, another provider, and more
  // blocks than the dropped branch had, so the new chain is the longer one.
  const kept = await carol.createPool({
    domainId,
    computeManagerKey: carol.account.address,
    name: 'kept',
    poolDataURI: 'ipfs://kept',
  })
  await carol.fundPool({ poolId: kept.poolId, amount: parseEther('50') })
  await bob.registerProvider({ amount: parseEther('300') })
  await testClient.mine({ blocks: 3 })
  const newHead = await alice.getBlockNumber()
  expect(newHead).toBeGreaterThan(oldHead)
  await indexer.waitForBlock(newHead)

  const logs = await protocolLogs(alice, deployment)
  const events = await db
    .select()
    .from(schema.protocolEvent)
    .orderBy(asc(schema.protocolEvent.blockNumber), asc(schema.protocolEvent.logIndex))
  expect(events.map(({ id: _, ...row }) => row)).toEqual(expectedEventRows(logs))
  expect(await db.select().from(schema.pool)).toMatchObject([
    { poolId: 1n, name: 'kept', funded: parseEther('50'), budgetLeft: parseEther('50') },
  ])
  const providers = await db.select().from(schema.provider).orderBy(asc(schema.provider.address))
  const expected = await Promise.all(
    [alice, bob].map(async (client) => ({
      address: lower(client.account.address),
      activeStake: (await client.getStake({ provider: client.account.address })).active,
    })),
  )
  expect(providers.map(({ address, activeStake }) => ({ address, activeStake }))).toEqual(
    expected.sort((a, b) => (a.address < b.address ? -1 : 1)),
  )
  // Alice's dropped stake increase left no trace in her history.
  expect(
    (await db.select().from(schema.stakeChange).orderBy(asc(schema.stakeChange.provider))).map(
      (row) => [row.provider, row.amount],
    ),
  ).toEqual(
    expected.map((row) => [row.address, row.activeStake]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
  )
  expect(indexer.output()).toMatch(/reorg/i)
})
