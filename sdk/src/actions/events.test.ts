import type { Log } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { devAccount, federator, primeClient, snapshot } from '../../test/utils.js'

const federatorClient = primeClient(federator)
const creator = primeClient(devAccount(7))
const manager = devAccount(8).address

let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
})
afterAll(async () => restore())

describe('event helpers', () => {
  test('getEvents reads typed events from the deployment block', async () => {
    await federatorClient.createDomain({ name: 'events', domainParametersURI: 'ipfs://e' })
    const { poolId, receipt } = await creator.createPool({
      domainId: 1n,
      computeManagerKey: manager,
      name: 'watched',
      poolDataURI: 'ipfs://p',
      computeLimit: 8n,
    })

    const created = await creator.getEvents({
      eventName: 'PoolCreated',
      args: { creator: creator.account.address },
    })
    expect(created).toHaveLength(1)
    expect(created[0]!.args).toEqual({
      poolId,
      domainId: 1n,
      creator: creator.account.address,
      computeManagerKey: manager,
      computeLimit: 8n,
      name: 'watched',
      poolDataURI: 'ipfs://p',
    })
    expect(created[0]!.blockNumber).toBe(receipt.blockNumber)

    const all = await creator.getEvents({ fromBlock: receipt.blockNumber - 1n })
    expect(all.map((log) => log.eventName)).toEqual(['DomainCreated', 'PoolCreated'])

    // The shipped validation logic is a contract of the deployment too: its events are read.
    const capped = await federatorClient.setWorkUnitsCap({ domainId: 1n, cap: 42n })
    const caps = await creator.getEvents({
      eventName: 'WorkUnitsCapSet',
      fromBlock: capped.receipt.blockNumber,
    })
    expect(caps.map((log) => log.args)).toEqual([{ domainId: 1n, cap: 42n }])
  })

  test('watchEvents delivers new typed events', async () => {
    const logs: Log[] = []
    const seen = new Promise<void>((resolve, reject) => {
      const unwatch = creator.watchEvents({
        eventName: 'PoolStarted',
        pollingInterval: 50,
        onLogs(batch) {
          logs.push(...batch)
          for (const log of batch) expect(log.args.poolId).toBe(1n)
          unwatch()
          resolve()
        },
        onError: reject,
      })
    })
    await creator.startPool({ poolId: 1n })
    await seen
    expect(logs).toHaveLength(1)
  })
})
