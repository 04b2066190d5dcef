import {
  type AnyContractError,
  acceptRole,
  addNode,
  blacklistNode,
  blacklistProvider,
  cancelInviteNonce,
  cancelRoleTransfer,
  claimRewards,
  createDomain,
  createPool,
  type Deployment,
  ejectIneligibleNodes,
  ejectNode,
  endPool,
  forfeitRewards,
  fundPool,
  getDeployment,
  InvalidInputError,
  increaseStake,
  invalidateNode,
  invalidateWork,
  joinPool,
  leavePool,
  moveNodes,
  type PrimeNetworkError,
  pause,
  proposeRoleTransfer,
  reclaimStake,
  registerProvider,
  removeNode,
  type SignPoolInviteParameters,
  type SignPoolInviteReturnType,
  setComputeManagerKey,
  setMinWorkLockPeriod,
  setNodeBenchmark,
  setRewardRate,
  setStakeMinimum,
  setTreasury,
  setUnbondingPeriod,
  setWorkLockPeriod,
  setWorkRewardRate,
  setWorkUnitsCap,
  signPoolInvite,
  slash,
  softInvalidateWork,
  startPool,
  submitWork,
  unpause,
  updateDomain,
  updatePool,
  validateNode,
  type WriteReturnType,
  whitelistProvider,
  withdrawStake,
  withdrawUnusedBudget,
} from '@prime-network/sdk'
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Client } from 'viem'
import { type Config, useConfig } from 'wagmi'
import { getConnectorClient } from 'wagmi/actions'
import { protocolEventsIn, refreshAfter, useDeployment } from './provider.js'

/** What a write hook's mutation fails with: the SDK's typed errors (contract errors by name). */
export type PrimeMutationError = PrimeNetworkError | AnyContractError

/**
 * A hook for one SDK write: `useX()` is TanStack Query's `useMutation`, sending from the
 * connected wallet (wagmi's connector client). The SDK checks the input and simulates before
 * anything is sent, so a bad input or a revert fails the mutation with the SDK's typed error and
 * sends nothing. Once the transaction is mined, the queries its events change are refreshed at
 * once, without waiting for the event watcher.
 *
 * Every hook below is one call of this, marked pure so that a bundler drops the hooks (and the
 * SDK actions behind them) that an app does not import.
 */
function writeHook<parameters extends object, result extends WriteReturnType>(
  action: (client: Client, parameters: parameters & { deployment?: Deployment }) => Promise<result>,
) {
  return (): UseMutationResult<result, PrimeMutationError, parameters> => {
    const deployment = useDeployment()
    const config = useConfig()
    const queryClient = useQueryClient()
    return useMutation<result, PrimeMutationError, parameters>({
      mutationFn: async (parameters) =>
        action(await connectedClient(config, deployment), { deployment, ...parameters }),
      onSuccess: (result) =>
        refreshAfter(
          queryClient,
          protocolEventsIn(result.receipt.logs),
          deployment ?? getDeployment(config.state.chainId),
        ),
    })
  }
}

/**
 * The connected wallet's client, asked for when a mutation runs, so it never acts with a stale or
 * not yet loaded wallet.
 */
function connectedClient(config: Config, deployment: Deployment | undefined): Promise<Client> {
  return getConnectorClient(config, { chainId: deployment?.chainId }).catch(() => {
    throw new InvalidInputError('account', 'connect a wallet first')
  })
}

/**
 * The SDK's `signPoolInvite` as a mutation: the connected wallet, as the pool's compute manager
 * key, signs an invite for a node (the provider joins with it). It sends nothing, so it refreshes
 * nothing. @example const { mutateAsync } = useSignPoolInvite()
 */
export function useSignPoolInvite(): UseMutationResult<
  SignPoolInviteReturnType,
  PrimeMutationError,
  Omit<SignPoolInviteParameters, 'account' | 'deployment'>
> {
  const deployment = useDeployment()
  const config = useConfig()
  return useMutation({
    mutationFn: async (parameters) =>
      signPoolInvite(await connectedClient(config, deployment), { deployment, ...parameters }),
  })
}

