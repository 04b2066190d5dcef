/**
 * `@prime-network/sdk/explain`: what went wrong, in the words a person acts on. One module for
 * every app on the SDK (the CLI prints it, the dashboard shows it), so an error reads the same
 * everywhere. A subpath of its own because its words are text a dApp that only sends
 * transactions need not ship.
 */
import { BaseError, type Hex } from 'viem'
import { PrimeNetworkError } from '../errors/base.js'
import { type ContractErrorArgs, type ContractErrorName, decodeRevert } from '../errors/contract.js'
import { roleIds } from '../internal/roles.js'
import { formatDuration, formatTime, formatTokenAmount } from './format.js'

export { formatDuration, formatTime, formatTokenAmount, wallClock } from './format.js'

type Address = `0x${string}`

/** How {@link explainError} writes figures. */
export type ExplainErrorOptions = {
  /** The stake token's decimals (default 18). */
  decimals?: number | undefined
  /** The stake token's symbol (default `PRIME`). */
  symbol?: string | undefined
  /** "Now" for times, in unix seconds: pass the chain's latest block time when you have it. */
  now?: bigint | undefined
  /** The account that signed, for errors that do not name it (viem's "insufficient funds"). */
  account?: Address | undefined
}

/**
 * A next step an app can offer as a button or a command: the SDK action that takes it, with what
 * the error already knows of its parameters. Only steps the user who hit the error can take.
 */
export type NextAction =
  | { name: 'increaseStake'; amount: bigint }
  | { name: 'withdrawStake' }
  | { name: 'startPool'; poolId: bigint }
  | { name: 'fundPool'; poolId: bigint; amount: bigint }

/** An error, explained. */
export type ErrorExplanation = {
  /** The error's name: the Solidity error's for a revert, the class name otherwise. */
  name: string
  /** What happened, in one sentence, with amounts in tokens, roles by name, accounts by address. */
  summary: string
  /** One line on what to do next, when there is something to do. */
  next: string | undefined
  /** The error's own arguments, raw and exact (a revert's decoded arguments), when it has any. */
  args: Readonly<Record<string, unknown>> | undefined
  /** The next step as an SDK action, when the user can take it with one. */
  action: NextAction | undefined
}

type Words = { summary: string; next?: string; action?: NextAction }

/** The figures an explanation writes, bound to the token and the time of one call. */
type Figures = {
  amount: (value: bigint) => string
  duration: (seconds: bigint) => string
  time: (seconds: bigint) => string
  role: (id: Hex) => string
}

const poolStatuses = ['PENDING', 'ACTIVE', 'COMPLETED'] as const

/**
 * Every protocol error, explained. Keyed by `ContractErrorName` and checked against the ABI, so a
 * new error without words fails to compile (and a test lists the ABI's names against these).
 */
