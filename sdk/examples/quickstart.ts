import {
  ContractErrors,
  loadDeployment,
  PrimeNetworkError,
  primeNetworkActions,
} from '@prime-network/sdk'
import {
  type Account,
  createTestClient,
  createWalletClient,
  formatEther,
  http,
  parseEther,
  publicActions,
} from 'viem'
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'

const rpcUrl = process.env.RPC_URL ?? 'http://127.0.0.1:8545'
// Written by contracts/script/Deploy.s.sol.
const deployment = await loadDeployment(process.env.DEPLOYMENT ?? 'deployments/31337.json')

// anvil's dev accounts: the deploy script makes 0 the federator and 1 the validator, and mints
// tokens to the first ten.
const dev = (addressIndex: number) =>
  mnemonicToAccount('test test test test test test test test test test test junk', { addressIndex })
const connect = (account: Account) =>
  createWalletClient({ account, chain: anvil, transport: http(rpcUrl) })
    .extend(publicActions)
    .extend(primeNetworkActions({ deployment }))

const federator = connect(dev(0))
const validator = connect(dev(1))
const provider = connect(dev(2))
const creator = connect(dev(3))
// Keys that only sign (offline): the node's own key and the pool's compute manager key.
const node = privateKeyToAccount(generatePrivateKey())
const manager = connect(privateKeyToAccount(generatePrivateKey()))

// Provider: stake enough for a 10-unit node (the SDK signs an ERC-2612 permit for the stake),
// then add the node; the node key signs the ownership proof.
const stake = await provider.getMinimumStake({ additionalComputeUnits: 10n })
await provider.registerProvider({ amount: stake })
await provider.addNode({ node, computeUnits: 10n, specsURI: 'ipfs://node-specs' })

// Validator: approve the provider and validate its node.
await validator.whitelistProvider({ provider: provider.account.address })
await validator.validateNode({ nodeKey: node.address })

// Federator: a domain for the pool.
const { domainId } = await federator.createDomain({
  name: 'inference',
  domainParametersURI: 'ipfs://domain-parameters',
})

// Compute manager: create, fund and start a pool whose invites `manager` signs.
const { poolId } = await creator.createPool({
  domainId,
  computeManagerKey: manager.account.address,
  name: 'llm-inference',
  poolDataURI: 'ipfs://pool',
})
await creator.setRewardRate({ poolId, rate: parseEther('0.001') }) // per compute unit per second
await creator.fundPool({ poolId, amount: parseEther('1000') })
await creator.startPool({ poolId })

// The manager signs an invite for the node; the provider joins the pool with it.
const { timestamp } = await provider.getBlock()
const invite = await manager.signPoolInvite({
  poolId,
  nodeKey: node.address,
  expiry: timestamp + 3600n,
})
await provider.joinPool({ poolId, invites: [invite] })

// Reverts are simulated first and thrown as typed errors named like the contract's errors.
try {
  await provider.joinPool({ poolId, invites: [invite] })
} catch (error) {
  if (error instanceof ContractErrors.InviteNonceUsed)
    console.log(`invite ${error.args.nonce} was already used`)
  else if (error instanceof PrimeNetworkError) console.error(error.shortMessage)
  else throw error
}

// Time passes: on anvil we move the clock, on a real chain we wait.
const testClient = createTestClient({ chain: anvil, mode: 'anvil', transport: http(rpcUrl) })
await testClient.increaseTime({ seconds: 3600 })
await testClient.mine({ blocks: 1 })

const { total } = await provider.claimRewards({ poolId })
console.log(`claimed ${formatEther(total)} tokens`)
