// src/mutations.ts
import {
  acceptRole,
  addNode,
  blacklistNode,
  blacklistProvider,
  cancelInviteNonce,
  cancelRoleTransfer,
  claimRewards,
  createDomain,
  createPool,
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
  pause,
  proposeRoleTransfer,
  reclaimStake,
  registerProvider,
  removeNode,
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
  whitelistProvider,
  withdrawStake,
  withdrawUnusedBudget
} from "@prime-network/sdk";
import { useMutation, useQueryClient as useQueryClient2 } from "@tanstack/react-query";
import { useConfig } from "wagmi";
import { getConnectorClient } from "wagmi/actions";

// src/provider.tsx
import { protocolEventsAbi, watchEvents } from "@prime-network/sdk";
import { changesWithTime, isStaleAfter } from "@prime-network/sdk/query";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect } from "react";
import { parseEventLogs } from "viem";
import { watchBlockNumber } from "viem/actions";
import { useClient } from "wagmi";
import { jsx } from "react/jsx-runtime";
var DeploymentContext = createContext(void 0);
function useDeployment() {
  return useContext(DeploymentContext);
}
function refreshAfter(queryClient, events, deployment) {
  if (events.length === 0) return Promise.resolve();
  const scope = { chainId: deployment.chainId, primeNetwork: deployment.primeNetwork };
  return queryClient.invalidateQueries({
    predicate: (query) => events.some((event) => isStaleAfter(query.queryKey, query.state.data, event, scope))
  });
}
function protocolEventsIn(logs) {
  return parseEventLogs({ abi: protocolEventsAbi, logs: [...logs] });
}
function PrimeNetworkProvider(props) {
  const { deployment, pollingInterval } = props;
  const client = useClient({ chainId: deployment.chainId });
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!client) return;
    const unwatchEvents = watchEvents(client, {
      deployment,
      pollingInterval,
      onLogs: (logs) => void refreshAfter(queryClient, logs, deployment)
    });
    const unwatchBlocks = watchBlockNumber(client, {
      pollingInterval,
      onBlockNumber: () => void queryClient.invalidateQueries({
        predicate: (query) => changesWithTime(query.queryKey)
      })
    });
    return () => {
      unwatchEvents();
      unwatchBlocks();
    };
  }, [client, queryClient, deployment, pollingInterval]);
  return /* @__PURE__ */ jsx(DeploymentContext.Provider, { value: deployment, children: props.children });
}

// src/mutations.ts
function writeHook(action) {
  return () => {
    const deployment = useDeployment();
    const config = useConfig();
    const queryClient = useQueryClient2();
    return useMutation({
      mutationFn: async (parameters) => action(await connectedClient(config, deployment), { deployment, ...parameters }),
      onSuccess: (result) => refreshAfter(
        queryClient,
        protocolEventsIn(result.receipt.logs),
        deployment ?? getDeployment(config.state.chainId)
      )
    });
  };
}
function connectedClient(config, deployment) {
  return getConnectorClient(config, { chainId: deployment?.chainId }).catch(() => {
    throw new InvalidInputError("account", "connect a wallet first");
  });
}
function useSignPoolInvite() {
  const deployment = useDeployment();
  const config = useConfig();
  return useMutation({
    mutationFn: async (parameters) => signPoolInvite(await connectedClient(config, deployment), { deployment, ...parameters })
  });
}
var useAcceptRole = writeHook(acceptRole);
var useAddNode = writeHook(addNode);
var useBlacklistNode = writeHook(blacklistNode);
var useBlacklistProvider = writeHook(blacklistProvider);
var useCancelInviteNonce = writeHook(cancelInviteNonce);
var useCancelRoleTransfer = writeHook(cancelRoleTransfer);
var useClaimRewards = writeHook(claimRewards);
var useCreateDomain = writeHook(createDomain);
var useCreatePool = writeHook(createPool);
var useEjectIneligibleNodes = writeHook(ejectIneligibleNodes);
var useEjectNode = writeHook(ejectNode);
var useEndPool = writeHook(endPool);
var useForfeitRewards = writeHook(forfeitRewards);
var useFundPool = writeHook(fundPool);
var useIncreaseStake = writeHook(increaseStake);
var useInvalidateNode = writeHook(invalidateNode);
var useInvalidateWork = writeHook(invalidateWork);
var useJoinPool = writeHook(joinPool);
var useLeavePool = writeHook(leavePool);
var useMoveNodes = writeHook(moveNodes);
var usePause = writeHook(pause);
var useProposeRoleTransfer = writeHook(proposeRoleTransfer);
var useReclaimStake = writeHook(reclaimStake);
var useRegisterProvider = writeHook(registerProvider);
var useRemoveNode = writeHook(removeNode);
var useSetComputeManagerKey = writeHook(setComputeManagerKey);
var useSetMinWorkLockPeriod = writeHook(setMinWorkLockPeriod);
var useSetNodeBenchmark = writeHook(setNodeBenchmark);
var useSetRewardRate = writeHook(setRewardRate);
var useSetStakeMinimum = writeHook(setStakeMinimum);
var useSetTreasury = writeHook(setTreasury);
var useSetUnbondingPeriod = writeHook(setUnbondingPeriod);
var useSetWorkLockPeriod = writeHook(setWorkLockPeriod);
var useSetWorkRewardRate = writeHook(setWorkRewardRate);
var useSetWorkUnitsCap = writeHook(setWorkUnitsCap);
var useSlash = writeHook(slash);
var useSoftInvalidateWork = writeHook(softInvalidateWork);
var useStartPool = writeHook(startPool);
var useSubmitWork = writeHook(submitWork);
var useUnpause = writeHook(unpause);
var useUpdateDomain = writeHook(updateDomain);
var useUpdatePool = writeHook(updatePool);
var useValidateNode = writeHook(validateNode);
var useWhitelistProvider = writeHook(whitelistProvider);
var useWithdrawStake = writeHook(withdrawStake);
var useWithdrawUnusedBudget = writeHook(withdrawUnusedBudget);

