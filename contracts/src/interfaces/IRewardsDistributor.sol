// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPrimeNetworkModule} from "./IPrimeNetworkModule.sol";

/// @title IRewardsDistributor
/// @notice Pools' reward budgets and the ledger of who is in which pool for how long.
///
/// Every pool has a rate (token units per compute unit per second) and a funded budget. While the
/// pool is ACTIVE each member node earns `rate x computeUnits x activeSeconds`. Accrual is tracked
/// with a per-pool index of rewards per compute unit, so every node pays from the same budget at the
/// same time: when the budget runs out, accrual stops for all nodes at once (no unfunded promises,
/// no first-come-first-served) and resumes when someone funds the pool again. The index moves in
/// whole token units per compute unit, so the sum of what nodes earn equals what leaves the budget.
///
/// @dev Warning: the reward token must be a plain ERC-20 (no fee on transfer, no rebasing).
interface IRewardsDistributor is IPrimeNetworkModule {
    /// @notice A pool's reward state.
    /// @param index Rewards per compute unit accrued since the pool began, plus 1 (the index starts at 1
    /// so that no node's checkpoint is zero; only differences are paid).
    /// @param lastUpdate When the index was last brought up to date (frozen at the pool's end).
    /// @param totalCompute Compute units of the nodes in the pool now.
    /// @param nodeCount Nodes in the pool now.
    /// @param ended Whether the pool has ended (accrual frozen).
    /// @param hasWork Whether the pool ever accepted work (claims in pools without work skip the work
    /// ledger). totalCompute fits 56 bits: at most 2^24 nodes of at most 2^32 units.
    /// @param rate Token units per compute unit per second.
    /// @param budget Funded tokens not yet accrued to any node.
    struct PoolRewards {
        uint128 index;
        uint32 lastUpdate;
        uint56 totalCompute;
        uint24 nodeCount;
        bool ended;
        bool hasWork;
        uint128 rate;
        uint128 budget;
    }

    /// @notice A node's record in one pool.
    /// @param provider The provider the node earned for (rewards go to it).
    /// @param computeUnits The node's compute units while in the pool.
    /// @param joinedAt When the node joined (0 while it is not in the pool).
    /// @param activeSeconds Seconds the node spent in the pool while it was active, before its current stay
    /// (counted for its current provider: reset when the key comes back under another provider).
    /// @param checkpoint The pool index when the node's rewards were last settled.
    /// @param unclaimed Time rewards settled but not yet claimed.
    struct NodeRecord {
        address provider;
        uint32 computeUnits;
        uint32 joinedAt;
        uint32 activeSeconds;
        uint128 checkpoint;
        uint128 unclaimed;
    }

    /// @notice What became of a work.
    enum WorkStatus {
        NONE,
        ACCEPTED,
        INVALIDATED,
        SOFT_INVALIDATED
    }

    /// @notice A pool's work parameters and totals (one slot).
    /// @param workRate Token units per accepted work unit.
    /// @param lockPeriod The lock window in seconds: fixed by the pool's first accepted work.
    /// @param workCount Works accepted in the pool (invalidated ones included).
    /// @param workUnits Their units.
    struct PoolWork {
        uint128 workRate;
        uint32 lockPeriod;
        uint32 workCount;
        uint64 workUnits;
    }

    /// @notice A node's locked work rewards in a pool (one slot): at most two buckets, by unlock time.
    /// @param lockedA Rewards in the first bucket.
    /// @param unlockA When they unlock.
    /// @param lockedB Rewards in the second bucket.
    /// @param unlockB When they unlock.
    /// @param hasClaimable Whether matured work rewards wait in the claimable balance.
    struct WorkLocks {
        uint88 lockedA;
        uint32 unlockA;
        uint88 lockedB;
        uint32 unlockB;
        bool hasClaimable;
    }

