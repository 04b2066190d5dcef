import type { Account, Chain, Client, Transport } from 'viem'
import {
  type AcceptRoleParameters,
  type AcceptRoleReturnType,
  acceptRole,
} from '../actions/acceptRole.js'
import { type AddNodeParameters, type AddNodeReturnType, addNode } from '../actions/addNode.js'
import {
  type BlacklistNodeParameters,
  type BlacklistNodeReturnType,
  blacklistNode,
} from '../actions/blacklistNode.js'
import {
  type BlacklistProviderParameters,
  type BlacklistProviderReturnType,
  blacklistProvider,
} from '../actions/blacklistProvider.js'
import {
  type CancelInviteNonceParameters,
  type CancelInviteNonceReturnType,
  cancelInviteNonce,
} from '../actions/cancelInviteNonce.js'
import {
  type CancelRoleTransferParameters,
  type CancelRoleTransferReturnType,
  cancelRoleTransfer,
} from '../actions/cancelRoleTransfer.js'
import {
  type ClaimRewardsParameters,
  type ClaimRewardsReturnType,
  claimRewards,
} from '../actions/claimRewards.js'
import {
  type CreateDomainParameters,
  type CreateDomainReturnType,
  createDomain,
} from '../actions/createDomain.js'
import {
  type CreatePoolParameters,
  type CreatePoolReturnType,
  createPool,
} from '../actions/createPool.js'
import {
  type EjectIneligibleNodesParameters,
  type EjectIneligibleNodesReturnType,
  ejectIneligibleNodes,
} from '../actions/ejectIneligibleNodes.js'
import {
  type EjectNodeParameters,
  type EjectNodeReturnType,
  ejectNode,
} from '../actions/ejectNode.js'
import { type EndPoolParameters, type EndPoolReturnType, endPool } from '../actions/endPool.js'
import {
  type ForfeitRewardsParameters,
  type ForfeitRewardsReturnType,
  forfeitRewards,
} from '../actions/forfeitRewards.js'
import { type FundPoolParameters, type FundPoolReturnType, fundPool } from '../actions/fundPool.js'
import {
  type GetDomainParameters,
  type GetDomainReturnType,
  getDomain,
} from '../actions/getDomain.js'
import {
  type GetEventsParameters,
  type GetEventsReturnType,
  getEvents,
  type ProtocolEventName,
} from '../actions/getEvents.js'
import {
  type GetMinimumStakeParameters,
  type GetMinimumStakeReturnType,
  getMinimumStake,
} from '../actions/getMinimumStake.js'
import { type GetNodeParameters, type GetNodeReturnType, getNode } from '../actions/getNode.js'
import {
  type GetPendingRewardsParameters,
  type GetPendingRewardsReturnType,
  getPendingRewards,
} from '../actions/getPendingRewards.js'
import {
  type GetPendingRoleHolderParameters,
  type GetPendingRoleHolderReturnType,
  getPendingRoleHolder,
} from '../actions/getPendingRoleHolder.js'
import { type GetPoolParameters, type GetPoolReturnType, getPool } from '../actions/getPool.js'
import {
  type GetPoolNodesParameters,
  type GetPoolNodesReturnType,
  getPoolNodes,
} from '../actions/getPoolNodes.js'
import {
  type GetPoolRewardsParameters,
  type GetPoolRewardsReturnType,
  getPoolRewards,
} from '../actions/getPoolRewards.js'
import {
  type GetProviderParameters,
  type GetProviderReturnType,
  getProvider,
} from '../actions/getProvider.js'
import { type GetStakeParameters, type GetStakeReturnType, getStake } from '../actions/getStake.js'
import { type GetWorkParameters, type GetWorkReturnType, getWork } from '../actions/getWork.js'
import {
  type IncreaseStakeParameters,
  type IncreaseStakeReturnType,
  increaseStake,
} from '../actions/increaseStake.js'
import {
  type InvalidateNodeParameters,
  type InvalidateNodeReturnType,
  invalidateNode,
} from '../actions/invalidateNode.js'
import {
  type InvalidateWorkParameters,
  type InvalidateWorkReturnType,
  invalidateWork,
} from '../actions/invalidateWork.js'
import {
  type IsInviteNonceUsedParameters,
  type IsInviteNonceUsedReturnType,
  isInviteNonceUsed,
} from '../actions/isInviteNonceUsed.js'
import { type JoinPoolParameters, type JoinPoolReturnType, joinPool } from '../actions/joinPool.js'
import {
  type LeavePoolParameters,
  type LeavePoolReturnType,
  leavePool,
} from '../actions/leavePool.js'
import {
  type MoveNodesParameters,
  type MoveNodesReturnType,
  moveNodes,
} from '../actions/moveNodes.js'
import { type PauseParameters, type PauseReturnType, pause } from '../actions/pause.js'
import {
  type ProposeRoleTransferParameters,
  type ProposeRoleTransferReturnType,
  proposeRoleTransfer,
} from '../actions/proposeRoleTransfer.js'
import {
  type ReclaimStakeParameters,
  type ReclaimStakeReturnType,
  reclaimStake,
} from '../actions/reclaimStake.js'
import {
  type RegisterProviderParameters,
  type RegisterProviderReturnType,
  registerProvider,
} from '../actions/registerProvider.js'
import {
  type RemoveNodeParameters,
  type RemoveNodeReturnType,
  removeNode,
} from '../actions/removeNode.js'
import {
  type SetComputeManagerKeyParameters,
  type SetComputeManagerKeyReturnType,
  setComputeManagerKey,
} from '../actions/setComputeManagerKey.js'
import {
  type SetMinWorkLockPeriodParameters,
  type SetMinWorkLockPeriodReturnType,
  setMinWorkLockPeriod,
} from '../actions/setMinWorkLockPeriod.js'
import {
  type SetNodeBenchmarkParameters,
  type SetNodeBenchmarkReturnType,
  setNodeBenchmark,
} from '../actions/setNodeBenchmark.js'
import {
  type SetRewardRateParameters,
  type SetRewardRateReturnType,
  setRewardRate,
} from '../actions/setRewardRate.js'
import {
  type SetStakeMinimumParameters,
  type SetStakeMinimumReturnType,
  setStakeMinimum,
} from '../actions/setStakeMinimum.js'
import {
  type SetTreasuryParameters,
  type SetTreasuryReturnType,
  setTreasury,
} from '../actions/setTreasury.js'
import {
  type SetUnbondingPeriodParameters,
  type SetUnbondingPeriodReturnType,
  setUnbondingPeriod,
} from '../actions/setUnbondingPeriod.js'
import {
  type SetWorkLockPeriodParameters,
  type SetWorkLockPeriodReturnType,
  setWorkLockPeriod,
} from '../actions/setWorkLockPeriod.js'
import {
  type SetWorkRewardRateParameters,
  type SetWorkRewardRateReturnType,
  setWorkRewardRate,
} from '../actions/setWorkRewardRate.js'
import {
  type SetWorkUnitsCapParameters,
  type SetWorkUnitsCapReturnType,
  setWorkUnitsCap,
} from '../actions/setWorkUnitsCap.js'
import {
  type SignNodeOwnershipParameters,
  type SignNodeOwnershipReturnType,
  signNodeOwnership,
} from '../actions/signNodeOwnership.js'
import {
  type SignPoolInviteParameters,
  type SignPoolInviteReturnType,
  signPoolInvite,
} from '../actions/signPoolInvite.js'
import { type SlashParameters, type SlashReturnType, slash } from '../actions/slash.js'
import {
  type SoftInvalidateWorkParameters,
  type SoftInvalidateWorkReturnType,
  softInvalidateWork,
} from '../actions/softInvalidateWork.js'
import {
  type StartPoolParameters,
  type StartPoolReturnType,
  startPool,
} from '../actions/startPool.js'
import {
  type SubmitWorkParameters,
  type SubmitWorkReturnType,
  submitWork,
} from '../actions/submitWork.js'
import { type UnpauseParameters, type UnpauseReturnType, unpause } from '../actions/unpause.js'
import {
  type UpdateDomainParameters,
  type UpdateDomainReturnType,
  updateDomain,
} from '../actions/updateDomain.js'
import {
  type UpdatePoolParameters,
  type UpdatePoolReturnType,
  updatePool,
} from '../actions/updatePool.js'
import {
  type ValidateNodeParameters,
  type ValidateNodeReturnType,
  validateNode,
} from '../actions/validateNode.js'
import {
  type WatchEventsParameters,
  type WatchEventsReturnType,
  watchEvents,
} from '../actions/watchEvents.js'
import {
  type WhitelistProviderParameters,
  type WhitelistProviderReturnType,
  whitelistProvider,
} from '../actions/whitelistProvider.js'
import {
  type WithdrawStakeParameters,
  type WithdrawStakeReturnType,
  withdrawStake,
} from '../actions/withdrawStake.js'
import {
  type WithdrawUnusedBudgetParameters,
  type WithdrawUnusedBudgetReturnType,
  withdrawUnusedBudget,
} from '../actions/withdrawUnusedBudget.js'
import type { Deployment } from '../deployments.js'