// src/queries.ts
import {
  getDomainQueryOptions,
  getMinimumStakeQueryOptions,
  getNetworkSnapshotQueryOptions,
  getNodeQueryOptions,
  getPendingRewardsQueryOptions,
  getPendingRoleHolderQueryOptions,
  getPoolNodesQueryOptions,
  getPoolQueryOptions,
  getPoolRewardsQueryOptions,
  getPoolSnapshotQueryOptions,
  getProviderQueryOptions,
  getProviderSnapshotQueryOptions,
  getStakeQueryOptions,
  getWorkQueryOptions,
  isInviteNonceUsedQueryOptions,
  queryKeyRoot
} from "@prime-network/sdk/query";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useClient as useClient2 } from "wagmi";
function readHook(read, options) {
  return (parameters) => {
    const deployment = useDeployment();
    const client = useClient2({ chainId: deployment?.chainId });
    const ready = parameters !== void 0 && client !== void 0;
    return useQuery(
      ready ? options(client, { deployment, ...parameters }) : { queryKey: [queryKeyRoot, "waiting", read], queryFn: skipToken }
    );
  };
}
var usePool = readHook("getPool", getPoolQueryOptions);
var usePoolNodes = readHook("getPoolNodes", getPoolNodesQueryOptions);
var usePoolRewards = readHook("getPoolRewards", getPoolRewardsQueryOptions);
var usePoolSnapshot = readHook("getPoolSnapshot", getPoolSnapshotQueryOptions);
var usePendingRewards = readHook("getPendingRewards", getPendingRewardsQueryOptions);
var useProvider = readHook("getProvider", getProviderQueryOptions);
var useProviderSnapshot = readHook("getProviderSnapshot", getProviderSnapshotQueryOptions);
var useStake = readHook("getStake", getStakeQueryOptions);
var useMinimumStake = readHook("getMinimumStake", getMinimumStakeQueryOptions);
var useNode = readHook("getNode", getNodeQueryOptions);
var useWork = readHook("getWork", getWorkQueryOptions);
var useDomain = readHook("getDomain", getDomainQueryOptions);
var useNetworkSnapshot = readHook("getNetworkSnapshot", getNetworkSnapshotQueryOptions);
var usePendingRoleHolder = readHook(
  "getPendingRoleHolder",
  getPendingRoleHolderQueryOptions
);
var useIsInviteNonceUsed = readHook("isInviteNonceUsed", isInviteNonceUsedQueryOptions);
export {
  PrimeNetworkProvider,
  protocolEventsIn,
  refreshAfter,
  useAcceptRole,
  useAddNode,
  useBlacklistNode,
  useBlacklistProvider,
  useCancelInviteNonce,
  useCancelRoleTransfer,
  useClaimRewards,
  useCreateDomain,
  useCreatePool,
  useDeployment,
  useDomain,
  useEjectIneligibleNodes,
  useEjectNode,
  useEndPool,
  useForfeitRewards,
  useFundPool,
  useIncreaseStake,
  useInvalidateNode,
  useInvalidateWork,
  useIsInviteNonceUsed,
  useJoinPool,
  useLeavePool,
  useMinimumStake,
  useMoveNodes,
  useNetworkSnapshot,
  useNode,
  usePause,
  usePendingRewards,
  usePendingRoleHolder,
  usePool,
  usePoolNodes,
  usePoolRewards,
  usePoolSnapshot,
  useProposeRoleTransfer,
  useProvider,
  useProviderSnapshot,
  useReclaimStake,
  useRegisterProvider,
  useRemoveNode,
  useSetComputeManagerKey,
  useSetMinWorkLockPeriod,
  useSetNodeBenchmark,
  useSetRewardRate,
  useSetStakeMinimum,
  useSetTreasury,
  useSetUnbondingPeriod,
  useSetWorkLockPeriod,
  useSetWorkRewardRate,
  useSetWorkUnitsCap,
  useSignPoolInvite,
  useSlash,
  useSoftInvalidateWork,
  useStake,
  useStartPool,
  useSubmitWork,
  useUnpause,
  useUpdateDomain,
  useUpdatePool,
  useValidateNode,
  useWhitelistProvider,
  useWithdrawStake,
  useWithdrawUnusedBudget,
  useWork
};
//# sourceMappingURL=index.js.map