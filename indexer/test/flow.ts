import { acts } from '@prime-network/demo/acts'
import { createStage, type Stage } from '@prime-network/demo/stage'
import { type Deployment, primeNetworkActions } from '@prime-network/sdk'
import {
  createWalletClient,
  defineChain,
  http,
  keccak256,
  parseEther,
  publicActions,
  toHex,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'

const mnemonic = 'test test test test test test test test test test test junk'

/** A client for anvil's dev account `index` (funded with ETH and, after the deploy, PRIME). */
export function devClient(deployment: Deployment, rpcUrl: string, index: number) {
  const chain = defineChain({
    id: deployment.chainId,
    name: 'anvil',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  return createWalletClient({
    account: mnemonicToAccount(mnemonic, { addressIndex: index }),
    chain,
    transport: http(rpcUrl),
    pollingInterval: 50,
  })
    .extend(publicActions)
    .extend(primeNetworkActions({ deployment }))
}

/** Runs the demo's story on `rpcUrl`, quietly, and returns its stage (actors, nodes, results). */
export async function runDemoFlow(rpcUrl: string, deployment: Deployment): Promise<Stage> {
  const stage = createStage({ say: () => {}, signal: undefined, rpcUrl, deployment })
  for (const act of acts) await act.run(stage)
  return stage
}

/**
 * What the demo leaves out, so every protocol event is emitted at least once (except
 * EIP712DomainChanged, which these contracts never emit): the pause, the treasury, role handovers,
 * domain and pool updates, key rotation, a cancelled invite, a second pool with a forfeit, both
 * blacklists with a purge, a plain slash, a rebond, a benchmark and a node invalidation. A node is
 * left in the second pool, so open memberships are compared too.
 */
export async function runEpilogue(stage: Stage) {
  const { federator, validator, alice, bob, carol, deployment, rpcUrl } = stage
  const [aliceGpu1, aliceGpu2] = stage.nodes
  const domainId = stage.results.domainId!
  const firstPool = stage.results.poolId!
  const treasury = devClient(deployment, rpcUrl, 5)
  const newValidator = devClient(deployment, rpcUrl, 6)
  const otherManager = devClient(deployment, rpcUrl, 7)

  await federator.pause()
  await federator.unpause()
  await federator.setTreasury({ treasury: treasury.account.address })
  await federator.proposeRoleTransfer({ role: 'validator', newHolder: treasury.account.address })
  await federator.cancelRoleTransfer({ role: 'validator' })
  await federator.updateDomain({
    domainId,
    validationLogic: deployment.workValidation!,
    domainParametersURI: 'ipfs://demo/domain-v2',
  })
  await federator.setWorkUnitsCap({ domainId, cap: 200n })
  await validator.setNodeBenchmark({ nodeKey: aliceGpu1!.account.address, score: 1234n })

  // The first pool has ended: this leave counts the node's time up to the end, not to now.
  await alice.leavePool({ poolId: firstPool, nodeKeys: [aliceGpu1!.account.address] })

  const { poolId } = await carol.createPool({
    domainId,
    computeManagerKey: carol.account.address,
    name: 'second-pool',
    poolDataURI: 'ipfs://demo/pool-2',
  })
  await carol.updatePool({ poolId, computeLimit: 100n, poolDataURI: 'ipfs://demo/pool-2-v2' })
  await carol.setComputeManagerKey({ poolId, computeManagerKey: otherManager.account.address })
  await otherManager.cancelInviteNonce({ poolId, nonce: 42n })
  await carol.setComputeManagerKey({ poolId, computeManagerKey: carol.account.address })
  await carol.setRewardRate({ poolId, rate: parseEther('0.0001') })
  await carol.fundPool({ poolId, amount: parseEther('100') })
  await carol.startPool({ poolId })
  const expiry = (await stage.chain.getBlock()).timestamp + 86_400n
  const invites = await Promise.all(
    [aliceGpu1!, aliceGpu2!].map((node) =>
      carol.signPoolInvite({ poolId, nodeKey: node.account.address, expiry }),
    ),
  )
  await alice.joinPool({ poolId, invites })
  await stage.chain.increaseTime({ seconds: 600 })
  await stage.chain.mine({ blocks: 1 })
  await validator.forfeitRewards({ poolId, nodeKey: aliceGpu1!.account.address })
  // Two works of one node, then its invalidation with the first: all its locked rewards go back.
  await carol.setWorkRewardRate({
    poolId,
    rate: parseEther('0.1'),
    maxLockedPerNode: parseEther('10'),
  })
  const gpu1 = aliceGpu1!.account.address
  for (const label of ['epilogue-1', 'epilogue-2'])
    await aliceGpu1!.client.submitWork({
      poolId,
      nodeKey: gpu1,
      workKey: keccak256(toHex(label)),
      units: 5n,
    })
  await validator.invalidateWork({
    nodeKey: gpu1,
    workKey: keccak256(toHex('epilogue-1')),
    penalty: 0n,
    invalidateNode: true,
    evict: [{ poolId, nodeKey: gpu1 }],
  })
  await carol.blacklistNode({ poolId, nodeKey: aliceGpu2!.account.address, purge: true })
  await carol.blacklistProvider({ poolId, provider: bob.account.address })
  await carol.fundPool({ poolId, amount: parseEther('5') })

  await validator.slash({ provider: alice.account.address, amount: parseEther('10') })
  await alice.reclaimStake({ amount: parseEther('100') })
  // Takes the 50 back from the pending unbond (a rebond) rather than from the wallet.
  await alice.increaseStake({ amount: parseEther('50') })
  await validator.invalidateNode({ nodeKey: aliceGpu2!.account.address })

  await federator.proposeRoleTransfer({
    role: 'validator',
    newHolder: newValidator.account.address,
  })
  await newValidator.acceptRole({ role: 'validator' })
  return { secondPool: poolId, actors: { treasury, newValidator, otherManager } }
}