/** The Prime Network actions, bound to a client. */
export type PrimeNetworkActions = {
  submitWork: (parameters: SubmitWorkParameters) => Promise<SubmitWorkReturnType>
  invalidateWork: (parameters: InvalidateWorkParameters) => Promise<InvalidateWorkReturnType>
  softInvalidateWork: (
    parameters: SoftInvalidateWorkParameters,
  ) => Promise<SoftInvalidateWorkReturnType>
  getWork: (parameters: GetWorkParameters) => Promise<GetWorkReturnType>
  setWorkRewardRate: (
    parameters: SetWorkRewardRateParameters,
  ) => Promise<SetWorkRewardRateReturnType>
  setWorkLockPeriod: (
    parameters: SetWorkLockPeriodParameters,
  ) => Promise<SetWorkLockPeriodReturnType>
  setMinWorkLockPeriod: (
    parameters: SetMinWorkLockPeriodParameters,
  ) => Promise<SetMinWorkLockPeriodReturnType>
  setWorkUnitsCap: (parameters: SetWorkUnitsCapParameters) => Promise<SetWorkUnitsCapReturnType>
  acceptRole: (parameters: AcceptRoleParameters) => Promise<AcceptRoleReturnType>
  addNode: (parameters: AddNodeParameters) => Promise<AddNodeReturnType>
  blacklistNode: (parameters: BlacklistNodeParameters) => Promise<BlacklistNodeReturnType>
  blacklistProvider: (
    parameters: BlacklistProviderParameters,
  ) => Promise<BlacklistProviderReturnType>
  cancelInviteNonce: (
    parameters: CancelInviteNonceParameters,
  ) => Promise<CancelInviteNonceReturnType>
  cancelRoleTransfer: (
    parameters: CancelRoleTransferParameters,
  ) => Promise<CancelRoleTransferReturnType>
  claimRewards: (parameters: ClaimRewardsParameters) => Promise<ClaimRewardsReturnType>
  createDomain: (parameters: CreateDomainParameters) => Promise<CreateDomainReturnType>
  createPool: (parameters: CreatePoolParameters) => Promise<CreatePoolReturnType>
  ejectNode: (parameters: EjectNodeParameters) => Promise<EjectNodeReturnType>
  ejectIneligibleNodes: (
    parameters: EjectIneligibleNodesParameters,
  ) => Promise<EjectIneligibleNodesReturnType>
  endPool: (parameters: EndPoolParameters) => Promise<EndPoolReturnType>
  forfeitRewards: (parameters: ForfeitRewardsParameters) => Promise<ForfeitRewardsReturnType>
  fundPool: (parameters: FundPoolParameters) => Promise<FundPoolReturnType>
  getDomain: (parameters: GetDomainParameters) => Promise<GetDomainReturnType>
  getEvents: <eventName extends ProtocolEventName | undefined = undefined>(
    parameters?: GetEventsParameters<eventName>,
  ) => Promise<GetEventsReturnType<eventName>>
  getMinimumStake: (parameters?: GetMinimumStakeParameters) => Promise<GetMinimumStakeReturnType>
  getNode: (parameters: GetNodeParameters) => Promise<GetNodeReturnType>
  getPendingRewards: (
    parameters: GetPendingRewardsParameters,
  ) => Promise<GetPendingRewardsReturnType>
  getPendingRoleHolder: (
    parameters: GetPendingRoleHolderParameters,
  ) => Promise<GetPendingRoleHolderReturnType>
  getPool: (parameters: GetPoolParameters) => Promise<GetPoolReturnType>
  getPoolNodes: (parameters: GetPoolNodesParameters) => Promise<GetPoolNodesReturnType>
  getPoolRewards: (parameters: GetPoolRewardsParameters) => Promise<GetPoolRewardsReturnType>
  getProvider: (parameters: GetProviderParameters) => Promise<GetProviderReturnType>
  getStake: (parameters: GetStakeParameters) => Promise<GetStakeReturnType>
  increaseStake: (parameters: IncreaseStakeParameters) => Promise<IncreaseStakeReturnType>
  invalidateNode: (parameters: InvalidateNodeParameters) => Promise<InvalidateNodeReturnType>
  isInviteNonceUsed: (
    parameters: IsInviteNonceUsedParameters,
  ) => Promise<IsInviteNonceUsedReturnType>
  joinPool: (parameters: JoinPoolParameters) => Promise<JoinPoolReturnType>
  leavePool: (parameters: LeavePoolParameters) => Promise<LeavePoolReturnType>
  moveNodes: (parameters: MoveNodesParameters) => Promise<MoveNodesReturnType>
  pause: (parameters?: PauseParameters) => Promise<PauseReturnType>
  proposeRoleTransfer: (
    parameters: ProposeRoleTransferParameters,
  ) => Promise<ProposeRoleTransferReturnType>
  reclaimStake: (parameters: ReclaimStakeParameters) => Promise<ReclaimStakeReturnType>
  registerProvider: (parameters: RegisterProviderParameters) => Promise<RegisterProviderReturnType>
  removeNode: (parameters: RemoveNodeParameters) => Promise<RemoveNodeReturnType>
  setComputeManagerKey: (
    parameters: SetComputeManagerKeyParameters,
  ) => Promise<SetComputeManagerKeyReturnType>
  setNodeBenchmark: (parameters: SetNodeBenchmarkParameters) => Promise<SetNodeBenchmarkReturnType>
  setRewardRate: (parameters: SetRewardRateParameters) => Promise<SetRewardRateReturnType>
  setStakeMinimum: (parameters: SetStakeMinimumParameters) => Promise<SetStakeMinimumReturnType>
  setTreasury: (parameters: SetTreasuryParameters) => Promise<SetTreasuryReturnType>
  setUnbondingPeriod: (
    parameters: SetUnbondingPeriodParameters,
  ) => Promise<SetUnbondingPeriodReturnType>
  signNodeOwnership: (
    parameters: SignNodeOwnershipParameters,
  ) => Promise<SignNodeOwnershipReturnType>
  signPoolInvite: (parameters: SignPoolInviteParameters) => Promise<SignPoolInviteReturnType>
  slash: (parameters: SlashParameters) => Promise<SlashReturnType>
  startPool: (parameters: StartPoolParameters) => Promise<StartPoolReturnType>
  unpause: (parameters?: UnpauseParameters) => Promise<UnpauseReturnType>
  updateDomain: (parameters: UpdateDomainParameters) => Promise<UpdateDomainReturnType>
  updatePool: (parameters: UpdatePoolParameters) => Promise<UpdatePoolReturnType>
  validateNode: (parameters: ValidateNodeParameters) => Promise<ValidateNodeReturnType>
  watchEvents: <eventName extends ProtocolEventName | undefined = undefined>(
    parameters: WatchEventsParameters<eventName>,
  ) => WatchEventsReturnType
  whitelistProvider: (
    parameters: WhitelistProviderParameters,
  ) => Promise<WhitelistProviderReturnType>
  withdrawStake: (parameters?: WithdrawStakeParameters) => Promise<WithdrawStakeReturnType>
  withdrawUnusedBudget: (
    parameters: WithdrawUnusedBudgetParameters,
  ) => Promise<WithdrawUnusedBudgetReturnType>
}

