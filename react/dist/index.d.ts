import * as viem from 'viem';
import { Log } from 'viem';
import * as _prime_network_sdk from '@prime-network/sdk';
import { PrimeNetworkError, AnyContractError, WriteReturnType, SignPoolInviteReturnType, SignPoolInviteParameters, Deployment, DeploymentParameter } from '@prime-network/sdk';
import { UseMutationResult, QueryClient, UseQueryResult } from '@tanstack/react-query';
import * as react from 'react';
import { ReactNode } from 'react';
import { ProtocolEventLike } from '@prime-network/sdk/query';

/** What a write hook's mutation fails with: the SDK's typed errors (contract errors by name). */
type PrimeMutationError = PrimeNetworkError | AnyContractError;
/**
 * The SDK's `signPoolInvite` as a mutation: the connected wallet, as the pool's compute manager
 * key, signs an invite for a node (the provider joins with it). It sends nothing, so it refreshes
 * nothing. @example const { mutateAsync } = useSignPoolInvite()
 */
declare function useSignPoolInvite(): UseMutationResult<SignPoolInviteReturnType, PrimeMutationError, Omit<SignPoolInviteParameters, 'account' | 'deployment'>>;
/** The SDK's `acceptRole` as a mutation. @example const { mutate } = useAcceptRole() */
declare const useAcceptRole: () => UseMutationResult<_prime_network_sdk.AcceptRoleReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    role: _prime_network_sdk.Role;
}>;
/** The SDK's `addNode` as a mutation. @example const { mutate } = useAddNode() */
declare const useAddNode: () => UseMutationResult<_prime_network_sdk.AddNodeReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    node: _prime_network_sdk.NodeOwnershipProof;
    computeUnits: bigint;
    specsURI: string;
}>;
/** The SDK's `blacklistNode` as a mutation. @example const { mutate } = useBlacklistNode() */
declare const useBlacklistNode: () => UseMutationResult<_prime_network_sdk.BlacklistNodeReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    nodeKey: viem.Address | readonly viem.Address[];
    purge?: boolean | undefined;
}>;
/** The SDK's `blacklistProvider` as a mutation. @example const { mutate } = useBlacklistProvider() */
declare const useBlacklistProvider: () => UseMutationResult<_prime_network_sdk.BlacklistProviderReturnType, PrimeMutationError, _prime_network_sdk.BlacklistProviderParameters>;
/** The SDK's `cancelInviteNonce` as a mutation. @example const { mutate } = useCancelInviteNonce() */
declare const useCancelInviteNonce: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    nonce: bigint;
}>;
/** The SDK's `cancelRoleTransfer` as a mutation. @example const { mutate } = useCancelRoleTransfer() */
declare const useCancelRoleTransfer: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    role: _prime_network_sdk.Role;
}>;
/** The SDK's `claimRewards` as a mutation. @example const { mutate } = useClaimRewards() */
declare const useClaimRewards: () => UseMutationResult<_prime_network_sdk.ClaimRewardsReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & _prime_network_sdk.LogParameters & {
    poolId: bigint;
    nodeKeys?: readonly viem.Address[] | undefined;
}>;
/** The SDK's `createDomain` as a mutation. @example const { mutate } = useCreateDomain() */
declare const useCreateDomain: () => UseMutationResult<_prime_network_sdk.CreateDomainReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    name: string;
    validationLogic?: viem.Address | undefined;
    domainParametersURI: string;
}>;
/** The SDK's `createPool` as a mutation. @example const { mutate } = useCreatePool() */
declare const useCreatePool: () => UseMutationResult<_prime_network_sdk.CreatePoolReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    domainId: bigint;
    computeManagerKey: viem.Address;
    name: string;
    poolDataURI: string;
    computeLimit?: bigint | undefined;
}>;
/** The SDK's `ejectIneligibleNodes` as a mutation. @example const { mutate } = useEjectIneligibleNodes() */
declare const useEjectIneligibleNodes: () => UseMutationResult<_prime_network_sdk.EjectIneligibleNodesReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    nodes: readonly _prime_network_sdk.NodeInPool[];
}>;
/** The SDK's `ejectNode` as a mutation. @example const { mutate } = useEjectNode() */
declare const useEjectNode: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    nodeKey: viem.Address;
}>;
/** The SDK's `endPool` as a mutation. @example const { mutate } = useEndPool() */
declare const useEndPool: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
}>;
/** The SDK's `forfeitRewards` as a mutation. @example const { mutate } = useForfeitRewards() */
declare const useForfeitRewards: () => UseMutationResult<_prime_network_sdk.ForfeitRewardsReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    nodeKey: viem.Address;
}>;
/** The SDK's `fundPool` as a mutation. @example const { mutate } = useFundPool() */
declare const useFundPool: () => UseMutationResult<_prime_network_sdk.FundPoolReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    amount: bigint;
}>;
/** The SDK's `increaseStake` as a mutation. @example const { mutate } = useIncreaseStake() */
declare const useIncreaseStake: () => UseMutationResult<_prime_network_sdk.IncreaseStakeReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    amount: bigint;
}>;
/** The SDK's `invalidateNode` as a mutation. @example const { mutate } = useInvalidateNode() */
declare const useInvalidateNode: () => UseMutationResult<_prime_network_sdk.InvalidateNodeReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    nodeKey: viem.Address;
    evict?: readonly _prime_network_sdk.NodeInPool[] | undefined;
}>;
/** The SDK's `invalidateWork` as a mutation. @example const { mutate } = useInvalidateWork() */
declare const useInvalidateWork: () => UseMutationResult<_prime_network_sdk.InvalidateWorkReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    nodeKey: viem.Address;
    workKey: viem.Hex;
    penalty: bigint;
    invalidateNode?: boolean | undefined;
    evict?: readonly _prime_network_sdk.NodeInPool[] | undefined;
}>;
/** The SDK's `joinPool` as a mutation. @example const { mutate } = useJoinPool() */
declare const useJoinPool: () => UseMutationResult<_prime_network_sdk.JoinPoolReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    invites: readonly _prime_network_sdk.InviteInput[];
}>;
/** The SDK's `leavePool` as a mutation. @example const { mutate } = useLeavePool() */
declare const useLeavePool: () => UseMutationResult<_prime_network_sdk.LeavePoolReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    nodeKeys?: readonly viem.Address[] | undefined;
}>;
/** The SDK's `moveNodes` as a mutation. @example const { mutate } = useMoveNodes() */
declare const useMoveNodes: () => UseMutationResult<_prime_network_sdk.MoveNodesReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    fromPoolId: bigint;
    toPoolId: bigint;
    invites: readonly _prime_network_sdk.InviteInput[];
}>;
/** The SDK's `pause` as a mutation. @example const { mutate } = usePause() */
declare const usePause: () => UseMutationResult<WriteReturnType, PrimeMutationError, object>;
/** The SDK's `proposeRoleTransfer` as a mutation. @example const { mutate } = useProposeRoleTransfer() */
declare const useProposeRoleTransfer: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    role: _prime_network_sdk.Role;
    newHolder: viem.Address;
}>;
/** The SDK's `reclaimStake` as a mutation. @example const { mutate } = useReclaimStake() */
declare const useReclaimStake: () => UseMutationResult<_prime_network_sdk.ReclaimStakeReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    amount: bigint;
}>;
/** The SDK's `registerProvider` as a mutation. @example const { mutate } = useRegisterProvider() */
declare const useRegisterProvider: () => UseMutationResult<_prime_network_sdk.RegisterProviderReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    amount: bigint;
    permit?: boolean | undefined;
    permitValidity?: bigint | undefined;
}>;
/** The SDK's `removeNode` as a mutation. @example const { mutate } = useRemoveNode() */
declare const useRemoveNode: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    nodeKey: viem.Address;
}>;
/** The SDK's `setComputeManagerKey` as a mutation. @example const { mutate } = useSetComputeManagerKey() */
declare const useSetComputeManagerKey: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    computeManagerKey: viem.Address;
}>;
/** The SDK's `setMinWorkLockPeriod` as a mutation. @example const { mutate } = useSetMinWorkLockPeriod() */
declare const useSetMinWorkLockPeriod: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    period: bigint;
}>;
/** The SDK's `setNodeBenchmark` as a mutation. @example const { mutate } = useSetNodeBenchmark() */
declare const useSetNodeBenchmark: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    nodeKey: viem.Address;
    score: bigint;
}>;
/** The SDK's `setRewardRate` as a mutation. @example const { mutate } = useSetRewardRate() */
declare const useSetRewardRate: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    rate: bigint;
}>;
/** The SDK's `setStakeMinimum` as a mutation. @example const { mutate } = useSetStakeMinimum() */
declare const useSetStakeMinimum: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    stakeMinimum: bigint;
}>;
/** The SDK's `setTreasury` as a mutation. @example const { mutate } = useSetTreasury() */
declare const useSetTreasury: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    treasury: viem.Address;
}>;
/** The SDK's `setUnbondingPeriod` as a mutation. @example const { mutate } = useSetUnbondingPeriod() */
declare const useSetUnbondingPeriod: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    period: bigint;
}>;
/** The SDK's `setWorkLockPeriod` as a mutation. @example const { mutate } = useSetWorkLockPeriod() */
declare const useSetWorkLockPeriod: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    period: bigint;
}>;
/** The SDK's `setWorkRewardRate` as a mutation. @example const { mutate } = useSetWorkRewardRate() */
declare const useSetWorkRewardRate: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    rate: bigint;
    maxLockedPerNode: bigint;
}>;
/** The SDK's `setWorkUnitsCap` as a mutation. @example const { mutate } = useSetWorkUnitsCap() */
declare const useSetWorkUnitsCap: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    domainId: bigint;
    cap: bigint;
}>;
/** The SDK's `slash` as a mutation. @example const { mutate } = useSlash() */
declare const useSlash: () => UseMutationResult<_prime_network_sdk.SlashReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    provider: viem.Address;
    amount: bigint;
    evict?: readonly _prime_network_sdk.NodeInPool[] | undefined;
}>;
/** The SDK's `softInvalidateWork` as a mutation. @example const { mutate } = useSoftInvalidateWork() */
declare const useSoftInvalidateWork: () => UseMutationResult<_prime_network_sdk.SoftInvalidateWorkReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    nodeKey: viem.Address;
    workKey: viem.Hex;
}>;
/** The SDK's `startPool` as a mutation. @example const { mutate } = useStartPool() */
declare const useStartPool: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
}>;
/** The SDK's `submitWork` as a mutation. @example const { mutate } = useSubmitWork() */
declare const useSubmitWork: () => UseMutationResult<_prime_network_sdk.SubmitWorkReturnType, PrimeMutationError, _prime_network_sdk.SubmitWorkParameters>;
/** The SDK's `unpause` as a mutation. @example const { mutate } = useUnpause() */
declare const useUnpause: () => UseMutationResult<WriteReturnType, PrimeMutationError, object>;
/** The SDK's `updateDomain` as a mutation. @example const { mutate } = useUpdateDomain() */
declare const useUpdateDomain: () => UseMutationResult<_prime_network_sdk.UpdateDomainReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    domainId: bigint;
    validationLogic: viem.Address;
    domainParametersURI: string;
}>;
/** The SDK's `updatePool` as a mutation. @example const { mutate } = useUpdatePool() */
declare const useUpdatePool: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
    computeLimit: bigint;
    poolDataURI: string;
}>;
/** The SDK's `validateNode` as a mutation. @example const { mutate } = useValidateNode() */
declare const useValidateNode: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    nodeKey: viem.Address;
}>;
/** The SDK's `whitelistProvider` as a mutation. @example const { mutate } = useWhitelistProvider() */
declare const useWhitelistProvider: () => UseMutationResult<WriteReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    provider: viem.Address;
}>;
/** The SDK's `withdrawStake` as a mutation. @example const { mutate } = useWithdrawStake() */
declare const useWithdrawStake: () => UseMutationResult<_prime_network_sdk.WithdrawStakeReturnType, PrimeMutationError, object>;
/** The SDK's `withdrawUnusedBudget` as a mutation. @example const { mutate } = useWithdrawUnusedBudget() */
declare const useWithdrawUnusedBudget: () => UseMutationResult<_prime_network_sdk.WithdrawUnusedBudgetReturnType, PrimeMutationError, _prime_network_sdk.WriteOptions & {
    account?: viem.Account | viem.Address | undefined;
} & {
    poolId: bigint;
}>;

