import { type Address, keccak256, toHex, zeroAddress } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  deployment,
  devAccount,
  federator,
  latestTimestamp,
  primeClient,
  snapshot,
  testClient,
  validator,
} from '../../test/utils.js'
import { primeNetworkAbi, primeTokenAbi, stakeManagerAbi } from '../contracts.js'
import { ContractErrors } from '../errors/contract.js'

const e18 = 10n ** 18n
const FEDERATOR_ROLE = keccak256(toHex('FEDERATOR_ROLE'))
const VALIDATOR_ROLE = keccak256(toHex('VALIDATOR_ROLE'))

const federatorClient = primeClient(federator)
const validatorClient = primeClient(validator)
const provider = primeClient(devAccount(2))
const newcomer = primeClient(devAccount(3))
const newValidator = primeClient(devAccount(5))
const newFederator = primeClient(devAccount(6))
const treasury = devAccount(9).address
const node = privateKeyToAccount(generatePrivateKey())

const readNetwork = <name extends 'paused' | 'stakeMinimum' | 'federator' | 'validator'>(
  functionName: name,
) =>
  testClient.readContract({ address: deployment.primeNetwork, abi: primeNetworkAbi, functionName })
const balanceOf = (address: Address) =>
  testClient.readContract({
    address: deployment.token,
    abi: primeTokenAbi,
    functionName: 'balanceOf',
    args: [address],
  })

let restore: () => Promise<void>
beforeAll(async () => {
  restore = await snapshot()
  await provider.registerProvider({ amount: 1100n * e18 })
  await provider.addNode({ node, computeUnits: 10n, specsURI: 'ipfs://node' })
})
afterAll(async () => restore())