export type PrimeNetworkActionsParameters = {
  /** The deployment every action uses unless a call passes its own (default: the registered one of the client's chain). */
  deployment?: Deployment | undefined
}

/**
 * Adds every Prime Network action to a viem client.
 *
 * @param parameters - {@link PrimeNetworkActionsParameters}
 * @returns A decorator for `client.extend`.
 * @example
 * const client = createWalletClient({ account, chain: anvil, transport: http() })
 *   .extend(publicActions)
 *   .extend(primeNetworkActions({ deployment }))
 * const { poolId } = await client.createPool({ domainId: 1n, computeManagerKey, name, poolDataURI })
 */
export function primeNetworkActions(parameters: PrimeNetworkActionsParameters = {}) {
  return <
    transport extends Transport,
    chain extends Chain | undefined,
    account extends Account | undefined,
  >(
    client: Client<transport, chain, account>,
  ): PrimeNetworkActions => {
    const withDeployment = <p extends { deployment?: Deployment | undefined }>(p: p | undefined) =>
      ({ deployment: parameters.deployment, ...p }) as p & { deployment: Deployment | undefined }
    return {
      submitWork: (p) => submitWork(client, withDeployment(p) as never) as never,
      invalidateWork: (p) => invalidateWork(client, withDeployment(p) as never) as never,
      softInvalidateWork: (p) => softInvalidateWork(client, withDeployment(p) as never) as never,
      getWork: (p) => getWork(client, withDeployment(p) as never) as never,
      setWorkRewardRate: (p) => setWorkRewardRate(client, withDeployment(p) as never) as never,
      setWorkLockPeriod: (p) => setWorkLockPeriod(client, withDeployment(p) as never) as never,
      setMinWorkLockPeriod: (p) =>
        setMinWorkLockPeriod(client, withDeployment(p) as never) as never,
      setWorkUnitsCap: (p) => setWorkUnitsCap(client, withDeployment(p) as never) as never,
      acceptRole: (p) => acceptRole(client, withDeployment(p) as never) as never,
      addNode: (p) => addNode(client, withDeployment(p) as never) as never,
      blacklistNode: (p) => blacklistNode(client, withDeployment(p) as never) as never,
      blacklistProvider: (p) => blacklistProvider(client, withDeployment(p) as never) as never,
      cancelInviteNonce: (p) => cancelInviteNonce(client, withDeployment(p) as never) as never,
      cancelRoleTransfer: (p) => cancelRoleTransfer(client, withDeployment(p) as never) as never,
      claimRewards: (p) => claimRewards(client, withDeployment(p) as never) as never,
      createDomain: (p) => createDomain(client, withDeployment(p) as never) as never,
      createPool: (p) => createPool(client, withDeployment(p) as never) as never,
      ejectNode: (p) => ejectNode(client, withDeployment(p) as never) as never,
      ejectIneligibleNodes: (p) =>
        ejectIneligibleNodes(client, withDeployment(p) as never) as never,
      endPool: (p) => endPool(client, withDeployment(p) as never) as never,
      forfeitRewards: (p) => forfeitRewards(client, withDeployment(p) as never) as never,
      fundPool: (p) => fundPool(client, withDeployment(p) as never) as never,
      getDomain: (p) => getDomain(client, withDeployment(p) as never) as never,
      getEvents: (p?) => getEvents(client, withDeployment(p) as never) as never,
      getMinimumStake: (p?) => getMinimumStake(client, withDeployment(p) as never) as never,
      getNode: (p) => getNode(client, withDeployment(p) as never) as never,
      getPendingRewards: (p) => getPendingRewards(client, withDeployment(p) as never) as never,
      getPendingRoleHolder: (p) =>
        getPendingRoleHolder(client, withDeployment(p) as never) as never,
      getPool: (p) => getPool(client, withDeployment(p) as never) as never,
      getPoolNodes: (p) => getPoolNodes(client, withDeployment(p) as never) as never,
      getPoolRewards: (p) => getPoolRewards(client, withDeployment(p) as never) as never,
      getProvider: (p) => getProvider(client, withDeployment(p) as never) as never,
      getStake: (p) => getStake(client, withDeployment(p) as never) as never,
      increaseStake: (p) => increaseStake(client, withDeployment(p) as never) as never,
      invalidateNode: (p) => invalidateNode(client, withDeployment(p) as never) as never,
      isInviteNonceUsed: (p) => isInviteNonceUsed(client, withDeployment(p) as never) as never,
      joinPool: (p) => joinPool(client, withDeployment(p) as never) as never,
      leavePool: (p) => leavePool(client, withDeployment(p) as never) as never,
      moveNodes: (p) => moveNodes(client, withDeployment(p) as never) as never,
      pause: (p?) => pause(client, withDeployment(p) as never) as never,
      proposeRoleTransfer: (p) => proposeRoleTransfer(client, withDeployment(p) as never) as never,
      reclaimStake: (p) => reclaimStake(client, withDeployment(p) as never) as never,
      registerProvider: (p) => registerProvider(client, withDeployment(p) as never) as never,
      removeNode: (p) => removeNode(client, withDeployment(p) as never) as never,
      setComputeManagerKey: (p) =>
        setComputeManagerKey(client, withDeployment(p) as never) as never,
      setNodeBenchmark: (p) => setNodeBenchmark(client, withDeployment(p) as never) as never,
      setRewardRate: (p) => setRewardRate(client, withDeployment(p) as never) as never,
      setStakeMinimum: (p) => setStakeMinimum(client, withDeployment(p) as never) as never,
      setTreasury: (p) => setTreasury(client, withDeployment(p) as never) as never,
      setUnbondingPeriod: (p) => setUnbondingPeriod(client, withDeployment(p) as never) as never,
      signNodeOwnership: (p) => signNodeOwnership(client, withDeployment(p) as never) as never,
      signPoolInvite: (p) => signPoolInvite(client, withDeployment(p) as never) as never,
      slash: (p) => slash(client, withDeployment(p) as never) as never,
      startPool: (p) => startPool(client, withDeployment(p) as never) as never,
      unpause: (p?) => unpause(client, withDeployment(p) as never) as never,
      updateDomain: (p) => updateDomain(client, withDeployment(p) as never) as never,
      updatePool: (p) => updatePool(client, withDeployment(p) as never) as never,
      validateNode: (p) => validateNode(client, withDeployment(p) as never) as never,
      watchEvents: (p) => watchEvents(client, withDeployment(p) as never) as never,
      whitelistProvider: (p) => whitelistProvider(client, withDeployment(p) as never) as never,
      withdrawStake: (p?) => withdrawStake(client, withDeployment(p) as never) as never,
      withdrawUnusedBudget: (p) =>
        withdrawUnusedBudget(client, withDeployment(p) as never) as never,
    }
  }
}
