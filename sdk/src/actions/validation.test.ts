import { type Address, createWalletClient, custom, zeroAddress } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { anvil, mainnet } from 'viem/chains'
import { beforeEach, describe, expect, test } from 'vitest'
import { deployment } from '../../test/utils.js'
import { primeNetworkActions } from '../decorators/primeNetwork.js'
import { InvalidInputError, UnsupportedChainIdError } from '../errors/base.js'

// Every RPC request is counted and fails: the checks below must reject before any is made.
let requests = 0
const transport = custom({
  async request() {
    requests++
    throw new Error('unexpected RPC request')
  },
})
const account = privateKeyToAccount(generatePrivateKey())
const client = createWalletClient({ account, chain: anvil, transport }).extend(
  primeNetworkActions({ deployment }),
)
const node = privateKeyToAccount(generatePrivateKey())
const nodeKey = node.address
const bad = '0x1234' as Address
// A mixed-case address whose EIP-55 checksum is wrong (one letter's case flipped): a typo.
const badChecksum = (() => {
  const checksummed = privateKeyToAccount(generatePrivateKey()).address
  const i = [...checksummed].findIndex((c, j) => j > 1 && /[a-fA-F]/.test(c))
  const c = checksummed[i]!
  const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()
  return `${checksummed.slice(0, i)}${flipped}${checksummed.slice(i + 1)}` as Address
})()
const negative = -1n
const future = BigInt(Math.floor(Date.now() / 1000)) + 3600n
const invite = { nodeKey, nonce: 1n, expiry: future, signature: '0x' as const }

beforeEach(() => {
  requests = 0
})