const contractErrors: {
  [name in ContractErrorName]: (
    args: ContractErrorArgs<name>,
    f: Figures,
    /** The contract function whose call reverted, when the error says (viem's contract errors do). */
    call: string | undefined,
  ) => Words
} = {
  // Access and roles
  MissingRole: (a, f) => ({
    summary: `${a.account} is not the ${f.role(a.role)}: only the ${f.role(a.role)} may do this.`,
    next: `Sign with the ${f.role(a.role)}'s account.`,
  }),
  AccessControlUnauthorizedAccount: (a, f) => ({
    summary: `${a.account} does not hold the ${f.role(a.neededRole)} role on the token.`,
    next: `Sign with an account that holds the ${f.role(a.neededRole)} role.`,
  }),
  AccessControlBadConfirmation: () => ({
    summary: 'A role can only be renounced by its holder, confirming its own address.',
    next: 'Sign with the account that renounces, and name that account.',
  }),
  UnknownRole: (a, f) => ({
    summary: `${f.role(a.role)} is not a role of the network: it has the federator and the validator.`,
    next: "Name the role 'federator' or 'validator'.",
  }),
  NoPendingRoleTransfer: (a, f) => ({
    summary: `No handover of the ${f.role(a.role)} role is pending.`,
    next: `The sitting ${f.role(a.role)} (or the federator) proposes the handover first.`,
  }),
  CallerNotPendingRoleHolder: (a, f) => ({
    summary: `${a.caller} is not the proposed new ${f.role(a.role)}.`,
    next: `Accept the role with the account the handover names.`,
  }),
  RoleTransferProposedByFederator: (a, f) => ({
    summary: `The federator proposed ${a.pendingHolder} as the new ${f.role(a.role)}; the sitting ${f.role(a.role)} cannot cancel or replace that handover.`,
    next: `Ask the federator, or let ${a.pendingHolder} accept.`,
  }),
  CallerNotPrimeNetwork: (a) => ({
    summary: `${a.caller} called a module function that only the PrimeNetwork contract may call.`,
    next: 'Call PrimeNetwork (the SDK does) instead of the module.',
  }),
  CallerNotComputePool: (a) => ({
    summary: `${a.caller} called a function that only the ComputePool contract may call.`,
    next: 'Call ComputePool (the SDK does) instead.',
  }),
  CallerNotNodeProvider: (a) => ({
    summary: `${a.caller} is not the provider of node ${a.nodeKey}.`,
    next: "Sign with the node's provider account.",
  }),
  CallerNotNodeOrProvider: (a) => ({
    summary: `Only node ${a.nodeKey} itself or its provider may submit its work, not ${a.caller}.`,
    next: 'Sign with the node key or its provider account.',
  }),
  CallerNotPoolCreator: (a) => ({
    summary: `${a.caller} is not the creator of pool ${a.poolId}.`,
    next: "Sign with the pool creator's account.",
  }),
  CallerNotPoolOperator: (a) => ({
    summary: `${a.caller} is neither the creator nor the compute manager key of pool ${a.poolId}.`,
    next: "Sign with the pool creator's account or its compute manager key.",
  }),

  // Pause
  NetworkPaused: () => ({
    summary:
      'The network is paused: registration, node adds, pool joins and work submissions wait. Claims and withdrawals still work.',
    next: 'Wait for the federator to unpause the network.',
  }),
  AlreadyPaused: () => ({
    summary: 'The network is already paused.',
    next: 'Nothing to do.',
  }),
  NotPaused: () => ({ summary: 'The network is not paused.', next: 'Nothing to do.' }),

  // Providers, stake and nodes
  ProviderAlreadyRegistered: (a) => ({
    summary: `${a.provider} is already registered as a provider.`,
    next: 'Add stake or nodes to it instead of registering again.',
  }),
  ProviderNotRegistered: (a) => ({
    summary: `${a.provider} is not registered as a provider.`,
    next: 'Register it as a provider (with stake) first.',
  }),
  ProviderNotWhitelisted: (a) => ({
    summary: `Provider ${a.provider} is not whitelisted on the network.`,
    next: 'Ask a validator to whitelist the provider.',
  }),
  // One error for three calls, each with its own way out: `actual` is what a reclaim would leave,
  // what a registration offers, or what is staked when a node is added.
  InsufficientStake: (a, f, call) =>
    call === 'reclaimStake'
      ? {
          summary: `Reclaiming would leave provider ${a.provider} ${f.amount(a.actual)} staked, below the ${f.amount(a.required)} it must keep (what its nodes require, or the minimum while its work is locked).`,
          next: `Reclaim ${f.amount(a.required - a.actual)} less, or remove nodes first.`,
        }
      : call === 'registerProvider' || call === 'registerProviderWithPermit'
        ? {
            summary: `Registering takes a stake of at least ${f.amount(a.required)}; ${a.provider} offered ${f.amount(a.actual)}.`,
            next: `Register with a stake of at least ${f.amount(a.required)}.`,
          }
        : {
            summary: `Provider ${a.provider} has ${f.amount(a.actual)} staked; its nodes require ${f.amount(a.required)}.`,
            next: `Stake ${f.amount(a.required - a.actual)} more.`,
            action: { name: 'increaseStake', amount: a.required - a.actual },
          },
  InsufficientActiveStake: (a, f) => ({
    summary: `Provider ${a.provider} asked to unbond ${f.amount(a.requested)} but has ${f.amount(a.active)} active stake.`,
    next: `Reclaim at most ${f.amount(a.active)}.`,
  }),
  TooManyPendingUnbonds: (a) => ({
    summary: `Provider ${a.provider} already has ${a.max} pending unbonds, the most it may have.`,
    next: 'Withdraw the matured unbonds (or wait for some to mature) before reclaiming more.',
    action: { name: 'withdrawStake' },
  }),
  NothingToWithdraw: (a) => ({
    summary: `Provider ${a.provider} has no stake that has finished unbonding.`,
    next: 'Wait until an unbond matures (the provider status shows when).',
  }),
  NodeAlreadyRegistered: (a) => ({
    summary: `Node ${a.nodeKey} is already registered, to provider ${a.provider}.`,
    next: 'Use a new node key (a key belongs to one provider).',
  }),
  NodeNotRegistered: (a) => ({
    summary: `Node ${a.nodeKey} is not registered.`,
    next: 'Check the node key, or add the node first.',
  }),
  NodeActive: (a) => ({
    summary: `Node ${a.nodeKey} is active in a pool.`,
    next: 'Leave the pool with it first.',
  }),
  NodeNotActive: (a) => ({
    summary: `Node ${a.nodeKey} is not active in any pool.`,
    next: 'Nothing to do.',
  }),
  NodeNotValidated: (a) => ({
    summary: `Node ${a.nodeKey} has not been validated.`,
    next: 'Ask a validator to validate the node.',
  }),
  InvalidComputeUnits: (a) => ({
    summary: `${a.computeUnits} compute units is out of range: a node has 1 to ${a.max}.`,
    next: `Give the node between 1 and ${a.max} compute units.`,
  }),
  BenchmarkScoreTooLarge: (a) => ({
    summary: `A benchmark score of ${a.score} is above the most allowed, ${a.max}.`,
    next: `Use a score of at most ${a.max}.`,
  }),
  TooManyNodes: (a) => ({
    summary: `Provider ${a.provider} already has ${a.max} nodes, the most one provider may register.`,
    next: 'Remove a node before adding another.',
  }),
  InvalidNodeSignature: (a) => ({
    summary: `Node key ${a.nodeKey} did not sign the ownership proof for provider ${a.provider} (or signed an old one).`,
    next: 'Sign the proof with the node key itself, for this provider.',
  }),
  NodeSignatureExpired: (a, f) => ({
    summary: `The ownership proof of node ${a.nodeKey} expired at ${f.time(a.deadline)}.`,
    next: 'Sign a new proof with the node key and send it promptly.',
  }),

  // Domains and pools
  DomainNotFound: (a) => ({
    summary: `Domain ${a.domainId} does not exist.`,
    next: 'Check the domain id (the domain list shows them).',
  }),
  EmptyDomainName: () => ({
    summary: 'A domain needs a name.',
    next: 'Give the domain a non-empty name.',
  }),
  InvalidValidationLogic: (a) => ({
    summary: `${a.validationLogic} is not a contract, so it cannot validate work.`,
    next: 'Name a deployed validation contract (the network status shows the shipped one), or none.',
  }),
  NoValidationLogic: (a) => ({
    summary: `Domain ${a.domainId} has no validation logic, so its pools accept no work.`,
    next: 'Ask the federator to set a validation logic on the domain.',
  }),
  PoolNotFound: (a) => ({
    summary: `Pool ${a.poolId} does not exist.`,
    next: 'Check the pool id (the pool list shows them).',
  }),
  InvalidPoolStatus: (a) => {
    const status = poolStatuses[Number(a.status)] ?? `status ${a.status}`
    return status === 'PENDING'
      ? {
          summary: `Pool ${a.poolId} is PENDING: it has not started.`,
          next: 'The pool creator or manager starts the pool first.',
          action: { name: 'startPool', poolId: a.poolId },
        }
      : {
          summary: `Pool ${a.poolId} is ${status}: this is not allowed in that state.`,
          next:
            status === 'COMPLETED'
              ? 'The pool has ended: use another pool.'
              : 'Check the pool status.',
        }
  },
  SamePool: (a) => ({
    summary: `Moving nodes needs two different pools; both are pool ${a.poolId}.`,
    next: 'Name a different target pool.',
  }),
  PoolComputeLimitExceeded: (a) => ({
    summary: `Joining would bring pool ${a.poolId} to ${a.totalCompute} compute units, above its limit of ${a.limit}.`,
    next: 'Join with fewer compute units, or ask the pool creator to raise the limit.',
  }),
  ComputeLimitBelowTotal: (a) => ({
    summary: `A compute limit of ${a.computeLimit} is below the ${a.totalCompute} compute units already in pool ${a.poolId}.`,
    next: `Set a limit of at least ${a.totalCompute}, or 0 for none.`,
  }),
  ComputeLimitTooLarge: (a) => ({
    summary: `A compute limit of ${a.computeLimit} is above the most allowed, ${a.max}.`,
    next: `Set a limit of at most ${a.max}, or 0 for none.`,
  }),
  ProviderBlacklisted: (a) => ({
    summary: `Provider ${a.provider} is blacklisted from pool ${a.poolId}.`,
    next: 'Use another pool.',
  }),
  NodeBlacklisted: (a) => ({
    summary: `Node ${a.nodeKey} is blacklisted from pool ${a.poolId}.`,
    next: 'Use another pool.',
  }),
  NodeProviderNotBlacklisted: (a) => ({
    summary: `Purging node ${a.nodeKey} from pool ${a.poolId} needs its provider ${a.provider} to be blacklisted there.`,
    next: 'Blacklist the provider from the pool first, or eject the node instead.',
  }),
  NodeNotInPool: (a) => ({
    summary: `Node ${a.nodeKey} is not in pool ${a.poolId}.`,
    next: 'Check the pool id and node key (the pool members list shows them).',
  }),
  TooManyPoolNodes: (a) => ({
    summary: `Pool ${a.poolId} already holds ${a.max} nodes, the most a pool may hold.`,
    next: 'Use another pool.',
  }),
  PreviousProviderWorkLocked: (a) => ({
    summary: `Node ${a.nodeKey} cannot rejoin pool ${a.poolId} under a new provider while work rewards of its previous provider ${a.previousProvider} there are locked.`,
    next: "Wait until the previous provider's work in that pool unlocks.",
  }),

  // Invites
  InviteExpired: (a, f) => ({
    summary: `The invite of node ${a.nodeKey} to pool ${a.poolId} expired at ${f.time(a.expiry)}.`,
    next: "Ask the pool's manager for a new invite.",
  }),
  InviteNonceUsed: (a) => ({
    summary: `Invite nonce ${a.nonce} of pool ${a.poolId} was already used or cancelled.`,
    next: "Ask the pool's manager for a new invite.",
  }),
  InvalidInviteSignature: (a) => ({
    summary: `The invite of node ${a.nodeKey} to pool ${a.poolId} was not signed by the pool's current compute manager key, or not for this provider.`,
    next: "Ask the pool's manager for a new invite, made out to this node and provider.",
  }),

  // Rewards and budget
  InsufficientBudget: (a, f) => ({
    summary: `Pool ${a.poolId} has ${f.amount(a.budget)} of budget left, less than this work's reward of ${f.amount(a.reward)}.`,
    next: `Fund the pool with at least ${f.amount(a.reward - a.budget)} more.`,
    action: { name: 'fundPool', poolId: a.poolId, amount: a.reward - a.budget },
  }),
  NoUnusedBudget: (a) => ({
    summary: `Pool ${a.poolId} has no unaccrued budget left to withdraw.`,
    next: 'Nothing to do.',
  }),
  PoolAlreadyEnded: (a) => ({
    summary: `Pool ${a.poolId} has ended: it takes no more funding or rate changes.`,
    next: 'Use another pool.',
  }),
  PoolNotEnded: (a) => ({
    summary: `Pool ${a.poolId} has not ended: its budget stays until it does.`,
    next: 'End the pool first.',
  }),

  // Work
  InvalidWorkUnits: (a) => ({
    summary: `${a.units} work units is out of range: 1 to ${a.max}.`,
    next: `Submit between 1 and ${a.max} work units.`,
  }),
  WorkKeyUsed: (a) => ({
    summary: `Node ${a.nodeKey} already submitted work ${a.workKey}: it is paid, locked, or invalidated for good.`,
    next: 'Submit new work under a new work key.',
  }),
  WorkRateBelowTerms: (a, f) => ({
    summary: `Pool ${a.poolId} pays ${f.amount(a.workRate)} per work unit, less than the ${f.amount(a.minWorkRate)} this submission accepts.`,
    next: 'Read the pool terms again and submit with them, or use another pool.',
  }),
  WorkLockPeriodAboveTerms: (a, f) => ({
    summary: `Pool ${a.poolId} locks work rewards for ${f.duration(a.lockPeriod)}, longer than the ${f.duration(a.maxLockPeriod)} this submission accepts.`,
    next: 'Read the pool terms again and submit with them, or use another pool.',
  }),
  NodeLockedWorkAboveLimit: (a, f) => ({
    summary: `Node ${a.nodeKey} would have ${f.amount(a.locked)} of work rewards locked in pool ${a.poolId}, above the pool's limit of ${f.amount(a.limit)} per node.`,
    next: "Wait until some of the node's work unlocks, then submit again.",
  }),
  WorkNotFound: (a) => ({
    summary: `Node ${a.nodeKey} has no accepted work ${a.workKey}.`,
    next: 'Check the node key and work key (the work list shows them).',
  }),
  WorkAlreadyInvalidated: (a) => ({
    summary: `Work ${a.workKey} of node ${a.nodeKey} was already invalidated.`,
    next: 'Nothing to do.',
  }),
  WorkFinal: (a, f) => ({
    summary: `Work ${a.workKey} of node ${a.nodeKey} unlocked at ${f.time(a.unlockAt)}: it is final and can no longer be invalidated.`,
    next: 'Nothing can be done about this work; forfeit or slash if the node misbehaves.',
  }),
  WorkLockPeriodFixed: (a) => ({
    summary: `Pool ${a.poolId} has accepted work, so its lock window no longer changes.`,
    next: 'Create a new pool for a different window.',
  }),
  WorkLockPeriodTooShort: (a, f) => ({
    summary: `A lock window of ${f.duration(a.period)} is below the network's minimum of ${f.duration(a.minimum)}.`,
    next: `Use a window of at least ${f.duration(a.minimum)}.`,
  }),
  WorkLockPeriodTooLong: (a, f) => ({
    summary: `A lock window of ${f.duration(a.period)} is above the most allowed, ${f.duration(a.max)}.`,
    next: `Use a window of at most ${f.duration(a.max)}.`,
  }),
  InvalidWorkData: (a) => ({
    summary: `Work data of ${a.length} bytes is not a work key and a unit count (64 bytes).`,
    next: 'Submit a 32-byte work key and a unit count.',
  }),
  ZeroWorkUnits: () => ({
    summary: 'A work of zero units.',
    next: 'Submit at least 1 work unit.',
  }),
  WorkUnitsAboveCap: (a) => ({
    summary: `${a.units} work units is above domain ${a.domainId}'s cap of ${a.cap}${a.cap === 0n ? ' (no cap set yet: no work is accepted)' : ''}.`,
    next:
      a.cap === 0n
        ? "Ask the federator to set the domain's work units cap."
        : `Submit at most ${a.cap} units.`,
  }),

  // Network parameters
  InvalidTreasury: (a) => ({
    summary: `${a.treasury} is a protocol contract or the token; slashed stake sent there would be stuck.`,
    next: 'Name an account or a contract outside the protocol as the treasury.',
  }),
  UnbondingPeriodTooLong: (a, f) => ({
    summary: `An unbonding period of ${f.duration(a.period)} is above the most allowed, ${f.duration(a.max)}.`,
    next: `Use a period of at most ${f.duration(a.max)}.`,
  }),

  // Input checks
  ZeroAddress: () => ({
    summary: 'An address is zero where a real address is required.',
    next: 'Pass a non-zero address.',
  }),
  ZeroAmount: () => ({
    summary: 'An amount is zero where a positive amount is required.',
    next: 'Pass an amount above 0.',
  }),
  AmountTooLarge: (a, f) => ({
    summary: `${f.amount(a.amount)} is more than the contract can hold here, at most ${f.amount(a.max)}.`,
    next: `Use at most ${f.amount(a.max)}.`,
  }),
  EmptyBatch: () => ({
    summary: 'A list of nodes or works is empty.',
    next: 'Name at least one.',
  }),
  SafeCastOverflowedUintDowncast: (a) => ({
    summary: `${a.value} does not fit in ${a.bits} bits.`,
    next: 'Use a smaller value.',
  }),
  StringTooLong: (a) => ({
    summary: `The text '${a.str}' is too long for the token's name or version.`,
    next: 'Use a shorter text.',
  }),
  InvalidShortString: () => ({
    summary: 'A text is too long to be stored as a short string.',
    next: 'Use a shorter text.',
  }),
  ReentrancyGuardReentrantCall: () => ({
    summary: 'The call re-entered the contract while it was running, and was refused.',
    next: 'Call the contract directly, not from inside one of its own calls.',
  }),

  // The token and signatures
  ERC20InsufficientBalance: (a, f) => ({
    summary: `${a.sender} holds ${f.amount(a.balance)}, but ${f.amount(a.needed)} is needed.`,
    next: `Get ${f.amount(a.needed - a.balance)} more into ${a.sender}, or use a smaller amount.`,
  }),
  ERC20InsufficientAllowance: (a, f) => ({
    summary: `${a.spender} may spend ${f.amount(a.allowance)} of the owner's tokens, but needs ${f.amount(a.needed)}.`,
    next: `Approve ${f.amount(a.needed)} for ${a.spender} (the SDK's writes approve for you).`,
  }),
  ERC20InvalidApprover: (a) => ({
    summary: `${a.approver} cannot approve tokens.`,
    next: 'Approve from a real account.',
  }),
  ERC20InvalidReceiver: (a) => ({
    summary: `${a.receiver} cannot receive tokens.`,
    next: 'Send to a real account.',
  }),
  ERC20InvalidSender: (a) => ({
    summary: `${a.sender} cannot send tokens.`,
    next: 'Send from a real account.',
  }),
  ERC20InvalidSpender: (a) => ({
    summary: `${a.spender} cannot be approved to spend tokens.`,
    next: 'Approve a real account.',
  }),
  ERC2612ExpiredSignature: (a, f) => ({
    summary: `The token permit expired at ${f.time(a.deadline)}.`,
    next: 'Sign a new permit and send it promptly.',
  }),
  ERC2612InvalidSigner: (a) => ({
    summary: `The token permit was signed by ${a.signer}, not by the owner ${a.owner}.`,
    next: "Sign the permit with the owner's account.",
  }),
  InvalidAccountNonce: (a) => ({
    summary: `The permit's nonce is out of date for ${a.account}: the token expects nonce ${a.currentNonce}.`,
    next: 'Sign a new permit.',
  }),
  ECDSAInvalidSignature: () => ({
    summary: 'A signature is invalid.',
    next: 'Sign again with the right key.',
  }),
  ECDSAInvalidSignatureLength: (a) => ({
    summary: `A signature of ${a.length} bytes is not a valid signature (65 bytes).`,
    next: 'Sign again; pass the whole signature.',
  }),
  ECDSAInvalidSignatureS: () => ({
    summary: 'A signature is malleable (its s value is in the upper half) and was refused.',
    next: 'Sign again with a standard signer.',
  }),
  SafeERC20FailedOperation: (a) => ({
    summary: `A transfer of token ${a.token} failed.`,
    next: 'Check the token balance and allowance.',
  }),
}

