import { rmSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import {
  ContractErrors,
  type Deployment,
  loadDeployment,
  primeNetworkActions,
  primeTokenAbi,
} from '@prime-network/sdk'
import {
  type Account,
  type Address,
  type Chain,
  createTestClient,
  createWalletClient,
  defineChain,
  type Hash,
  http,
  parseEther,
  publicActions,
  type TransactionReceipt,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { type Anvil, startAnvil } from './anvil.js'
import { runDeployScript } from './deploy.js'
import {
  formatDelta,
  formatDuration,
  formatNumber,
  formatTable,
  formatToken,
  type Sink,
  shortAddress,
} from './format.js'
import { repoRoot } from './paths.js'

export type { Sink } from './format.js'

export type DemoOptions = {
  /** Where the report goes (default: process.stdout). */
  sink?: Sink
  /** Aborting stops anvil and deploy.sh; the pending step then fails and runDemo rejects. */
  signal?: AbortSignal
}

export type DemoNode = {
  name: string
  nodeKey: Address
  provider: string
  computeUnits: bigint
  /** Seconds the node was active in the pool up to its provider's claim. */
  claimedSeconds: bigint
  /** Rewards its provider claimed for it. */
  claimed: bigint
  /** Rewards still claimable when the demo ends (the node may still be in the pool). */
  pending: bigint
}

export type DemoProvider = {
  name: string
  address: Address
  /** Tokens staked at registration. */
  staked: bigint
  activeStake: bigint
  unbonding: bigint
  withdrawn: bigint
  rewardsClaimed: bigint
  balanceBefore: bigint
  balanceAfter: bigint
}

/** The figures the demo ends with, all read back from the chain. */
export type DemoSummary = {
  rpcUrl: string
  deployment: Deployment
  stakeMinimum: bigint
  unbondingPeriod: bigint
  domainId: bigint
  poolId: bigint
  /** Tokens per compute unit per second. */
  rewardRate: bigint
  poolFunded: bigint
  /** What the creator took back after the end: the budget no node accrued. */
  poolBudgetReturned: bigint
  /** The pool's budget after that (zero). */
  poolBudgetLeft: bigint
  providers: DemoProvider[]
  /** The pool creator's token balance before and after (she funded the pool and took back the rest). */
  creator: { name: string; address: Address; balanceBefore: bigint; balanceAfter: bigint }
  nodes: DemoNode[]
  transactions: number
  gasUsed: bigint
}

const mnemonic = 'test test test test test test test test test test test junk'
/** anvil's dev account `index`; 0..9 hold ETH and, after the deploy, 1,000,000 PRIME each. */
const devAccount = (index: number) => mnemonicToAccount(mnemonic, { addressIndex: index })

/** What the demo's actors do, in tokens (18 decimals). */
export const plan = {
  stakeMinimum: parseEther('50'),
  unbondingPeriod: 2n * 86_400n,
  aliceStake: parseEther('1000'),
  bobStake: parseEther('1200'),
  poolFunding: parseEther('1000'),
  /** 0.001 PRIME per compute unit per second. */
  rewardRate: parseEther('0.001'),
  nodes: [
    { name: 'alice-gpu-1', provider: 'alice', computeUnits: 10n, keyIndex: 10 },
    { name: 'alice-gpu-2', provider: 'alice', computeUnits: 5n, keyIndex: 11 },
    { name: 'bob-gpu-1', provider: 'bob', computeUnits: 20n, keyIndex: 12 },
  ],
} as const

/**
 * Seconds after the pool phase starts (t0) at which each time-sensitive transaction is mined. The
 * demo pins these block timestamps, so every reward is an exact `rate x units x seconds`.
 */
export const timeline = {
  aliceJoins: 0n,
  bobJoins: 60n,
  /** An hour passes: one empty block is mined here. */
  hourLater: 3600n,
  managerEjects: 3660n,
  bobLeaves: 3720n,
  aliceClaims: 3780n,
  bobClaims: 3840n,
  /** The pool ends: the node still in it stops earning. */
  managerEndsPool: 3900n,
  bobRemovesNode: 3960n,
  bobReclaims: 4020n,
} as const

/**
 * Runs the whole protocol on a fresh local anvil: deploys with ./deploy.sh, then walks every
 * actor's part through the SDK and reports each step (actor, action, tx hash, gas, balances).
 * Stops anvil before returning, also on failure.
 *
 * @returns The final figures, read back from the chain.
 * @example
 * const summary = await runDemo({ sink: process.stdout })
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoSummary> {
  const sink = options.sink ?? process.stdout
  const { signal } = options
  const say = (line = '') => sink.write(`${line}\n`)
  signal?.throwIfAborted()

  say()
  say('Prime Network demo: the whole protocol on a local anvil, through @prime-network/sdk')
  let anvil: Anvil | undefined
  const deploymentsDir = await mkdtemp(join(repoRoot, 'deployments', 'demo-')).catch(async () => {
    await mkdir(join(repoRoot, 'deployments'), { recursive: true })
    return mkdtemp(join(repoRoot, 'deployments', 'demo-'))
  })
  // Cleans up at once: a caller that was interrupted may exit before the `finally` below runs.
  const stopOnAbort = () => {
    anvil?.kill()
    rmSync(deploymentsDir, { recursive: true, force: true })
  }
  signal?.addEventListener('abort', stopOnAbort, { once: true })
  try {
    const started = Date.now()
    heading(say, 1, 'Start a local chain')
    anvil = await startAnvil()
    say(
      `  ✓ anvil listens on ${anvil.rpcUrl} (chain ${anvil.chainId}), started in ${seconds(started)}`,
    )
    signal?.throwIfAborted()

    heading(
      say,
      2,
      'Deploy the protocol with ./deploy.sh (forge script contracts/script/Deploy.s.sol)',
    )
    const deployment = await deploy(say, anvil.rpcUrl, deploymentsDir, signal)

    return await walkthrough({ say, signal, rpcUrl: anvil.rpcUrl, deployment })
  } finally {
    signal?.removeEventListener('abort', stopOnAbort)
    await anvil?.stop()
    await rm(deploymentsDir, { recursive: true, force: true })
  }
}

type Say = (line?: string) => void

function heading(say: Say, step: number, title: string) {
  say()
  say(`[${step}/14] ${title}`)
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`

async function deploy(say: Say, rpcUrl: string, deploymentsDir: string, signal?: AbortSignal) {
  const started = Date.now()
  // forge prints nothing while it compiles (tens of seconds on the first run): show it is alive.
  const ticker = setInterval(
    () =>
      say(
        `  … ${seconds(started)}: forge is compiling and broadcasting (first run compiles everything)`,
      ),
    5_000,
  )
  let result: Awaited<ReturnType<typeof runDeployScript>>
  try {
    result = await runDeployScript({
      rpcUrl,
      deploymentsDir: relative(repoRoot, deploymentsDir),
      // Broadcast records of a throwaway chain would only clutter ./broadcast.
      env: { FOUNDRY_BROADCAST: join(deploymentsDir, 'broadcast') },
      onLine: (line) => {
        if (line.startsWith('Deploying')) say(`  │ ${line}`)
      },
      ...(signal ? { signal } : {}),
    })
  } finally {
    clearInterval(ticker)
  }
  signal?.throwIfAborted()
  if (result.code !== 0)
    throw new Error(`deploy.sh failed (exit ${result.code}):\n${result.stderr || result.stdout}`)
  const deployment = await loadDeployment(join(deploymentsDir, '31337.json'))
  say(`  ✓ deployed in ${seconds(started)} (block ${deployment.deploymentBlock})`)
  for (const [name, address] of [
    ['PRIME token', deployment.token],
    ['PrimeNetwork', deployment.primeNetwork],
    ['StakeManager', deployment.stakeManager],
    ['ComputeRegistry', deployment.computeRegistry],
    ['DomainRegistry', deployment.domainRegistry],
    ['ComputePool', deployment.computePool],
    ['RewardsDistributor', deployment.rewardsDistributor],
  ] as const)
    say(`    ${name.padEnd(19)} ${address}`)
  return deployment
}

async function walkthrough(context: {
  say: Say
  signal: AbortSignal | undefined
  rpcUrl: string
  deployment: Deployment
}): Promise<DemoSummary> {
  const { say, signal, rpcUrl, deployment } = context
  const chain: Chain = defineChain({
    id: deployment.chainId,
    name: 'anvil',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  const transport = http(rpcUrl)
  const client = (account: Account) =>
    createWalletClient({ account, chain, transport, pollingInterval: 50 })
      .extend(publicActions)
      .extend(primeNetworkActions({ deployment }))
  const chainClient = createTestClient({ chain, mode: 'anvil', transport }).extend(publicActions)

  const federator = client(devAccount(0))
  const validator = client(devAccount(1))
  const alice = client(devAccount(2))
  const bob = client(devAccount(3))
  // Carol creates the pool and is its compute manager: her key signs the invites.
  const carol = client(devAccount(4))
  const names = new Map<Address, string>([
    [federator.account.address, 'federator'],
    [validator.account.address, 'validator'],
    [alice.account.address, 'alice'],
    [bob.account.address, 'bob'],
    [carol.account.address, 'carol'],
  ])
  const nodes = plan.nodes.map((node) => ({ ...node, account: devAccount(node.keyIndex) }))
  const [aliceGpu1, aliceGpu2, bobGpu1] = nodes as [
    (typeof nodes)[number],
    (typeof nodes)[number],
    (typeof nodes)[number],
  ]

  let transactions = 0
  let gasUsed = 0n
  /** Reports one transaction: who did what, its hash and the gas it used. */
  const sent = (
    actor: string,
    what: string,
    result: { hash: Hash; receipt: TransactionReceipt },
  ) => {
    transactions += 1
    gasUsed += result.receipt.gasUsed
    say(`  ${actor.padEnd(9)} ${what}`)
    say(`  ${''.padEnd(9)} ↳ tx ${result.hash}  gas ${formatNumber(result.receipt.gasUsed)}`)
  }
  const balanceOf = (address: Address) =>
    chainClient.readContract({
      address: deployment.token,
      abi: primeTokenAbi,
      functionName: 'balanceOf',
      args: [address],
    })
  const step = (number: number, title: string) => {
    signal?.throwIfAborted()
    heading(say, number, title)
  }

  const balancesBefore = new Map<Address, bigint>()
  for (const actor of [alice, bob, carol])
    balancesBefore.set(actor.account.address, await balanceOf(actor.account.address))

  step(3, 'The federator configures the network')
  sent(
    'federator',
    `setStakeMinimum: ${formatToken(plan.stakeMinimum)} PRIME per compute unit (plus one)`,
    await federator.setStakeMinimum({ stakeMinimum: plan.stakeMinimum }),
  )
  sent(
    'federator',
    `setUnbondingPeriod: ${formatDuration(plan.unbondingPeriod)}`,
    await federator.setUnbondingPeriod({ period: plan.unbondingPeriod }),
  )

  step(4, 'Two providers stake and register (registerProvider signs an ERC-2612 permit)')
  for (const [provider, amount] of [
    [alice, plan.aliceStake],
    [bob, plan.bobStake],
  ] as const) {
    const registered = await provider.registerProvider({ amount })
    const name = names.get(provider.account.address)!
    sent(
      name,
      `registerProvider: staked ${formatToken(amount)} PRIME (allowance by ${registered.allowance.kind})`,
      registered,
    )
    say(
      `  ${''.padEnd(9)}   wallet ${formatToken(await balanceOf(provider.account.address))} PRIME, active stake ${formatToken(registered.activeStake)} PRIME`,
    )
  }

  step(5, 'Providers add compute nodes (each node key signs an EIP-712 ownership proof)')
  for (const node of nodes) {
    const provider = node.provider === 'alice' ? alice : bob
    const added = await provider.addNode({
      node: node.account,
      computeUnits: node.computeUnits,
      specsURI: `ipfs://demo/${node.name}`,
    })
    sent(
      node.provider,
      `addNode ${node.name} (${shortAddress(node.account.address)}), ${node.computeUnits} compute units`,
      added,
    )
  }
  for (const provider of [alice, bob]) {
    const address = provider.account.address
    const [stake, registered] = await Promise.all([
      provider.getStake({ provider: address }),
      provider.getProvider({ provider: address }),
    ])
    say(
      `  ${names.get(address)!.padEnd(9)} stake ${formatToken(stake.active)} PRIME, required ${formatToken(stake.minimum)} PRIME = ${formatToken(plan.stakeMinimum)} x (1 + ${registered.totalComputeUnits} units)`,
    )
  }

  step(6, 'The validator whitelists the providers and validates their nodes')
  for (const provider of [alice, bob])
    sent(
      'validator',
      `whitelistProvider ${names.get(provider.account.address)}`,
      await validator.whitelistProvider({ provider: provider.account.address }),
    )
  for (const node of nodes)
    sent(
      'validator',
      `validateNode ${node.name}`,
      await validator.validateNode({ nodeKey: node.account.address }),
    )

  step(7, 'The federator creates a domain')
  const domain = await federator.createDomain({
    name: 'llm-inference',
    domainParametersURI: 'ipfs://demo/domain',
  })
  sent('federator', `createDomain "llm-inference" -> domain ${domain.domainId}`, domain)

  step(8, 'A compute manager creates, funds and starts a pool')
  const created = await carol.createPool({
    domainId: domain.domainId,
    computeManagerKey: carol.account.address,
    name: 'demo-pool',
    poolDataURI: 'ipfs://demo/pool',
  })
  const { poolId } = created
  sent('carol', `createPool "demo-pool" in domain ${domain.domainId} -> pool ${poolId}`, created)
  sent(
    'carol',
    `setRewardRate: ${formatToken(plan.rewardRate)} PRIME per compute unit per second`,
    await carol.setRewardRate({ poolId, rate: plan.rewardRate }),
  )
  const funded = await carol.fundPool({ poolId, amount: plan.poolFunding })
  if (funded.approveHash) {
    const receipt = await carol.getTransactionReceipt({ hash: funded.approveHash })
    sent('carol', 'approve the RewardsDistributor (fundPool does it when short)', {
      hash: funded.approveHash,
      receipt,
    })
  }
  sent(
    'carol',
    `fundPool ${formatToken(plan.poolFunding)} PRIME -> budget ${formatToken(funded.budget)} PRIME`,
    funded,
  )
  sent('carol', `startPool ${poolId}: PENDING -> ACTIVE`, await carol.startPool({ poolId }))

  // From here on every transaction's block time is pinned (see `timeline`).
  const t0 = (await chainClient.getBlock()).timestamp + 60n
  const at = async (offset: bigint) => {
    signal?.throwIfAborted()
    await chainClient.setNextBlockTimestamp({ timestamp: t0 + offset })
  }
  const clock = (offset: bigint) => `[t0+${formatDuration(offset)}]`

  step(9, 'Nodes join the pool with invites signed by the compute manager key')
  const expiry = t0 + 86_400n
  const invites = await Promise.all(
    nodes.map((node) => carol.signPoolInvite({ poolId, nodeKey: node.account.address, expiry })),
  )
  for (const [index, node] of nodes.entries()) {
    const nonce = invites[index]!.nonce.toString(16)
    say(
      `  carol     signPoolInvite for ${node.name} (off-chain): nonce 0x${nonce.slice(0, 4)}…${nonce.slice(-4)}, expires t0+24h`,
    )
  }
  await at(timeline.aliceJoins)
  const aliceJoined = await alice.joinPool({ poolId, invites: [invites[0]!, invites[1]!] })
  sent(
    'alice',
    `${clock(timeline.aliceJoins)} joinPool with ${aliceGpu1.name} and ${aliceGpu2.name} (one batch)`,
    aliceJoined,
  )
  await at(timeline.bobJoins)
  sent(
    'bob',
    `${clock(timeline.bobJoins)} joinPool with ${bobGpu1.name}`,
    await bob.joinPool({ poolId, invites: [invites[2]!] }),
  )
  const pool = await carol.getPool({ poolId })
  say(
    `  pool ${poolId}: ${pool.status}, ${pool.nodeCount} nodes, ${pool.totalCompute} compute units`,
  )

  step(10, 'Time passes on the chain: one hour')
  await at(timeline.hourLater)
  await chainClient.mine({ blocks: 1 })
  say(`  ⏩ ${clock(timeline.hourLater)} evm_setNextBlockTimestamp + evm_mine`)
  for (const node of nodes) {
    const { total } = await alice.getPendingRewards({ poolId, nodeKey: node.account.address })
    const joined = node.provider === 'alice' ? timeline.aliceJoins : timeline.bobJoins
    const active = timeline.hourLater - joined
    say(
      `  ${node.name.padEnd(11)} pending ${formatToken(total)} PRIME = ${formatToken(plan.rewardRate)} x ${node.computeUnits} units x ${active} s`,
    )
  }

  step(11, 'One node is ejected by the compute manager, one leaves')
  await at(timeline.managerEjects)
  sent(
    'carol',
    `${clock(timeline.managerEjects)} ejectNode ${aliceGpu2.name}`,
    await carol.ejectNode({ poolId, nodeKey: aliceGpu2.account.address }),
  )
  await at(timeline.bobLeaves)
  sent(
    'bob',
    `${clock(timeline.bobLeaves)} leavePool with ${bobGpu1.name}`,
    await bob.leavePool({ poolId, nodeKeys: [bobGpu1.account.address] }),
  )
  const remaining = await carol.getPoolNodes({ poolId })
  say(
    `  pool ${poolId} now has ${remaining.length} node(s): ${remaining.map((node) => nodes.find((n) => n.account.address === node.nodeKey)?.name).join(', ')}`,
  )

  step(12, 'Providers claim their rewards; the compute manager ends the pool')
  const claimed = new Map<Address, bigint>()
  await at(timeline.aliceClaims)
  const aliceClaim = await alice.claimRewards({
    poolId,
    nodeKeys: [aliceGpu1.account.address, aliceGpu2.account.address],
  })
  sent(
    'alice',
    `${clock(timeline.aliceClaims)} claimRewards: ${formatToken(aliceClaim.total)} PRIME`,
    aliceClaim,
  )
  await at(timeline.bobClaims)
  const bobClaim = await bob.claimRewards({ poolId, nodeKeys: [bobGpu1.account.address] })
  sent(
    'bob',
    `${clock(timeline.bobClaims)} claimRewards: ${formatToken(bobClaim.total)} PRIME`,
    bobClaim,
  )
  for (const claim of [...aliceClaim.claims, ...bobClaim.claims]) {
    claimed.set(claim.nodeKey, (claimed.get(claim.nodeKey) ?? 0n) + claim.amount)
    const node = nodes.find((n) => n.account.address === claim.nodeKey)!
    say(`  ${node.name.padEnd(11)} claimed ${formatToken(claim.amount)} PRIME`)
  }
  await at(timeline.managerEndsPool)
  sent(
    'carol',
    `${clock(timeline.managerEndsPool)} endPool ${poolId}: ACTIVE -> COMPLETED (${aliceGpu1.name} stops earning)`,
    await carol.endPool({ poolId }),
  )
  const refund = await carol.withdrawUnusedBudget({ poolId })
  sent(
    'carol',
    `withdrawUnusedBudget: ${formatToken(refund.amount)} PRIME no node accrued goes back to carol`,
    refund,
  )

  step(13, 'Bob exits: removes his node, reclaims his stake, withdraws after unbonding')
  await at(timeline.bobRemovesNode)
  sent(
    'bob',
    `${clock(timeline.bobRemovesNode)} removeNode ${bobGpu1.name}`,
    await bob.removeNode({ nodeKey: bobGpu1.account.address }),
  )
  await at(timeline.bobReclaims)
  const reclaimed = await bob.reclaimStake({ amount: plan.bobStake })
  sent(
    'bob',
    `${clock(timeline.bobReclaims)} reclaimStake ${formatToken(plan.bobStake)} PRIME: unbonding until t0+${formatDuration(reclaimed.unlockTime - t0)}`,
    reclaimed,
  )
  const early = await bob.withdrawStake().catch((error: unknown) => error)
  if (!(early instanceof ContractErrors.NothingToWithdraw))
    throw new Error('withdrawing before the unbonding period ended should fail', { cause: early })
  say(`  bob       withdrawStake now -> ${early.name} (caught in simulation, nothing sent)`)
  const unlockOffset = reclaimed.unlockTime - t0
  await at(unlockOffset)
  await chainClient.mine({ blocks: 1 })
  say(
    `  ⏩ ${clock(unlockOffset)} ${formatDuration(plan.unbondingPeriod)} pass: evm_setNextBlockTimestamp + evm_mine`,
  )
  const withdrawOffset = unlockOffset + 60n
  await at(withdrawOffset)
  const withdrawn = await bob.withdrawStake()
  sent(
    'bob',
    `${clock(withdrawOffset)} withdrawStake: ${formatToken(withdrawn.amount)} PRIME back in his wallet`,
    withdrawn,
  )

  step(14, 'Summary')
  const providers: DemoProvider[] = []
  for (const [provider, staked, withdrawnAmount] of [
    [alice, plan.aliceStake, 0n],
    [bob, plan.bobStake, withdrawn.amount],
  ] as const) {
    const address = provider.account.address
    const stake = await provider.getStake({ provider: address })
    providers.push({
      name: names.get(address)!,
      address,
      staked,
      activeStake: stake.active,
      unbonding: stake.unbonding,
      withdrawn: withdrawnAmount,
      rewardsClaimed: (address === alice.account.address ? aliceClaim : bobClaim).total,
      balanceBefore: balancesBefore.get(address)!,
      balanceAfter: await balanceOf(address),
    })
  }
  const claimTimes = {
    [aliceGpu1.name]: timeline.aliceClaims - timeline.aliceJoins,
    [aliceGpu2.name]: timeline.managerEjects - timeline.aliceJoins,
    [bobGpu1.name]: timeline.bobLeaves - timeline.bobJoins,
  }
  const demoNodes: DemoNode[] = []
  for (const node of nodes) {
    const { total } = await alice.getPendingRewards({ poolId, nodeKey: node.account.address })
    demoNodes.push({
      name: node.name,
      nodeKey: node.account.address,
      provider: node.provider,
      computeUnits: node.computeUnits,
      claimedSeconds: claimTimes[node.name]!,
      claimed: claimed.get(node.account.address) ?? 0n,
      pending: total,
    })
  }
  const finalPool = await carol.getPool({ poolId })
  const creator = {
    name: 'carol',
    address: carol.account.address,
    balanceBefore: balancesBefore.get(carol.account.address)!,
    balanceAfter: await balanceOf(carol.account.address),
  }

  say()
  for (const line of formatTable(
    ['node', 'provider', 'units', 'active s', 'rate x units x s', 'claimed', 'pending'],
    demoNodes.map((node) => [
      node.name,
      node.provider,
      String(node.computeUnits),
      formatNumber(node.claimedSeconds),
      formatToken(plan.rewardRate * node.computeUnits * node.claimedSeconds),
      formatToken(node.claimed),
      formatToken(node.pending),
    ]),
  ))
    say(`  ${line}`)
  say(`  (${aliceGpu1.name} earned on after alice's claim until the pool ended: still claimable)`)
  say()
  for (const line of formatTable(
    ['provider', 'staked', 'active', 'unbonding', 'withdrawn', 'rewards', 'balance', 'change'],
    [
      ...providers.map((provider) => [
        provider.name,
        formatToken(provider.staked),
        formatToken(provider.activeStake),
        formatToken(provider.unbonding),
        formatToken(provider.withdrawn),
        formatToken(provider.rewardsClaimed),
        formatToken(provider.balanceAfter),
        formatDelta(provider.balanceAfter - provider.balanceBefore),
      ]),
      [
        `${creator.name} (pool)`,
        '',
        '',
        '',
        '',
        '',
        formatToken(creator.balanceAfter),
        formatDelta(creator.balanceAfter - creator.balanceBefore),
      ],
    ],
  ))
    say(`  ${line}`)
  say()
  say(
    `  pool ${poolId}: funded ${formatToken(plan.poolFunding)} PRIME, claimed ${formatToken(aliceClaim.total + bobClaim.total)}, returned to carol ${formatToken(refund.amount)}, budget left ${formatToken(finalPool.rewardBudget)} (amounts in PRIME)`,
  )
  say(`  ${transactions} transactions, ${formatNumber(gasUsed)} gas in total`)

  return {
    rpcUrl,
    deployment,
    stakeMinimum: plan.stakeMinimum,
    unbondingPeriod: plan.unbondingPeriod,
    domainId: domain.domainId,
    poolId,
    rewardRate: finalPool.rewardRate,
    poolFunded: plan.poolFunding,
    poolBudgetReturned: refund.amount,
    poolBudgetLeft: finalPool.rewardBudget,
    providers,
    creator,
    nodes: demoNodes,
    transactions,
    gasUsed,
  }
}