    /// @notice An accepted work (two slots).
    /// @param nodeKey The node that did it.
    /// @param poolId Its pool.
    /// @param submittedAt When it was accepted.
    /// @param units Its work units.
    /// @param provider The node's provider then (paid for it, and slashed if it is invalidated).
    /// @param reward The reward reserved for it from the pool's budget.
    /// @param status What became of it.
    struct Work {
        address nodeKey;
        uint32 poolId;
        uint32 submittedAt;
        uint32 units;
        address provider;
        uint88 reward;
        WorkStatus status;
    }

    /// @notice The caller is not the ComputePool.
    error CallerNotComputePool(address caller);

    /// @notice Work units must be between 1 and `max`.
    error InvalidWorkUnits(uint256 units, uint256 max);

    /// @notice Work `workKey` was accepted before (in any pool) and not invalidated.
    error WorkKeyUsed(bytes32 workKey);

    /// @notice Pool `poolId`'s budget cannot cover the `reward` of a work.
    error InsufficientBudget(uint256 poolId, uint256 reward, uint256 budget);

    /// @notice No work `workKey` was accepted.
    error WorkNotFound(bytes32 workKey);

    /// @notice Work `workKey` was already invalidated.
    error WorkAlreadyInvalidated(bytes32 workKey);

    /// @notice Work `workKey` unlocked at `unlockAt`: it is final and can no longer be invalidated.
    error WorkFinal(bytes32 workKey, uint256 unlockAt);

    /// @notice Pool `poolId` has accepted work: its lock window no longer changes.
    error WorkLockPeriodFixed(uint256 poolId);

    /// @notice A lock window below the network's `minimum`.
    error WorkLockPeriodTooShort(uint256 period, uint256 minimum);

    /// @notice A lock window above `max`.
    error WorkLockPeriodTooLong(uint256 period, uint256 max);

    /// @notice `nodeKey` cannot rejoin pool `poolId` under a new provider while work rewards of its
    /// `previousProvider` there are still locked.
    error PreviousProviderWorkLocked(uint256 poolId, address nodeKey, address previousProvider);

    /// @notice `nodeKey` is not in pool `poolId`.
    error NodeNotInPool(uint256 poolId, address nodeKey);

    /// @notice Pool `poolId` has ended; it takes no more funding or rate changes.
    error PoolAlreadyEnded(uint256 poolId);

    /// @notice Pool `poolId` has not ended; its budget stays until it does.
    error PoolNotEnded(uint256 poolId);

    /// @notice Ended pool `poolId` has no unaccrued budget left to withdraw.
    error NoUnusedBudget(uint256 poolId);

    /// @notice A pool holds at most `max` nodes at once.
    error TooManyPoolNodes(uint256 poolId, uint256 max);

    /// @notice `funder` added `amount` to pool `poolId`'s budget.
    /// @param poolId The pool.
    /// @param funder Who paid.
    /// @param amount The tokens added.
    /// @param budget The unaccrued budget afterwards.
    event PoolFunded(uint256 indexed poolId, address indexed funder, uint256 amount, uint256 budget);

    /// @notice The creator set pool `poolId`'s reward rate.
    /// @param poolId The pool.
    /// @param rate Token units per compute unit per second.
    event RewardRateSet(uint256 indexed poolId, uint256 rate);

    /// @notice `provider` received what `nodeKey` earned in pool `poolId`: `timeRewards` for its compute
    /// seconds and `workRewards` for its matured work.
    /// @param poolId The pool.
    /// @param nodeKey The node that earned it.
    /// @param provider Who received the tokens.
    /// @param timeRewards The tokens earned by time.
    /// @param workRewards The tokens earned by work.
    event RewardsClaimed(
        uint256 indexed poolId,
        address indexed nodeKey,
        address indexed provider,
        uint256 timeRewards,
        uint256 workRewards
    );

    /// @notice The creator set pool `poolId`'s reward per accepted work unit.
    /// @param poolId The pool.
    /// @param rate Token units per work unit.
    event WorkRewardRateSet(uint256 indexed poolId, uint256 rate);

    /// @notice Pool `poolId`'s lock window is now `period` seconds (set by the creator, or raised to the
    /// network minimum by the pool's first work).
    /// @param poolId The pool.
    /// @param period The window.
    event WorkLockPeriodSet(uint256 indexed poolId, uint256 period);