const cases: [string, () => Promise<unknown>, string][] = [
  ['registerProvider amount 0', () => client.registerProvider({ amount: 0n }), 'amount'],
  ['registerProvider negative', () => client.registerProvider({ amount: -1n }), 'amount'],
  ['increaseStake', () => client.increaseStake({ amount: 0n }), 'amount'],
  ['reclaimStake', () => client.reclaimStake({ amount: 0n }), 'amount'],
  [
    'addNode computeUnits',
    () => client.addNode({ node, computeUnits: 0n, specsURI: '' }),
    'computeUnits',
  ],
  [
    'addNode node',
    () =>
      client.addNode({
        node: { nodeKey: bad, signature: '0x', deadline: 1n },
        computeUnits: 1n,
        specsURI: '',
      }),
    'node',
  ],
  [
    'addNode deadline',
    () =>
      client.addNode({
        node: { nodeKey, signature: '0x', deadline: -1n },
        computeUnits: 1n,
        specsURI: '',
      }),
    'node.deadline',
  ],
  [
    'signPoolInvite keyVersion',
    () => client.signPoolInvite({ poolId: 1n, nodeKey, expiry: future, keyVersion: -1n }),
    'keyVersion',
  ],
  ['removeNode', () => client.removeNode({ nodeKey: bad }), 'nodeKey'],
  ['whitelistProvider', () => client.whitelistProvider({ provider: zeroAddress }), 'provider'],
  ['blacklistProvider', () => client.blacklistProvider({ provider: bad }), 'provider'],
  [
    'blacklistProvider purge without pool',
    () => client.blacklistProvider({ provider: nodeKey, purgeNodeKeys: [nodeKey] } as never),
    'purgeNodeKeys',
  ],
  [
    'blacklistProvider purge keys',
    () => client.blacklistProvider({ provider: nodeKey, poolId: 1n, purgeNodeKeys: [bad] }),
    'purgeNodeKeys[0]',
  ],
  ['validateNode', () => client.validateNode({ nodeKey: bad }), 'nodeKey'],
  ['invalidateNode', () => client.invalidateNode({ nodeKey: bad }), 'nodeKey'],
  ['slash', () => client.slash({ provider: nodeKey, amount: 0n }), 'amount'],
  ['createDomain', () => client.createDomain({ name: '', domainParametersURI: '' }), 'name'],
  [
    'createDomain validationLogic',
    () => client.createDomain({ name: 'x', validationLogic: bad, domainParametersURI: '' }),
    'validationLogic',
  ],
  [
    'createPool domainId',
    () =>
      client.createPool({ domainId: 0n, computeManagerKey: nodeKey, name: '', poolDataURI: '' }),
    'domainId',
  ],
  [
    'createPool manager',
    () => client.createPool({ domainId: 1n, computeManagerKey: bad, name: '', poolDataURI: '' }),
    'computeManagerKey',
  ],
  [
    'createPool computeLimit',
    () =>
      client.createPool({
        domainId: 1n,
        computeManagerKey: nodeKey,
        name: '',
        poolDataURI: '',
        computeLimit: -1n,
      }),
    'computeLimit',
  ],
  ['startPool', () => client.startPool({ poolId: 0n }), 'poolId'],
  ['endPool', () => client.endPool({ poolId: 0n }), 'poolId'],
  [
    'signPoolInvite negative expiry',
    () => client.signPoolInvite({ poolId: 1n, nodeKey, expiry: negative }),
    'expiry',
  ],
  [
    'signPoolInvite nodeKey',
    () => client.signPoolInvite({ poolId: 1n, nodeKey: bad, expiry: future }),
    'nodeKey',
  ],
  ['joinPool empty', () => client.joinPool({ poolId: 1n, invites: [] }), 'invites'],
  [
    'joinPool negative expiry',
    () => client.joinPool({ poolId: 1n, invites: [{ ...invite, expiry: negative }] }),
    'invites[0].expiry',
  ],
  [
    'joinPool invite for another pool',
    () => client.joinPool({ poolId: 1n, invites: [{ ...invite, poolId: 2n }] }),
    'invites[0].poolId',
  ],
  ['leavePool', () => client.leavePool({ poolId: 1n, nodeKeys: [] }), 'nodeKeys'],
  ['gasHeadroom negative', () => client.startPool({ poolId: 1n, gasHeadroom: -5 }), 'gasHeadroom'],
  ['gasHeadroom fraction', () => client.startPool({ poolId: 1n, gasHeadroom: 0.5 }), 'gasHeadroom'],
  ['confirmations 0', () => client.startPool({ poolId: 1n, confirmations: 0 }), 'confirmations'],
  [
    'submitWork workKey',
    () => client.submitWork({ poolId: 1n, nodeKey, workKey: '0x12', units: 1n }),
    'workKey',
  ],
  [
    'submitWork units',
    () => client.submitWork({ poolId: 1n, nodeKey, workKey: `0x${'11'.repeat(32)}`, units: 0n }),
    'units',
  ],
  [
    'submitWork data',
    () => client.submitWork({ poolId: 1n, nodeKey, data: 'zz' as never }),
    'data',
  ],
  ['submitWork node', () => client.submitWork({ poolId: 1n, nodeKey: bad, data: '0x' }), 'nodeKey'],
  [
    'invalidateWork',
    () => client.invalidateWork({ nodeKey, workKey: `0x${'11'.repeat(32)}`, penalty: -1n }),
    'penalty',
  ],
  [
    'invalidateWork node',
    () => client.invalidateWork({ nodeKey: bad, workKey: `0x${'11'.repeat(32)}`, penalty: 0n }),
    'nodeKey',
  ],
  ['softInvalidateWork', () => client.softInvalidateWork({ nodeKey, workKey: '0x' }), 'workKey'],
  [
    'softInvalidateWork node',
    () => client.softInvalidateWork({ nodeKey: bad, workKey: `0x${'11'.repeat(32)}` }),
    'nodeKey',
  ],
  ['getWork', () => client.getWork({ nodeKey, workKey: 'nope' as never }), 'workKey'],
  [
    'getWork node',
    () => client.getWork({ nodeKey: bad, workKey: `0x${'11'.repeat(32)}` }),
    'nodeKey',
  ],
  [
    'submitWork terms',
    () =>
      client.submitWork({ poolId: 1n, nodeKey, data: '0x', minWorkRate: 0n, maxLockPeriod: -1n }),
    'maxLockPeriod',
  ],
  [
    'setWorkRewardRate',
    () => client.setWorkRewardRate({ poolId: 1n, rate: -1n, maxLockedPerNode: 0n }),
    'rate',
  ],
  [
    'setWorkRewardRate bound',
    () => client.setWorkRewardRate({ poolId: 1n, rate: 1n, maxLockedPerNode: -1n }),
    'maxLockedPerNode',
  ],
  [
    'signPoolInvite provider',
    () => client.signPoolInvite({ poolId: 1n, nodeKey, provider: bad, expiry: future }),
    'provider',
  ],
  [
    'joinPool invite for another provider',
    () => client.joinPool({ poolId: 1n, invites: [{ ...invite, provider: nodeKey }] }),
    'invites[0].provider',
  ],
  ['setWorkLockPeriod', () => client.setWorkLockPeriod({ poolId: 0n, period: 1n }), 'poolId'],
  ['setMinWorkLockPeriod', () => client.setMinWorkLockPeriod({ period: -1n }), 'period'],
  ['setWorkUnitsCap', () => client.setWorkUnitsCap({ domainId: 1n, cap: -1n }), 'cap'],
  [
    'updatePool',
    () => client.updatePool({ poolId: 1n, computeLimit: -1n, poolDataURI: '' }),
    'computeLimit',
  ],
  [
    'updatePool URI',
    () => client.updatePool({ poolId: 1n, computeLimit: 0n, poolDataURI: 7 as never }),
    'poolDataURI',
  ],
  [
    'moveNodes same pool',
    () => client.moveNodes({ fromPoolId: 1n, toPoolId: 1n, invites: [invite] }),
    'toPoolId',
  ],
  [
    'moveNodes invite for another pool',
    () => client.moveNodes({ fromPoolId: 1n, toPoolId: 3n, invites: [{ ...invite, poolId: 2n }] }),
    'invites[0].poolId',
  ],
  ['ejectIneligibleNodes empty', () => client.ejectIneligibleNodes({ nodes: [] }), 'nodes'],
  [
    'ejectIneligibleNodes pool',
    () => client.ejectIneligibleNodes({ nodes: [{ poolId: 0n, nodeKey }] }),
    'nodes[0].poolId',
  ],
  [
    'slash evict',
    () => client.slash({ provider: nodeKey, amount: 1n, evict: [{ poolId: 1n, nodeKey: bad }] }),
    'evict[0].nodeKey',
  ],
  [
    'invalidateNode evict',
    () => client.invalidateNode({ nodeKey, evict: [{ poolId: -1n, nodeKey }] }),
    'evict[0].poolId',
  ],
  ['blacklistNode many', () => client.blacklistNode({ poolId: 1n, nodeKey: [] }), 'nodeKey'],
  [
    'blacklistNode many keys',
    () => client.blacklistNode({ poolId: 1n, nodeKey: [nodeKey, bad] }),
    'nodeKey[1]',
  ],
  [
    'blacklistProvider many',
    () => client.blacklistProvider({ poolId: 1n, provider: [bad] }),
    'provider[0]',
  ],
  ['leavePool key', () => client.leavePool({ poolId: 1n, nodeKeys: [bad] }), 'nodeKeys[0]'],
  ['ejectNode', () => client.ejectNode({ poolId: 1n, nodeKey: bad }), 'nodeKey'],
  ['blacklistNode', () => client.blacklistNode({ poolId: 0n, nodeKey }), 'poolId'],
  ['fundPool', () => client.fundPool({ poolId: 1n, amount: 0n }), 'amount'],
  ['setRewardRate', () => client.setRewardRate({ poolId: 1n, rate: -1n }), 'rate'],
  ['claimRewards', () => client.claimRewards({ poolId: 1n, nodeKeys: [] }), 'nodeKeys'],
  [
    'updateDomain validationLogic',
    () => client.updateDomain({ domainId: 1n, validationLogic: bad, domainParametersURI: '' }),
    'validationLogic',
  ],
  [
    'updateDomain without validationLogic',
    () => client.updateDomain({ domainId: 1n, domainParametersURI: '' } as never),
    'validationLogic',
  ],
  [
    'updateDomain domainParametersURI',
    () =>
      client.updateDomain({
        domainId: 1n,
        validationLogic: zeroAddress,
        domainParametersURI: undefined as never,
      }),
    'domainParametersURI',
  ],
  [
    'setComputeManagerKey',
    () => client.setComputeManagerKey({ poolId: 1n, computeManagerKey: zeroAddress }),
    'computeManagerKey',
  ],
  ['cancelInviteNonce', () => client.cancelInviteNonce({ poolId: 1n, nonce: -1n }), 'nonce'],
  ['forfeitRewards', () => client.forfeitRewards({ poolId: 1n, nodeKey: bad }), 'nodeKey'],
  ['withdrawUnusedBudget', () => client.withdrawUnusedBudget({ poolId: 0n }), 'poolId'],
  ['setNodeBenchmark', () => client.setNodeBenchmark({ nodeKey, score: -1n }), 'score'],
  ['setStakeMinimum', () => client.setStakeMinimum({ stakeMinimum: -1n }), 'stakeMinimum'],
  ['setUnbondingPeriod', () => client.setUnbondingPeriod({ period: -1n }), 'period'],
  ['setTreasury', () => client.setTreasury({ treasury: zeroAddress }), 'treasury'],
  [
    'proposeRoleTransfer',
    () => client.proposeRoleTransfer({ role: 'federator', newHolder: bad }),
    'newHolder',
  ],
  [
    'proposeRoleTransfer role',
    () => client.proposeRoleTransfer({ role: 'minter' as never, newHolder: nodeKey }),
    'role',
  ],
  ['acceptRole', () => client.acceptRole({ role: 'admin' as never }), 'role'],
  ['cancelRoleTransfer', () => client.cancelRoleTransfer({ role: '' as never }), 'role'],
  ['getPendingRoleHolder', () => client.getPendingRoleHolder({ role: 'x' as never }), 'role'],
  ['getPoolRewards', () => client.getPoolRewards({ poolId: 0n }), 'poolId'],
  ['isInviteNonceUsed', () => client.isInviteNonceUsed({ poolId: 1n, nonce: -1n }), 'nonce'],
  ['getProvider', () => client.getProvider({ provider: bad }), 'provider'],
  ['getNode', () => client.getNode({ nodeKey: bad }), 'nodeKey'],
  ['getNode checksum', () => client.getNode({ nodeKey: badChecksum }), 'nodeKey'],
  [
    'whitelistProvider checksum',
    () => client.whitelistProvider({ provider: badChecksum }),
    'provider',
  ],
  [
    'claimRewards nodeKeys checksum',
    () => client.claimRewards({ poolId: 1n, nodeKeys: [nodeKey, badChecksum] }),
    'nodeKeys[1]',
  ],
  ['getPool', () => client.getPool({ poolId: 0n }), 'poolId'],
  ['getPoolNodes', () => client.getPoolNodes({ poolId: 0n }), 'poolId'],
  ['getDomain', () => client.getDomain({ domainId: 0n }), 'domainId'],
  ['getStake', () => client.getStake({ provider: bad }), 'provider'],
  [
    'getPendingRewards both',
    () => client.getPendingRewards({ poolId: 1n, nodeKey, provider: nodeKey } as never),
    'nodeKey',
  ],
  ['getMinimumStake', () => client.getMinimumStake({ provider: bad }), 'provider'],
  [
    'getMinimumStake units',
    () => client.getMinimumStake({ additionalComputeUnits: -1n }),
    'additionalComputeUnits',
  ],
]