/** The deployment the hooks below a `PrimeNetworkProvider` use (undefined: the chain's registered one). */
declare function useDeployment(): Deployment | undefined;
/**
 * Marks stale every protocol query of `queryClient` that `events` change (see the SDK's
 * `isStaleAfter`): a query that is on screen is read again at once, the others when next used.
 */
declare function refreshAfter(queryClient: QueryClient, events: readonly ProtocolEventLike[], deployment: Deployment): Promise<void>;
/** The protocol events in a transaction's logs, decoded. */
declare function protocolEventsIn(logs: readonly Log[]): ProtocolEventLike[];
/**
 * Gives the hooks below it their deployment and keeps their data live: one watcher of the
 * deployment's events per client (never one per hook) marks exactly the queries each event
 * changes as stale, and each new block refreshes the reads that move with chain time alone
 * (accruing rewards, unlocking work). Put it inside wagmi's and TanStack Query's providers.
 *
 * @example
 * <WagmiProvider config={config}>
 *   <QueryClientProvider client={queryClient}>
 *     <PrimeNetworkProvider deployment={deployment}>
 *       <App />
 *     </PrimeNetworkProvider>
 *   </QueryClientProvider>
 * </WagmiProvider>
 */
declare function PrimeNetworkProvider(props: {
    deployment: Deployment;
    children?: ReactNode;
    /** How often to poll for events and blocks over HTTP, in ms (default: the client's). */
    pollingInterval?: number;
}): react.JSX.Element;

