import { createWalletClient, defineChain, http } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import {
  devAccount,
  federator,
  increaseTime,
  latestTimestamp,
  primeClient,
  snapshot,
} from '../../test/utils.js'
import { primeNetworkActions } from '../decorators/primeNetwork.js'
import { loadDeployment } from '../deployments.js'
import { InvalidInputError } from '../errors/base.js'
import { ContractErrors } from '../errors/contract.js'

const otherChain = defineChain({ ...anvil, id: 31338 })
const otherDeployment = await loadDeployment(inject('otherDeploymentPath'))
const onOther = (account: ReturnType<typeof devAccount>) =>
  createWalletClient({
    account,
    chain: otherChain,
    pollingInterval: 50,
    transport: http(inject('otherRpcUrl')),
  }).extend(primeNetworkActions({ deployment: otherDeployment }))

const manager = privateKeyToAccount(generatePrivateKey())
const nodeKey = privateKeyToAccount(generatePrivateKey()).address

let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
})
afterAll(async () => restore())

describe('pool invites are bound to their chain and deployment', () => {
  test('an invite signed for chain 31337 fails on chain 31338', async () => {
    expect(otherDeployment.chainId).toBe(31338)
    await onOther(federator).createDomain({ name: 'd', domainParametersURI: '' })
    const creator = onOther(devAccount(2))
    const { poolId } = await creator.createPool({
      domainId: 1n,
      computeManagerKey: manager.address,
      name: 'p',
      poolDataURI: '',
    })
    await creator.startPool({ poolId })
    const expiry = (await latestTimestamp()) + 86_400n

    // Signed offline for chain 31337, where this pool does not exist: the key version and the
    // provider are given.
    const forMain = await primeClient(manager).signPoolInvite({
      poolId,
      nodeKey,
      provider: creator.account.address,
      expiry,
      nonce: 7n,
      keyVersion: 0n,
    })
    const unknownPool = await primeClient(manager)
      .signPoolInvite({ poolId, nodeKey, expiry })
      .catch((e) => e)
    expect(unknownPool).toBeInstanceOf(ContractErrors.PoolNotFound)
    const replayed = await creator.joinPool({ poolId, invites: [forMain] }).catch((e) => e)
    expect(replayed).toBeInstanceOf(ContractErrors.InvalidInviteSignature)
    expect(replayed.args).toEqual({ poolId, nodeKey })

    // The same invite signed for this chain passes the signature check (and fails later,
    // because the node is not registered here).
    const managerOnOther = createWalletClient({
      account: manager,
      chain: otherChain,
      transport: http(inject('otherRpcUrl')),
    }).extend(primeNetworkActions({ deployment: otherDeployment }))
    const forOther = await managerOnOther.signPoolInvite({
      poolId,
      nodeKey,
      provider: creator.account.address,
      expiry,
      nonce: 7n,
    })
    expect(forOther.signature).not.toBe(forMain.signature)
    const later = await creator.joinPool({ poolId, invites: [forOther] }).catch((e) => e)
    expect(later).toBeInstanceOf(ContractErrors.NodeNotRegistered)
  })

  test('an invite past its expiry on chain fails with InviteExpired', async () => {
    const { poolId } = await primeClient(federator)
      .createDomain({ name: 'd', domainParametersURI: '' })
      .then(() =>
        primeClient(devAccount(2)).createPool({
          domainId: 1n,
          computeManagerKey: manager.address,
          name: 'p',
          poolDataURI: '',
        }),
      )
    await primeClient(devAccount(2)).startPool({ poolId })
    // Valid by the local clock, expired by the chain's (which tests moved ahead).
    const expiry = BigInt(Math.floor(Date.now() / 1000)) + 60n
    const chainNow = await latestTimestamp()
    if (chainNow <= expiry) await increaseTime(expiry - chainNow + 1n)
    // Online, the SDK judges the expiry by chain time before signing.
    const refused = await primeClient(manager)
      .signPoolInvite({ poolId, nodeKey, expiry })
      .catch((e) => e)
    expect(refused).toBeInstanceOf(InvalidInputError)
    expect(refused.parameter).toBe('expiry')
    // Signed offline (key version and provider given), the chain itself refuses it.
    const invite = await primeClient(manager).signPoolInvite({
      poolId,
      nodeKey,
      provider: devAccount(3).address,
      expiry,
      keyVersion: 0n,
    })
    expect(invite.poolId).toBe(poolId)
    expect(invite.nonce).toBeTypeOf('bigint')
    const error = await primeClient(devAccount(3))
      .joinPool({ poolId, invites: [invite] })
      .catch((e) => e)
    expect(error).toBeInstanceOf(ContractErrors.InviteExpired)
  })
})