/** The contract errors {@link explainError} has words for: every protocol error, by name. */
export const explainedContractErrors = Object.keys(contractErrors) as ContractErrorName[]

function figures(options: ExplainErrorOptions): Figures {
  const { decimals = 18, symbol = 'PRIME', now } = options
  return {
    amount: (value) => formatTokenAmount(value, { decimals, symbol }),
    duration: formatDuration,
    time: (seconds) => formatTime(seconds, now),
    role: (id) =>
      id === roleIds.federator
        ? 'federator'
        : id === roleIds.validator
          ? 'validator'
          : `unknown role ${id}`,
  }
}

type Cause = { name?: string; sender?: Address; functionName?: unknown; cause?: unknown }

/** The first error of the cause chain (this error, then its causes) for which `pick` has a value. */
function fromCauses<value>(error: unknown, pick: (item: Cause) => value | undefined) {
  let item = error as Cause | undefined
  for (let depth = 0; item && depth < 20; depth += 1) {
    const value = pick(item)
    if (value !== undefined) return value
    item = item.cause as Cause | undefined
  }
  return undefined
}

/**
 * Explains an error from the SDK (or viem, or anything thrown) for people: what happened in the
 * token's units, roles by name and accounts by address, and one line on what to do next. `args`
 * keeps the raw arguments for machines. A protocol revert is decoded first, so a raw viem error
 * works too.
 *
 * @param error What was thrown.
 * @param options The token's decimals and symbol, "now" for times, and the signing account.
 * @returns `{ name, summary, next, args, action }`.
 *
 * @example
 * import { explainError } from '@prime-network/sdk/explain'
 * try {
 *   await client.addNode({ node, computeUnits: 10n, specsURI })
 * } catch (error) {
 *   const { summary, next } = explainError(error)
 *   console.error(summary, next)
 * }
 */