/** A pool. @example const { data: pool } = usePool({ poolId: 1n }) */
declare const usePool: (parameters: _prime_network_sdk.GetPoolParameters | undefined) => UseQueryResult<_prime_network_sdk.Pool>;
/** A pool's members with their time and pending rewards. @example usePoolNodes({ poolId }) */
declare const usePoolNodes: (parameters: _prime_network_sdk.GetPoolNodesParameters | undefined) => UseQueryResult<_prime_network_sdk.GetPoolNodesReturnType>;
/** A pool's budget, rates and work terms. @example usePoolRewards({ poolId }) */
declare const usePoolRewards: (parameters: _prime_network_sdk.GetPoolRewardsParameters | undefined) => UseQueryResult<_prime_network_sdk.PoolRewards>;
/** A pool, its rewards and its members in one read. @example usePoolSnapshot({ poolId }) */
declare const usePoolSnapshot: (parameters: _prime_network_sdk.GetPoolSnapshotParameters | undefined) => UseQueryResult<_prime_network_sdk.PoolSnapshot>;
/** What a provider (or node) can claim in a pool, and what is locked. @example usePendingRewards({ poolId, provider }) */
declare const usePendingRewards: (parameters: _prime_network_sdk.GetPendingRewardsParameters | undefined) => UseQueryResult<_prime_network_sdk.GetPendingRewardsReturnType>;
/** A provider and its nodes. @example useProvider({ provider }) */
declare const useProvider: (parameters: _prime_network_sdk.GetProviderParameters | undefined) => UseQueryResult<_prime_network_sdk.Provider>;
/** A provider, its stake, where its nodes are and its rewards per pool. @example useProviderSnapshot({ provider }) */
declare const useProviderSnapshot: (parameters: _prime_network_sdk.GetProviderSnapshotParameters | undefined) => UseQueryResult<_prime_network_sdk.ProviderSnapshot>;
/** A provider's stake: active, unbonding, withdrawable. @example useStake({ provider }) */
declare const useStake: (parameters: _prime_network_sdk.GetStakeParameters | undefined) => UseQueryResult<_prime_network_sdk.Stake>;
/** The stake a provider needs. @example useMinimumStake({ provider }) */
declare const useMinimumStake: (parameters: (DeploymentParameter & object) | undefined) => UseQueryResult<bigint>;
/** A node. @example useNode({ nodeKey }) */
declare const useNode: (parameters: _prime_network_sdk.GetNodeParameters | undefined) => UseQueryResult<_prime_network_sdk.GetNodeReturnType>;
/** A node's work, by its key. @example useWork({ nodeKey, workKey }) */
declare const useWork: (parameters: _prime_network_sdk.GetWorkParameters | undefined) => UseQueryResult<_prime_network_sdk.GetWorkReturnType>;
/** A domain. @example useDomain({ domainId: 1n }) */
declare const useDomain: (parameters: _prime_network_sdk.GetDomainParameters | undefined) => UseQueryResult<_prime_network_sdk.Domain>;
/** The network's parameters, roles and pause. @example useNetworkSnapshot({}) */
declare const useNetworkSnapshot: (parameters: (DeploymentParameter & object) | undefined) => UseQueryResult<_prime_network_sdk.NetworkSnapshot>;
/** Who may accept a role. @example usePendingRoleHolder({ role: 'validator' }) */
declare const usePendingRoleHolder: (parameters: _prime_network_sdk.GetPendingRoleHolderParameters | undefined) => UseQueryResult<_prime_network_sdk.GetPendingRoleHolderReturnType>;
/** Whether an invite nonce is spent. @example useIsInviteNonceUsed({ poolId, nonce }) */
declare const useIsInviteNonceUsed: (parameters: _prime_network_sdk.IsInviteNonceUsedParameters | undefined) => UseQueryResult<boolean>;