    /// @notice Work `workKey` of `nodeKey` was accepted in pool `poolId`: `reward` is reserved from the
    /// budget and locked until `unlockAt`.
    /// @param workKey The work's key.
    /// @param poolId The pool.
    /// @param nodeKey The node that did it.
    /// @param provider The node's provider.
    /// @param units Its work units.
    /// @param reward The reward reserved for it.
    /// @param unlockAt When the reward becomes claimable (and the work final).
    event WorkAccepted(
        bytes32 indexed workKey,
        uint256 indexed poolId,
        address indexed nodeKey,
        address provider,
        uint256 units,
        uint256 reward,
        uint256 unlockAt
    );

    /// @notice A validator invalidated work `workKey`: its `reward` went back to pool `poolId`'s budget.
    /// @param workKey The work's key.
    /// @param poolId The pool.
    /// @param nodeKey The node that did it.
    /// @param reward The reward returned to the budget.
    /// @param hard True for invalidateWork (with a penalty and perhaps the node's invalidation),
    /// false for softInvalidateWork.
    event WorkInvalidated(
        bytes32 indexed workKey, uint256 indexed poolId, address indexed nodeKey, uint256 reward, bool hard
    );

    /// @notice A validator forfeited `amount` of `nodeKey`'s unclaimed rewards back to pool `poolId`'s budget.
    /// @param poolId The pool.
    /// @param nodeKey The node.
    /// @param amount The tokens returned to the budget.
    event RewardsForfeited(uint256 indexed poolId, address indexed nodeKey, uint256 amount);

    /// @notice The creator took back `amount` of ended pool `poolId`'s unaccrued budget.
    /// @param poolId The pool.
    /// @param to The creator.
    /// @param amount The tokens transferred.
    event BudgetWithdrawn(uint256 indexed poolId, address indexed to, uint256 amount);

    /// @notice The most nodes one pool holds at once (its node counter is 24 bits).
    function MAX_POOL_NODES() external view returns (uint256);

    /// @notice The reward token.
    function token() external view returns (address);

    /// @notice The ComputePool whose pools this contract pays.
    function computePool() external view returns (address);

    /// @notice Pool `poolId`'s reward state, accrued up to now.
    function getPoolRewards(uint256 poolId) external view returns (PoolRewards memory);

    /// @notice `nodeKey`'s record in pool `poolId`, with rewards settled up to now.
    function getNodeRecord(uint256 poolId, address nodeKey) external view returns (NodeRecord memory);

    /// @notice Pool `poolId`'s work parameters and totals.
    function getPoolWork(uint256 poolId) external view returns (PoolWork memory);

    /// @notice Work `workKey` as recorded (all zero when unknown) and when it unlocks (becomes final).
    function getWork(bytes32 workKey) external view returns (Work memory work, uint256 unlockAt);

    /// @notice `nodeKey`'s work rewards in pool `poolId` now: still locked, claimable, and the next
    /// unlock time of a locked bucket (0 when nothing is locked).
    function getNodeWork(uint256 poolId, address nodeKey)
        external
        view
        returns (uint256 locked, uint256 claimable, uint256 nextUnlock);

    /// @notice The records of `nodeKeys` in pool `poolId`, settled up to now, in one call.
    function getNodeRecords(uint256 poolId, address[] calldata nodeKeys) external view returns (NodeRecord[] memory);

    /// @notice What `nodeKey`'s provider could claim from pool `poolId` now for time (work rewards:
    /// getNodeWork).
    function calculateRewards(uint256 poolId, address nodeKey) external view returns (uint256);

    /// @notice Adds `amount` tokens from the caller to pool `poolId`'s budget (needs an allowance). Anyone.
    /// @dev Warning: funding is a gift to the pool, not a deposit. The pool's creator may end the
    /// pool at any moment and take back every token that no node has accrued yet, including what
    /// others funded (withdrawUnusedBudget). Fund only pools whose creator you trust.
    /// Reverts with AmountTooLarge(amount, room) when the distributor would hold more than
    /// 2^128 - 1 tokens (all pools together), the bound that keeps every budget a uint128.
    function fundPool(uint256 poolId, uint256 amount) external;

