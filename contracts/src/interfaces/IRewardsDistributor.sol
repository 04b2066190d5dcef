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

    /// @notice A pool's work terms (one slot).
    /// @param workRate Token units per accepted work unit.
    /// @param lockPeriod The lock window in seconds. Before the pool's first work, the creator's choice
    /// (0 until set); the first work fixes it, raised to the network's minimum of that moment.
    /// @param maxLockedPerNode The most work rewards one node may have locked in the pool at once.
    struct PoolWork {
        uint88 workRate;
        uint32 lockPeriod;
        uint88 maxLockedPerNode;
    }

    /// @notice A node's locked work rewards in a pool (one slot): at most two buckets, by unlock time.
    /// A bucket is in use while its unlock time is set, even when it holds no tokens (work accepted
    /// at a work rate of 0 is still inside its window), so "some work of this node is not final"
    /// reads from this one slot.
    /// @param lockedA Rewards in the first bucket.
    /// @param unlockA When they unlock (0 = bucket free).
    /// @param lockedB Rewards in the second bucket.
    /// @param unlockB When they unlock (0 = bucket free).
    /// @param hasClaimable Whether matured work rewards wait in the claimable balance.
    /// @param sweeps How many times a hard invalidation returned all of the node's locked rewards; a
    /// work records the count of its submission, so a later invalidation knows its reward was returned.
    struct WorkLocks {
        uint88 lockedA;
        uint32 unlockA;
        uint88 lockedB;
        uint32 unlockB;
        bool hasClaimable;
        uint8 sweeps;
    }

    /// @notice An accepted work (one slot), stored under the node that did it and the work key its
    /// domain's logic returned. The provider is not stored: while the work can be invalidated it is
    /// the provider of the node's record in the pool (a node key cannot rejoin the pool under another
    /// provider while work of the previous one is inside its window).
    /// @param poolId Its pool.
    /// @param submittedAt When it was accepted.
    /// @param units Its work units.
    /// @param reward The reward reserved for it from the pool's budget.
    /// @param status What became of it.
    /// @param sweeps The node's WorkLocks.sweeps when the work was accepted.
    struct Work {
        uint32 poolId;
        uint32 submittedAt;
        uint32 units;
        uint88 reward;
        WorkStatus status;
        uint8 sweeps;
    }

    /// @notice The caller is not the ComputePool.
    error CallerNotComputePool(address caller);

    /// @notice Work units must be between 1 and `max`.
    error InvalidWorkUnits(uint256 units, uint256 max);

    /// @notice `nodeKey` submitted work `workKey` before, in some pool: it was paid for or is locked, or
    /// it was invalidated and stays rejected.
    error WorkKeyUsed(address nodeKey, bytes32 workKey);

    /// @notice Pool `poolId` pays `workRate` per work unit, less than the `minWorkRate` the submission accepts.
    error WorkRateBelowTerms(uint256 poolId, uint256 workRate, uint256 minWorkRate);

    /// @notice Pool `poolId`'s lock window is `lockPeriod`, longer than the `maxLockPeriod` the submission accepts.
    error WorkLockPeriodAboveTerms(uint256 poolId, uint256 lockPeriod, uint256 maxLockPeriod);

    /// @notice `nodeKey` would have `locked` work rewards locked in pool `poolId`, above the pool's `limit` per node.
    error NodeLockedWorkAboveLimit(uint256 poolId, address nodeKey, uint256 locked, uint256 limit);

    /// @notice Pool `poolId`'s budget cannot cover the `reward` of a work.
    error InsufficientBudget(uint256 poolId, uint256 reward, uint256 budget);

    /// @notice `nodeKey` has no accepted work `workKey`.
    error WorkNotFound(address nodeKey, bytes32 workKey);

    /// @notice Work `workKey` of `nodeKey` was already invalidated.
    error WorkAlreadyInvalidated(address nodeKey, bytes32 workKey);

    /// @notice Work `workKey` of `nodeKey` unlocked at `unlockAt`: it is final and can no longer be invalidated.
    error WorkFinal(address nodeKey, bytes32 workKey, uint256 unlockAt);

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

    /// @notice The creator set pool `poolId`'s reward per accepted work unit and the most work rewards
    /// one node may have locked there.
    /// @param poolId The pool.
    /// @param rate Token units per work unit.
    /// @param maxLockedPerNode The most work rewards one node may have locked in the pool at once.
    event WorkRewardRateSet(uint256 indexed poolId, uint256 rate, uint256 maxLockedPerNode);

    /// @notice Pool `poolId`'s lock window is now `period` seconds (set by the creator, or raised to the
    /// network minimum by the pool's first work).
    /// @param poolId The pool.
    /// @param period The window.
    event WorkLockPeriodSet(uint256 indexed poolId, uint256 period);

    /// @notice Work `workKey` of `nodeKey` was accepted in pool `poolId`: `reward` is reserved from the
    /// budget and locked until `unlockAt`.
    /// @param nodeKey The node that did it (with `workKey`, the work's identity).
    /// @param workKey The work's key, as the domain's validation logic returned it.
    /// @param poolId The pool.
    /// @param provider The node's provider.
    /// @param units Its work units.
    /// @param reward The reward reserved for it.
    /// @param unlockAt When the reward becomes claimable (and the work final).
    event WorkAccepted(
        address indexed nodeKey,
        bytes32 indexed workKey,
        uint256 indexed poolId,
        address provider,
        uint256 units,
        uint256 reward,
        uint256 unlockAt
    );

    /// @notice A validator invalidated work `workKey` of `nodeKey`: its `reward` went back to pool
    /// `poolId`'s budget.
    /// @param nodeKey The node that did it.
    /// @param workKey The work's key.
    /// @param poolId The pool.
    /// @param reward The work's reward returned to the budget now (0 when an earlier hard
    /// invalidation had already returned all of the node's locked rewards).
    /// @param hard True for invalidateWork (with a penalty and perhaps the node's invalidation),
    /// false for softInvalidateWork.
    event WorkInvalidated(
        address indexed nodeKey, bytes32 indexed workKey, uint256 indexed poolId, uint256 reward, bool hard
    );

    /// @notice A hard invalidation that invalidated `nodeKey` also returned its other locked work
    /// rewards in pool `poolId` to the budget: those works stay recorded but will pay nothing.
    /// @param poolId The pool.
    /// @param nodeKey The node.
    /// @param amount The tokens returned to the budget.
    event LockedWorkReturned(uint256 indexed poolId, address indexed nodeKey, uint256 amount);

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

    /// @notice Pool `poolId`'s work terms, with the lock window the next work gets: before the pool's
    /// first work, the creator's choice raised to the network's minimum as it is now.
    function getPoolWork(uint256 poolId) external view returns (PoolWork memory);

    /// @notice Work `workKey` of `nodeKey` as recorded (all zero when unknown), its provider and when it
    /// unlocks (becomes final).
    /// @return work The record.
    /// @return provider The provider of the node's record in the work's pool: while the work is
    /// locked, the provider that submitted it (and would be slashed for it).
    /// @return unlockAt When the work's reward unlocks and the work becomes final.
    /// @return rewardReturned Whether its reward went back to the budget: it was invalidated, or an
    /// invalidation of its node returned all of the node's locked rewards while this one was locked
    /// (it then stays accepted, and final after its window, but pays nothing).
    function getWork(address nodeKey, bytes32 workKey)
        external
        view
        returns (Work memory work, address provider, uint256 unlockAt, bool rewardReturned);

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

    /// @notice Sets pool `poolId`'s reward per accepted work unit, for works accepted from now on, and
    /// the most work rewards one node may have locked there at once. The bound keeps one node from
    /// reserving the whole budget (which would stop time accrual for every node): n nodes can tie up
    /// at most n x `maxLockedPerNode`. Submissions that would pass it revert; nothing already locked
    /// changes. Pool creator only.
    function setWorkRewardRate(uint256 poolId, uint256 rate, uint256 maxLockedPerNode) external;

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
    /// rate from the budget and locks it for the pool's window. A node submits a key once across all
    /// pools; invalidated work stays rejected. The submitter's terms hold or nothing is recorded: a
    /// rate of at least `minWorkRate` and a window of at most `maxLockPeriod`.
    /// @dev Only ComputePool, after checking the pool, the node and the domain's validation logic.
    /// @return reward The reward reserved.
    /// @return unlockAt When it unlocks.
    function onWorkAccepted(
        uint256 poolId,
        address nodeKey,
        address provider,
        bytes32 workKey,
        uint256 units,
        uint256 minWorkRate,
        uint256 maxLockPeriod
    ) external returns (uint256 reward, uint256 unlockAt);

    /// @notice Invalidates work `workKey` of `nodeKey` while it is locked and returns exactly its reward
    /// to its pool's budget; with `returnAllLocked`, every other locked work reward of the node in that
    /// pool as well (LockedWorkReturned), in constant gas.
    /// @dev Only PrimeNetwork (validators call invalidateWork / softInvalidateWork there).
    /// @return poolId The work's pool.
    /// @return provider The provider that submitted it (to slash for a hard invalidation).
    function onWorkInvalidated(address nodeKey, bytes32 workKey, bool hard, bool returnAllLocked)
        external
        returns (uint256 poolId, address provider);

    /// @notice Freezes pool `poolId`'s accrual at this moment.
    /// @dev Only ComputePool.
    function onPoolEnded(uint256 poolId) external;
}