export { type PrimeMutationError, PrimeNetworkProvider, protocolEventsIn, refreshAfter, useAcceptRole, useAddNode, useBlacklistNode, useBlacklistProvider, useCancelInviteNonce, useCancelRoleTransfer, useClaimRewards, useCreateDomain, useCreatePool, useDeployment, useDomain, useEjectIneligibleNodes, useEjectNode, useEndPool, useForfeitRewards, useFundPool, useIncreaseStake, useInvalidateNode, useInvalidateWork, useIsInviteNonceUsed, useJoinPool, useLeavePool, useMinimumStake, useMoveNodes, useNetworkSnapshot, useNode, usePause, usePendingRewards, usePendingRoleHolder, usePool, usePoolNodes, usePoolRewards, usePoolSnapshot, useProposeRoleTransfer, useProvider, useProviderSnapshot, useReclaimStake, useRegisterProvider, useRemoveNode, useSetComputeManagerKey, useSetMinWorkLockPeriod, useSetNodeBenchmark, useSetRewardRate, useSetStakeMinimum, useSetTreasury, useSetUnbondingPeriod, useSetWorkLockPeriod, useSetWorkRewardRate, useSetWorkUnitsCap, useSignPoolInvite, useSlash, useSoftInvalidateWork, useStake, useStartPool, useSubmitWork, useUnpause, useUpdateDomain, useUpdatePool, useValidateNode, useWhitelistProvider, useWithdrawStake, useWithdrawUnusedBudget, useWork };