    /// @notice Sets pool `poolId`'s rate in token units per compute unit per second. Pool creator only.
    function setRewardRate(uint256 poolId, uint256 rate) external;

    /// @notice Sets pool `poolId`'s reward per accepted work unit, for works accepted from now on.
    /// Pool creator only.
    function setWorkRewardRate(uint256 poolId, uint256 rate) external;

    /// @notice Sets pool `poolId`'s lock window: how long validators have to check a work before its
    /// reward can be claimed. At least the network's minimum (PrimeNetwork.minWorkLockPeriod), at most
    /// 90 days, and only before the pool's first work. Pool creator only.
    function setWorkLockPeriod(uint256 poolId, uint256 period) external;

    /// @notice Pays the caller what its `nodeKeys` earned in pool `poolId`: time rewards and matured
    /// work rewards; the cost does not grow with the number of works. Never paused.
    /// @return total The tokens transferred.
    function claimRewards(uint256 poolId, address[] calldata nodeKeys) external returns (uint256 total);

    /// @notice Returns `nodeKey`'s unclaimed rewards in pool `poolId` (time and matured work) to the
    /// pool's budget. Locked work is invalidated work by work instead. Validator only.
    /// @return amount The tokens forfeited.
    function forfeitRewards(uint256 poolId, address nodeKey) external returns (uint256 amount);

    /// @notice Sends ended pool `poolId`'s unaccrued budget to its creator. Creator only.
    /// @return amount The tokens transferred.
    function withdrawUnusedBudget(uint256 poolId) external returns (uint256 amount);

    /// @notice Records that `nodeKeys` of `provider` joined pool `poolId`, reverting with
    /// PoolComputeLimitExceeded before any write when the pool would exceed `computeLimit` (0 = none).
    /// @dev Only ComputePool, after admitting each node.
    function onNodesJoined(
        uint256 poolId,
        address provider,
        address[] calldata nodeKeys,
        uint32[] calldata computeUnits,
        uint256 computeLimit
    ) external;

    /// @notice Records that `nodeKey` left pool `poolId` and settles its rewards; does nothing when
    /// the node is not in the pool.
    /// @dev Only ComputePool.
    /// @return provider The provider the node was earning for, or zero when it was not in the pool.
    function onNodeLeft(uint256 poolId, address nodeKey) external returns (address provider);

    /// @notice Records work `workKey` of `nodeKey` in pool `poolId`: reserves `units` x the pool's work
    /// rate from the budget and locks it for the pool's window. A key is accepted once across all
    /// pools; a key whose work was invalidated may be submitted again (the new record replaces the
    /// old one), so a node whose key was copied from the mempool by another and invalidated gets it back.
    /// @dev Only ComputePool, after checking the pool, the node and the domain's validation logic.
    /// @return reward The reward reserved.
    /// @return unlockAt When it unlocks.
    function onWorkAccepted(uint256 poolId, address nodeKey, address provider, bytes32 workKey, uint256 units)
        external
        returns (uint256 reward, uint256 unlockAt);

    /// @notice Invalidates work `workKey` while it is locked and returns exactly its reward to its
    /// pool's budget.
    /// @dev Only PrimeNetwork (validators call invalidateWork / softInvalidateWork there).
    /// @return poolId The work's pool.
    /// @return nodeKey The node that did it.
    /// @return provider Its provider at the time (to slash for a hard invalidation).
    /// @return reward The reward returned.
    function onWorkInvalidated(bytes32 workKey, bool hard)
        external
        returns (uint256 poolId, address nodeKey, address provider, uint256 reward);

    /// @notice Freezes pool `poolId`'s accrual at this moment.
    /// @dev Only ComputePool.
    function onPoolEnded(uint256 poolId) external;
}