export function explainError(error: unknown, options: ExplainErrorOptions = {}): ErrorExplanation {
  const revert = decodeRevert(error)
  if (revert) {
    const args = revert.args as Record<string, unknown>
    const explain = contractErrors[revert.name] as (
      args: unknown,
      f: Figures,
      call: string | undefined,
    ) => Words
    const call = fromCauses(error, (item) =>
      typeof item.functionName === 'string' ? item.functionName : undefined,
    )
    const words = explain(args, figures(options), call)
    return {
      name: revert.name,
      summary: words.summary,
      next: words.next,
      args,
      action: words.action,
    }
  }
  // A write that cannot pay for its gas: viem says the balance is too low, not whose.
  if (fromCauses(error, (item) => (item.name === 'InsufficientFundsError' ? item : undefined))) {
    const account = fromCauses(error, (item) => item.sender) ?? options.account
    const who = account ?? 'The signing account'
    return {
      name: 'InsufficientFundsError',
      summary: `${who} has too little ETH to pay for this transaction's gas.`,
      next: account
        ? `Send ETH to ${account} for gas, then run this again.`
        : 'Send it ETH for gas, then run this again.',
      args: account ? { account } : undefined,
      action: undefined,
    }
  }
  if (error instanceof PrimeNetworkError)
    return {
      name: error.name,
      summary: error.shortMessage,
      // The SDK's own errors say what to do in their details where they know it; an error with a
      // cause has that cause's message there instead.
      next: error.cause === undefined ? error.details : undefined,
      args: undefined,
      action: undefined,
    }
  const described = error as { name?: string; shortMessage?: string; message?: string }
  return {
    name: described?.name ?? 'Error',
    summary:
      error instanceof BaseError
        ? error.shortMessage
        : (described?.shortMessage ?? described?.message ?? String(error)),
    next: undefined,
    args: undefined,
    action: undefined,
  }
}
