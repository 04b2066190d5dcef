export {
  type ProtocolErrorsAbi,
  type ProtocolEventsAbi,
  protocolErrorsAbi,
  protocolEventsAbi,
} from './abis.js'
export {
  type AcceptRoleErrorType,
  type AcceptRoleParameters,
  type AcceptRoleReturnType,
  acceptRole,
} from './actions/acceptRole.js'
export {
  type AddNodeErrorType,
  type AddNodeParameters,
  type AddNodeReturnType,
  addNode,
  type NodeOwnershipProof,
} from './actions/addNode.js'
export {
  type BlacklistNodeErrorType,
  type BlacklistNodeParameters,
  type BlacklistNodeReturnType,
  blacklistNode,
} from './actions/blacklistNode.js'
export {
  type BlacklistProviderErrorType,
  type BlacklistProviderParameters,
  type BlacklistProviderReturnType,
  blacklistProvider,
} from './actions/blacklistProvider.js'
export {
  type BuildCallsErrorType,
  type BuildCallsReturnType,
  buildCalls,
} from './actions/buildCalls.js'
export {
  type CancelInviteNonceErrorType,
  type CancelInviteNonceParameters,
  type CancelInviteNonceReturnType,
  cancelInviteNonce,
} from './actions/cancelInviteNonce.js'
export {
  type CancelRoleTransferErrorType,
  type CancelRoleTransferParameters,
  type CancelRoleTransferReturnType,
  cancelRoleTransfer,
} from './actions/cancelRoleTransfer.js'
export {
  type ClaimRewardsErrorType,
  type ClaimRewardsParameters,
  type ClaimRewardsReturnType,
  claimRewards,
} from './actions/claimRewards.js'
export {
  type CreateDomainErrorType,
  type CreateDomainParameters,
  type CreateDomainReturnType,
  createDomain,
} from './actions/createDomain.js'
export {
  type CreatePoolErrorType,
  type CreatePoolParameters,
  type CreatePoolReturnType,
  createPool,
} from './actions/createPool.js'
export {
  type EjectIneligibleNodesErrorType,
  type EjectIneligibleNodesParameters,
  type EjectIneligibleNodesReturnType,
  ejectIneligibleNodes,
} from './actions/ejectIneligibleNodes.js'
export {
  type EjectNodeErrorType,
  type EjectNodeParameters,
  type EjectNodeReturnType,
  ejectNode,
} from './actions/ejectNode.js'
export {
  type EndPoolErrorType,
  type EndPoolParameters,
  type EndPoolReturnType,
  endPool,
} from './actions/endPool.js'
export {
  type ForfeitRewardsErrorType,
  type ForfeitRewardsParameters,
  type ForfeitRewardsReturnType,
  forfeitRewards,
} from './actions/forfeitRewards.js'
export {
  type FundPoolErrorType,
  type FundPoolParameters,
  type FundPoolReturnType,
  fundPool,
} from './actions/fundPool.js'
export {
  type Domain,
  type GetDomainErrorType,
  type GetDomainParameters,
  type GetDomainReturnType,
  getDomain,
} from './actions/getDomain.js'
export {
  type GetEventsErrorType,
  type GetEventsParameters,
  type GetEventsReturnType,
  getEvents,
  type ProtocolEventName,
} from './actions/getEvents.js'
export {
  type GetMinimumStakeErrorType,
  type GetMinimumStakeParameters,
  type GetMinimumStakeReturnType,
  getMinimumStake,
} from './actions/getMinimumStake.js'
export {
  type GetNetworkSnapshotErrorType,
  type GetNetworkSnapshotParameters,
  type GetNetworkSnapshotReturnType,
  getNetworkSnapshot,
  type NetworkSnapshot,
} from './actions/getNetworkSnapshot.js'
export {
  type GetNodeErrorType,
  type GetNodeParameters,
  type GetNodeReturnType,
  getNode,
  type Node,
} from './actions/getNode.js'
export type { PendingNodeRewards } from './actions/getPendingRewards.js'
export {
  type GetPendingRewardsErrorType,
  type GetPendingRewardsParameters,
  type GetPendingRewardsReturnType,
  getPendingRewards,
} from './actions/getPendingRewards.js'
export {
  type GetPendingRoleHolderErrorType,
  type GetPendingRoleHolderParameters,
  type GetPendingRoleHolderReturnType,
  getPendingRoleHolder,
} from './actions/getPendingRoleHolder.js'
export {
  type GetPoolErrorType,
  type GetPoolParameters,
  type GetPoolReturnType,
  getPool,
  type Pool,
  type PoolStatus,
  poolStatuses,
} from './actions/getPool.js'
export {
  type GetPoolNodesErrorType,
  type GetPoolNodesParameters,
  type GetPoolNodesReturnType,
  getPoolNodes,
  type PoolNode,
} from './actions/getPoolNodes.js'
export {
  type GetPoolRewardsErrorType,
  type GetPoolRewardsParameters,
  type GetPoolRewardsReturnType,
  getPoolRewards,
  type PoolRewards,
} from './actions/getPoolRewards.js'
export {
  type GetPoolSnapshotErrorType,
  type GetPoolSnapshotParameters,
  type GetPoolSnapshotReturnType,
  getPoolSnapshot,
  type PoolSnapshot,
} from './actions/getPoolSnapshot.js'
export {
  type GetProviderErrorType,
  type GetProviderParameters,
  type GetProviderReturnType,
  getProvider,
  type Provider,
} from './actions/getProvider.js'
export {
  type GetProviderSnapshotErrorType,
  type GetProviderSnapshotParameters,
  type GetProviderSnapshotReturnType,
  getProviderSnapshot,
  type ProviderSnapshot,
} from './actions/getProviderSnapshot.js'
export {
  type GetStakeErrorType,
  type GetStakeParameters,
  type GetStakeReturnType,
  getStake,
  type Stake,
} from './actions/getStake.js'
export {
  type GetWorkErrorType,
  type GetWorkParameters,
  type GetWorkReturnType,
  getWork,
  type Work,
  workStatuses,
} from './actions/getWork.js'
export {
  type IncreaseStakeErrorType,
  type IncreaseStakeParameters,
  type IncreaseStakeReturnType,
  increaseStake,
} from './actions/increaseStake.js'
export {
  type InvalidateNodeErrorType,
  type InvalidateNodeParameters,
  type InvalidateNodeReturnType,
  invalidateNode,
} from './actions/invalidateNode.js'
export {
  type InvalidateWorkErrorType,
  type InvalidateWorkParameters,
  type InvalidateWorkReturnType,
  invalidateWork,
} from './actions/invalidateWork.js'
export {
  type IsInviteNonceUsedErrorType,
  type IsInviteNonceUsedParameters,
  type IsInviteNonceUsedReturnType,
  isInviteNonceUsed,
} from './actions/isInviteNonceUsed.js'
export {
  type JoinPoolErrorType,
  type JoinPoolParameters,
  type JoinPoolReturnType,
  joinPool,
} from './actions/joinPool.js'
export {
  type LeavePoolErrorType,
  type LeavePoolParameters,
  type LeavePoolReturnType,
  leavePool,
} from './actions/leavePool.js'
export {
  type MoveNodesErrorType,
  type MoveNodesParameters,
  type MoveNodesReturnType,
  moveNodes,
} from './actions/moveNodes.js'
export {
  type PauseErrorType,
  type PauseParameters,
  type PauseReturnType,
  pause,
} from './actions/pause.js'
export {
  type ProposeRoleTransferErrorType,
  type ProposeRoleTransferParameters,
  type ProposeRoleTransferReturnType,
  proposeRoleTransfer,
} from './actions/proposeRoleTransfer.js'
export {
  type ReclaimStakeErrorType,
  type ReclaimStakeParameters,
  type ReclaimStakeReturnType,
  reclaimStake,
} from './actions/reclaimStake.js'
export {
  type RegisterProviderErrorType,
  type RegisterProviderParameters,
  type RegisterProviderReturnType,
  registerProvider,
} from './actions/registerProvider.js'
export {
  type RemoveNodeErrorType,
  type RemoveNodeParameters,
  type RemoveNodeReturnType,
  removeNode,
} from './actions/removeNode.js'
export {
  type SetComputeManagerKeyErrorType,
  type SetComputeManagerKeyParameters,
  type SetComputeManagerKeyReturnType,
  setComputeManagerKey,
} from './actions/setComputeManagerKey.js'
export {
  type SetMinWorkLockPeriodErrorType,
  type SetMinWorkLockPeriodParameters,
  type SetMinWorkLockPeriodReturnType,
  setMinWorkLockPeriod,
} from './actions/setMinWorkLockPeriod.js'
export {
  type SetNodeBenchmarkErrorType,
  type SetNodeBenchmarkParameters,
  type SetNodeBenchmarkReturnType,
  setNodeBenchmark,
} from './actions/setNodeBenchmark.js'
export {
  type SetRewardRateErrorType,
  type SetRewardRateParameters,
  type SetRewardRateReturnType,
  setRewardRate,
} from './actions/setRewardRate.js'
export {
  type SetStakeMinimumErrorType,
  type SetStakeMinimumParameters,
  type SetStakeMinimumReturnType,
  setStakeMinimum,
} from './actions/setStakeMinimum.js'
export {
  type SetTreasuryErrorType,
  type SetTreasuryParameters,
  type SetTreasuryReturnType,
  setTreasury,
} from './actions/setTreasury.js'
export {
  type SetUnbondingPeriodErrorType,
  type SetUnbondingPeriodParameters,
  type SetUnbondingPeriodReturnType,
  setUnbondingPeriod,
} from './actions/setUnbondingPeriod.js'
export {
  type SetWorkLockPeriodErrorType,
  type SetWorkLockPeriodParameters,
  type SetWorkLockPeriodReturnType,
  setWorkLockPeriod,
} from './actions/setWorkLockPeriod.js'
export {
  type SetWorkRewardRateErrorType,
  type SetWorkRewardRateParameters,
  type SetWorkRewardRateReturnType,
  setWorkRewardRate,
} from './actions/setWorkRewardRate.js'
export {
  type SetWorkUnitsCapErrorType,
  type SetWorkUnitsCapParameters,
  type SetWorkUnitsCapReturnType,
  setWorkUnitsCap,
} from './actions/setWorkUnitsCap.js'
export {
  nodeOwnershipTypes,
  type SignNodeOwnershipErrorType,
  type SignNodeOwnershipParameters,
  type SignNodeOwnershipReturnType,
  signNodeOwnership,
} from './actions/signNodeOwnership.js'
export {
  nextInviteNonce,
  type PoolInvite,
  poolInviteTypes,
  type SignPoolInviteErrorType,
  type SignPoolInviteParameters,
  type SignPoolInviteReturnType,
  signPoolInvite,
} from './actions/signPoolInvite.js'
export {
  type SlashErrorType,
  type SlashParameters,
  type SlashReturnType,
  slash,
} from './actions/slash.js'
export {
  type SoftInvalidateWorkErrorType,
  type SoftInvalidateWorkParameters,
  type SoftInvalidateWorkReturnType,
  softInvalidateWork,
} from './actions/softInvalidateWork.js'
export {
  type StartPoolErrorType,
  type StartPoolParameters,
  type StartPoolReturnType,
  startPool,
} from './actions/startPool.js'
export {
  type SubmitWorkErrorType,
  type SubmitWorkParameters,
  type SubmitWorkReturnType,
  submitWork,
} from './actions/submitWork.js'
export {
  type UnpauseErrorType,
  type UnpauseParameters,
  type UnpauseReturnType,
  unpause,
} from './actions/unpause.js'
export {
  type UpdateDomainErrorType,
  type UpdateDomainParameters,
  type UpdateDomainReturnType,
  updateDomain,
} from './actions/updateDomain.js'
export {
  type UpdatePoolErrorType,
  type UpdatePoolParameters,
  type UpdatePoolReturnType,
  updatePool,
} from './actions/updatePool.js'
export {
  type ValidateNodeErrorType,
  type ValidateNodeParameters,
  type ValidateNodeReturnType,
  validateNode,
} from './actions/validateNode.js'
export {
  type WatchEventsParameters,
  type WatchEventsReturnType,
  watchEvents,
} from './actions/watchEvents.js'
export {
  type WhitelistProviderErrorType,
  type WhitelistProviderParameters,
  type WhitelistProviderReturnType,
  whitelistProvider,
} from './actions/whitelistProvider.js'
export {
  type WithdrawStakeErrorType,
  type WithdrawStakeParameters,
  type WithdrawStakeReturnType,
  withdrawStake,
} from './actions/withdrawStake.js'
export {
  type WithdrawUnusedBudgetErrorType,
  type WithdrawUnusedBudgetParameters,
  type WithdrawUnusedBudgetReturnType,
  withdrawUnusedBudget,
} from './actions/withdrawUnusedBudget.js'
export {
  type PrimeNetworkActions,
  type PrimeNetworkActionsParameters,
  primeNetworkActions,
} from './decorators/primeNetwork.js'
export {
  type Deployment,
  getDeployment,
  loadDeployment,
  parseDeployment,
  registerDeployment,
} from './deployments.js'
export {
  InvalidInputError,
  PrimeNetworkError,
  type PrimeNetworkErrorParameters,
  type PrimeNetworkErrorType,
  TransactionRevertedError,
  UnsupportedChainIdError,
  UntrustedRpcResponseError,
} from './errors/base.js'
export {
  type AnyContractError,
  ContractError,
  type ContractErrorArgs,
  type ContractErrorClass,
  type ContractErrorName,
  ContractErrors,
  decodeRevert,
  decodeRevertData,
} from './errors/contract.js'
export type { InviteInput } from './internal/invites.js'
export type { NodeInPool } from './internal/poolNodes.js'
export type { LogParameters } from './internal/reads.js'
export { type Role, roleIds } from './internal/roles.js'
export type {
  DeploymentParameter,
  ProtocolCall,
  WriteOptions,
  WriteParameters,
  WriteProgress,
  WriteReturnType,
} from './internal/utils.js'
export { version } from './version.js'