describe('inputs are checked before any RPC call', () => {
  test.each(cases)('%s', async (_, call, parameter) => {
    const error = (await call().catch((e) => e)) as InvalidInputError
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error.parameter).toBe(parameter)
    expect(requests).toBe(0)
  })

  test('a write without an account', async () => {
    const noAccount = primeNetworkActions({ deployment })(
      createWalletClient({ chain: anvil, transport }),
    )
    for (const write of [() => noAccount.increaseStake({ amount: 1n }), () => noAccount.pause()]) {
      const error = await write().catch((e) => e)
      expect(error).toBeInstanceOf(InvalidInputError)
      expect(error.parameter).toBe('account')
    }
    expect(requests).toBe(0)
  })

  test('a chain without a deployment', async () => {
    const other = createWalletClient({ account, chain: mainnet, transport }).extend(
      primeNetworkActions(),
    )
    const error = await other.getStake({ provider: nodeKey }).catch((e) => e)
    expect(error).toBeInstanceOf(UnsupportedChainIdError)
    expect(error.chainId).toBe(1)
    expect(error.shortMessage).toBe('No Prime Network deployment is known for chain id 1.')
    expect(requests).toBe(0)
  })

  test('a deployment for another chain', async () => {
    const other = createWalletClient({ account, chain: mainnet, transport })
    const error = await primeNetworkActions({ deployment })(other)
      .getStake({ provider: nodeKey })
      .catch((e) => e)
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error.shortMessage).toMatch(/it is for chain 31337 but the client is on chain 1/)
  })

  test('a client without a chain needs a deployment', async () => {
    const chainless = createWalletClient({ account, transport })
    const error = await primeNetworkActions()(chainless)
      .getStake({ provider: nodeKey })
      .catch((e) => e)
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error.parameter).toBe('deployment')
    expect(requests).toBe(0)
  })
})
