import {
  type Account,
  type Address,
  createTestClient,
  createWalletClient,
  http,
  publicActions,
  walletActions,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { inject } from 'vitest'
import { primeNetworkActions } from '../src/decorators/primeNetwork.js'
import { type Deployment, loadDeployment, registerDeployment } from '../src/deployments.js'

const mnemonic = 'test test test test test test test test test test test junk'

/** anvil's dev account `index` (0 = deployer and federator, 1 = validator). */
export const devAccount = (index: number) => mnemonicToAccount(mnemonic, { addressIndex: index })

export const federator = devAccount(0)
export const validator = devAccount(1)

export const rpcUrl = inject('rpcUrl')

export const deployment: Deployment = registerDeployment(
  await loadDeployment(inject('deploymentPath')),
)

/** A wallet client on the test anvil, without the SDK decorator. */
export function walletClient(account: Account) {
  return createWalletClient({
    account,
    chain: anvil,
    pollingInterval: 50,
    transport: http(rpcUrl),
  }).extend(publicActions)
}

/** A wallet client with the Prime Network actions. */
export function primeClient(account: Account) {
  return walletClient(account).extend(primeNetworkActions())
}

/**
 * A new domain (by the federator) and a pool in it that `creator` prices at `rate` per compute
 * unit-second, funds with `budget` and starts, with `managerKey` signing its invites.
 */
export async function startedPool(
  creator: ReturnType<typeof primeClient>,
  managerKey: Address,
  { rate, budget }: { rate: bigint; budget: bigint },
): Promise<bigint> {
  const { domainId } = await primeClient(federator).createDomain({
    name: 'd',
    domainParametersURI: '',
  })
  const { poolId } = await creator.createPool({
    domainId,
    computeManagerKey: managerKey,
    name: 'p',
    poolDataURI: '',
  })
  await creator.setRewardRate({ poolId, rate })
  await creator.fundPool({ poolId, amount: budget })
  await creator.startPool({ poolId })
  return poolId
}

export const testClient = createTestClient({
  chain: anvil,
  mode: 'anvil',
  pollingInterval: 50,
  transport: http(rpcUrl),
})
  .extend(publicActions)
  .extend(walletActions)

/** Moves chain time forward by `seconds` and mines a block. */
export async function increaseTime(seconds: bigint) {
  await testClient.increaseTime({ seconds: Number(seconds) })
  await testClient.mine({ blocks: 1 })
}

/** Sets the next block's timestamp exactly, so reward amounts can be asserted to the unit. */
export async function setNextTimestamp(timestamp: bigint) {
  await testClient.setNextBlockTimestamp({ timestamp })
}

/** Takes a snapshot and returns a function that restores it (each test file starts from the deployment). */
export async function snapshot() {
  const id = await testClient.snapshot()
  return async () => {
    await testClient.revert({ id })
  }
}

export async function latestTimestamp() {
  return (await testClient.getBlock()).timestamp
}