/** The SDK's `acceptRole` as a mutation. @example const { mutate } = useAcceptRole() */
export const useAcceptRole = /* @__PURE__ */ writeHook(acceptRole)
/** The SDK's `addNode` as a mutation. @example const { mutate } = useAddNode() */
export const useAddNode = /* @__PURE__ */ writeHook(addNode)
/** The SDK's `blacklistNode` as a mutation. @example const { mutate } = useBlacklistNode() */
export const useBlacklistNode = /* @__PURE__ */ writeHook(blacklistNode)
/** The SDK's `blacklistProvider` as a mutation. @example const { mutate } = useBlacklistProvider() */
export const useBlacklistProvider = /* @__PURE__ */ writeHook(blacklistProvider)
/** The SDK's `cancelInviteNonce` as a mutation. @example const { mutate } = useCancelInviteNonce() */
export const useCancelInviteNonce = /* @__PURE__ */ writeHook(cancelInviteNonce)
/** The SDK's `cancelRoleTransfer` as a mutation. @example const { mutate } = useCancelRoleTransfer() */
export const useCancelRoleTransfer = /* @__PURE__ */ writeHook(cancelRoleTransfer)
/** The SDK's `claimRewards` as a mutation. @example const { mutate } = useClaimRewards() */
export const useClaimRewards = /* @__PURE__ */ writeHook(claimRewards)
/** The SDK's `createDomain` as a mutation. @example const { mutate } = useCreateDomain() */
export const useCreateDomain = /* @__PURE__ */ writeHook(createDomain)
/** The SDK's `createPool` as a mutation. @example const { mutate } = useCreatePool() */
export const useCreatePool = /* @__PURE__ */ writeHook(createPool)
/** The SDK's `ejectIneligibleNodes` as a mutation. @example const { mutate } = useEjectIneligibleNodes() */
export const useEjectIneligibleNodes = /* @__PURE__ */ writeHook(ejectIneligibleNodes)
/** The SDK's `ejectNode` as a mutation. @example const { mutate } = useEjectNode() */
export const useEjectNode = /* @__PURE__ */ writeHook(ejectNode)
/** The SDK's `endPool` as a mutation. @example const { mutate } = useEndPool() */
export const useEndPool = /* @__PURE__ */ writeHook(endPool)
/** The SDK's `forfeitRewards` as a mutation. @example const { mutate } = useForfeitRewards() */
export const useForfeitRewards = /* @__PURE__ */ writeHook(forfeitRewards)
/** The SDK's `fundPool` as a mutation. @example const { mutate } = useFundPool() */
export const useFundPool = /* @__PURE__ */ writeHook(fundPool)
/** The SDK's `increaseStake` as a mutation. @example const { mutate } = useIncreaseStake() */
export const useIncreaseStake = /* @__PURE__ */ writeHook(increaseStake)
/** The SDK's `invalidateNode` as a mutation. @example const { mutate } = useInvalidateNode() */
export const useInvalidateNode = /* @__PURE__ */ writeHook(invalidateNode)
/** The SDK's `invalidateWork` as a mutation. @example const { mutate } = useInvalidateWork() */
export const useInvalidateWork = /* @__PURE__ */ writeHook(invalidateWork)
/** The SDK's `joinPool` as a mutation. @example const { mutate } = useJoinPool() */
export const useJoinPool = /* @__PURE__ */ writeHook(joinPool)
/** The SDK's `leavePool` as a mutation. @example const { mutate } = useLeavePool() */
export const useLeavePool = /* @__PURE__ */ writeHook(leavePool)
/** The SDK's `moveNodes` as a mutation. @example const { mutate } = useMoveNodes() */
export const useMoveNodes = /* @__PURE__ */ writeHook(moveNodes)
/** The SDK's `pause` as a mutation. @example const { mutate } = usePause() */
export const usePause = /* @__PURE__ */ writeHook(pause)
/** The SDK's `proposeRoleTransfer` as a mutation. @example const { mutate } = useProposeRoleTransfer() */
export const useProposeRoleTransfer = /* @__PURE__ */ writeHook(proposeRoleTransfer)
/** The SDK's `reclaimStake` as a mutation. @example const { mutate } = useReclaimStake() */
export const useReclaimStake = /* @__PURE__ */ writeHook(reclaimStake)
/** The SDK's `registerProvider` as a mutation. @example const { mutate } = useRegisterProvider() */
export const useRegisterProvider = /* @__PURE__ */ writeHook(registerProvider)
/** The SDK's `removeNode` as a mutation. @example const { mutate } = useRemoveNode() */
export const useRemoveNode = /* @__PURE__ */ writeHook(removeNode)
/** The SDK's `setComputeManagerKey` as a mutation. @example const { mutate } = useSetComputeManagerKey() */
export const useSetComputeManagerKey = /* @__PURE__ */ writeHook(setComputeManagerKey)
/** The SDK's `setMinWorkLockPeriod` as a mutation. @example const { mutate } = useSetMinWorkLockPeriod() */
export const useSetMinWorkLockPeriod = /* @__PURE__ */ writeHook(setMinWorkLockPeriod)
/** The SDK's `setNodeBenchmark` as a mutation. @example const { mutate } = useSetNodeBenchmark() */
export const useSetNodeBenchmark = /* @__PURE__ */ writeHook(setNodeBenchmark)
/** The SDK's `setRewardRate` as a mutation. @example const { mutate } = useSetRewardRate() */
export const useSetRewardRate = /* @__PURE__ */ writeHook(setRewardRate)
/** The SDK's `setStakeMinimum` as a mutation. @example const { mutate } = useSetStakeMinimum() */
export const useSetStakeMinimum = /* @__PURE__ */ writeHook(setStakeMinimum)
/** The SDK's `setTreasury` as a mutation. @example const { mutate } = useSetTreasury() */
export const useSetTreasury = /* @__PURE__ */ writeHook(setTreasury)
/** The SDK's `setUnbondingPeriod` as a mutation. @example const { mutate } = useSetUnbondingPeriod() */
export const useSetUnbondingPeriod = /* @__PURE__ */ writeHook(setUnbondingPeriod)
/** The SDK's `setWorkLockPeriod` as a mutation. @example const { mutate } = useSetWorkLockPeriod() */
export const useSetWorkLockPeriod = /* @__PURE__ */ writeHook(setWorkLockPeriod)
/** The SDK's `setWorkRewardRate` as a mutation. @example const { mutate } = useSetWorkRewardRate() */
export const useSetWorkRewardRate = /* @__PURE__ */ writeHook(setWorkRewardRate)
/** The SDK's `setWorkUnitsCap` as a mutation. @example const { mutate } = useSetWorkUnitsCap() */
export const useSetWorkUnitsCap = /* @__PURE__ */ writeHook(setWorkUnitsCap)
/** The SDK's `slash` as a mutation. @example const { mutate } = useSlash() */
export const useSlash = /* @__PURE__ */ writeHook(slash)
/** The SDK's `softInvalidateWork` as a mutation. @example const { mutate } = useSoftInvalidateWork() */
export const useSoftInvalidateWork = /* @__PURE__ */ writeHook(softInvalidateWork)
/** The SDK's `startPool` as a mutation. @example const { mutate } = useStartPool() */
export const useStartPool = /* @__PURE__ */ writeHook(startPool)
/** The SDK's `submitWork` as a mutation. @example const { mutate } = useSubmitWork() */
export const useSubmitWork = /* @__PURE__ */ writeHook(submitWork)
/** The SDK's `unpause` as a mutation. @example const { mutate } = useUnpause() */
export const useUnpause = /* @__PURE__ */ writeHook(unpause)
/** The SDK's `updateDomain` as a mutation. @example const { mutate } = useUpdateDomain() */
export const useUpdateDomain = /* @__PURE__ */ writeHook(updateDomain)
/** The SDK's `updatePool` as a mutation. @example const { mutate } = useUpdatePool() */
export const useUpdatePool = /* @__PURE__ */ writeHook(updatePool)
/** The SDK's `validateNode` as a mutation. @example const { mutate } = useValidateNode() */
export const useValidateNode = /* @__PURE__ */ writeHook(validateNode)
/** The SDK's `whitelistProvider` as a mutation. @example const { mutate } = useWhitelistProvider() */
export const useWhitelistProvider = /* @__PURE__ */ writeHook(whitelistProvider)
/** The SDK's `withdrawStake` as a mutation. @example const { mutate } = useWithdrawStake() */
export const useWithdrawStake = /* @__PURE__ */ writeHook(withdrawStake)
/** The SDK's `withdrawUnusedBudget` as a mutation. @example const { mutate } = useWithdrawUnusedBudget() */
export const useWithdrawUnusedBudget = /* @__PURE__ */ writeHook(withdrawUnusedBudget)