describe('federator and validator settings', () => {
  test('updateDomain replaces the validation logic and parameters URI, and only for the federator', async () => {
    const { domainId } = await federatorClient.createDomain({
      name: 'inference',
      domainParametersURI: 'ipfs://v1',
    })
    // Any deployed contract is accepted as validation logic; the token is one at hand.
    const updated = await federatorClient.updateDomain({
      domainId,
      validationLogic: deployment.token,
      domainParametersURI: 'ipfs://v2',
    })
    expect(updated).toMatchObject({
      domainId,
      validationLogic: deployment.token,
      domainParametersURI: 'ipfs://v2',
    })
    expect(await federatorClient.getDomain({ domainId })).toEqual({
      domainId,
      name: 'inference',
      validationLogic: deployment.token,
      domainParametersURI: 'ipfs://v2',
    })
    await federatorClient.updateDomain({
      domainId,
      validationLogic: zeroAddress,
      domainParametersURI: 'ipfs://v3',
    })
    expect((await federatorClient.getDomain({ domainId })).validationLogic).toBe(zeroAddress)

    const denied = await validatorClient
      .updateDomain({ domainId, validationLogic: zeroAddress, domainParametersURI: 'x' })
      .catch((e) => e)
    expect(denied).toBeInstanceOf(ContractErrors.MissingRole)
    expect(denied.args).toEqual({ role: FEDERATOR_ROLE, account: validator.address })

    const missing = await federatorClient
      .updateDomain({ domainId: 99n, validationLogic: zeroAddress, domainParametersURI: '' })
      .catch((e) => e)
    expect(missing).toBeInstanceOf(ContractErrors.DomainNotFound)
    expect(missing.args).toEqual({ domainId: 99n })

    const notContract = await federatorClient
      .updateDomain({ domainId, validationLogic: treasury, domainParametersURI: '' })
      .catch((e) => e)
    expect(notContract).toBeInstanceOf(ContractErrors.InvalidValidationLogic)
    expect(notContract.args).toEqual({ validationLogic: treasury })
  })

  test('pause blocks registration until unpause; both are federator only and not idempotent', async () => {
    const denied = await validatorClient.pause().catch((e) => e)
    expect(denied).toBeInstanceOf(ContractErrors.MissingRole)
    expect(denied.args).toEqual({ role: FEDERATOR_ROLE, account: validator.address })

    const { receipt } = await federatorClient.pause()
    expect(receipt.status).toBe('success')
    expect(await readNetwork('paused')).toBe(true)
    const events = await federatorClient.getEvents({
      eventName: 'PauseSet',
      fromBlock: receipt.blockNumber,
    })
    expect(events.map((log) => log.args.paused)).toEqual([true])

    const blocked = await newcomer.registerProvider({ amount: 100n * e18 }).catch((e) => e)
    expect(blocked).toBeInstanceOf(ContractErrors.NetworkPaused)
    expect(await federatorClient.pause().catch((e) => e)).toBeInstanceOf(
      ContractErrors.AlreadyPaused,
    )
    expect(await validatorClient.unpause().catch((e) => e)).toBeInstanceOf(
      ContractErrors.MissingRole,
    )

    await federatorClient.unpause()
    expect(await readNetwork('paused')).toBe(false)
    expect(await federatorClient.unpause().catch((e) => e)).toBeInstanceOf(ContractErrors.NotPaused)
    expect((await newcomer.registerProvider({ amount: 100n * e18 })).activeStake).toBe(100n * e18)
  })

  test('setStakeMinimum changes what providers must stake', async () => {
    await federatorClient.setStakeMinimum({ stakeMinimum: 200n * e18 })
    expect(await readNetwork('stakeMinimum')).toBe(200n * e18)
    expect(await provider.getMinimumStake()).toBe(200n * e18)
    expect(await provider.getMinimumStake({ provider: provider.account.address })).toBe(
      200n * 11n * e18,
    )
    const tooLarge = await federatorClient
      .setStakeMinimum({ stakeMinimum: 2n ** 128n })
      .catch((e) => e)
    expect(tooLarge).toBeInstanceOf(ContractErrors.AmountTooLarge)
    expect(tooLarge.args).toEqual({ amount: 2n ** 128n, max: 2n ** 128n - 1n })
    const denied = await provider.setStakeMinimum({ stakeMinimum: 0n }).catch((e) => e)
    expect(denied).toBeInstanceOf(ContractErrors.MissingRole)
    expect(denied.args.account).toBe(provider.account.address)
    await federatorClient.setStakeMinimum({ stakeMinimum: 100n * e18 })
  })

  test('setUnbondingPeriod applies to unbonds started afterwards', async () => {
    await federatorClient.setUnbondingPeriod({ period: 3n * 86_400n })
    await provider.increaseStake({ amount: 50n * e18 })
    const { unlockTime } = await provider.reclaimStake({ amount: 50n * e18 })
    expect(unlockTime).toBe((await latestTimestamp()) + 3n * 86_400n)

    const tooLong = await federatorClient
      .setUnbondingPeriod({ period: 366n * 86_400n })
      .catch((e) => e)
    expect(tooLong).toBeInstanceOf(ContractErrors.UnbondingPeriodTooLong)
    expect(tooLong.args).toEqual({ period: 366n * 86_400n, max: 365n * 86_400n })
    const denied = await validatorClient.setUnbondingPeriod({ period: 1n }).catch((e) => e)
    expect(denied).toBeInstanceOf(ContractErrors.MissingRole)
  })

  test('setTreasury redirects slashed tokens', async () => {
    const denied = await validatorClient.setTreasury({ treasury }).catch((e) => e)
    expect(denied).toBeInstanceOf(ContractErrors.MissingRole)
    expect(denied.args).toEqual({ role: FEDERATOR_ROLE, account: validator.address })

    await federatorClient.setTreasury({ treasury })
    expect(
      await testClient.readContract({
        address: deployment.stakeManager,
        abi: stakeManagerAbi,
        functionName: 'treasury',
      }),
    ).toBe(treasury)
    const before = await balanceOf(treasury)
    const slashed = await validatorClient.slash({
      provider: provider.account.address,
      amount: 10n * e18,
    })
    expect(slashed.treasury).toBe(treasury)
    expect(await balanceOf(treasury)).toBe(before + 10n * e18)
  })

  test('setNodeBenchmark records a score; validator only, 32 bits at most', async () => {
    await validatorClient.setNodeBenchmark({ nodeKey: node.address, score: 870n })
    expect((await provider.getNode({ nodeKey: node.address }))?.benchmarkScore).toBe(870n)

    const denied = await provider
      .setNodeBenchmark({ nodeKey: node.address, score: 1n })
      .catch((e) => e)
    expect(denied).toBeInstanceOf(ContractErrors.MissingRole)
    expect(denied.args).toEqual({ role: VALIDATOR_ROLE, account: provider.account.address })

    const tooLarge = await validatorClient
      .setNodeBenchmark({ nodeKey: node.address, score: 2n ** 32n })
      .catch((e) => e)
    expect(tooLarge).toBeInstanceOf(ContractErrors.BenchmarkScoreTooLarge)
    expect(tooLarge.args).toEqual({ score: 2n ** 32n, max: 2n ** 32n - 1n })

    const unknown = await validatorClient
      .setNodeBenchmark({ nodeKey: treasury, score: 1n })
      .catch((e) => e)
    expect(unknown).toBeInstanceOf(ContractErrors.NodeNotRegistered)
  })

  test('the validator role moves in two steps: proposed by its holder, then accepted', async () => {
    const denied = await validatorClient
      .proposeRoleTransfer({ role: 'federator', newHolder: validator.address })
      .catch((e) => e)
    expect(denied).toBeInstanceOf(ContractErrors.MissingRole)
    expect(denied.args).toEqual({ role: FEDERATOR_ROLE, account: validator.address })

    await validatorClient.proposeRoleTransfer({
      role: 'validator',
      newHolder: newValidator.account.address,
    })
    expect(await federatorClient.getPendingRoleHolder({ role: 'validator' })).toBe(
      newValidator.account.address,
    )
    expect(await readNetwork('validator')).toBe(validator.address)

    // Only the proposed account can take the role.
    const stranger = await newcomer.acceptRole({ role: 'validator' }).catch((e) => e)
    expect(stranger).toBeInstanceOf(ContractErrors.CallerNotPendingRoleHolder)
    expect(stranger.args).toEqual({ role: VALIDATOR_ROLE, caller: newcomer.account.address })

    const moved = await newValidator.acceptRole({ role: 'validator' })
    expect(moved.previousHolder).toBe(validator.address)
    expect(await readNetwork('validator')).toBe(newValidator.account.address)
    expect(await federatorClient.getPendingRoleHolder({ role: 'validator' })).toBeUndefined()

    const old = await validatorClient
      .whitelistProvider({ provider: provider.account.address })
      .catch((e) => e)
    expect(old).toBeInstanceOf(ContractErrors.MissingRole)
    expect(old.args).toEqual({ role: VALIDATOR_ROLE, account: validator.address })
    await newValidator.whitelistProvider({ provider: provider.account.address })
    // A lowercase address reads the same provider, reported checksummed.
    expect(
      (
        await provider.getProvider({
          provider: provider.account.address.toLowerCase() as `0x${string}`,
        })
      ).address,
    ).toBe(provider.account.address)
    expect((await provider.getProvider({ provider: provider.account.address })).whitelisted).toBe(
      true,
    )
  })

  test('a proposed handover can be cancelled; the federator role then stays', async () => {
    const nothing = await federatorClient.cancelRoleTransfer({ role: 'federator' }).catch((e) => e)
    expect(nothing).toBeInstanceOf(ContractErrors.NoPendingRoleTransfer)

    await federatorClient.proposeRoleTransfer({
      role: 'federator',
      newHolder: newcomer.account.address,
    })
    await federatorClient.cancelRoleTransfer({ role: 'federator' })
    expect(await newcomer.acceptRole({ role: 'federator' }).catch((e) => e)).toBeInstanceOf(
      ContractErrors.CallerNotPendingRoleHolder,
    )

    await federatorClient.proposeRoleTransfer({
      role: 'federator',
      newHolder: newFederator.account.address,
    })
    const moved = await newFederator.acceptRole({ role: 'federator' })
    expect(moved.previousHolder).toBe(federator.address)
    expect(await readNetwork('federator')).toBe(newFederator.account.address)

    const old = await federatorClient.pause().catch((e) => e)
    expect(old).toBeInstanceOf(ContractErrors.MissingRole)
    expect(old.args).toEqual({ role: FEDERATOR_ROLE, account: federator.address })
    await newFederator.pause()
    expect(await readNetwork('paused')).toBe(true)
    await newFederator.unpause()
  })
})
