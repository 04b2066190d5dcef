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
    /// @param rate Token units per compute unit per second.
    /// @param budget Funded tokens not yet accrued to any node.
    struct PoolRewards {
        uint128 index;
        uint32 lastUpdate;
        uint64 totalCompute;
        uint24 nodeCount;
        bool ended;
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
    /// @param unclaimed Rewards settled but not yet claimed.
    struct NodeRecord {
        address provider;
        uint32 computeUnits;
        uint32 joinedAt;
        uint32 activeSeconds;
        uint128 checkpoint;
        uint128 unclaimed;
    }

    /// @notice The caller is not the ComputePool.
    error CallerNotComputePool(address caller);

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

    /// @notice `provider` claimed `amount` earned by `nodeKey` in pool `poolId`.
    /// @param poolId The pool.
    /// @param nodeKey The node that earned it.
    /// @param provider Who received the tokens.
    /// @param amount The tokens transferred.
    event RewardsClaimed(uint256 indexed poolId, address indexed nodeKey, address indexed provider, uint256 amount);

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

    /// @notice The records of `nodeKeys` in pool `poolId`, settled up to now, in one call.
    function getNodeRecords(uint256 poolId, address[] calldata nodeKeys) external view returns (NodeRecord[] memory);

    /// @notice What `nodeKey`'s provider could claim from pool `poolId` now.
    function calculateRewards(uint256 poolId, address nodeKey) external view returns (uint256);

    /// @notice Adds `amount` tokens from the caller to pool `poolId`'s budget (needs an allowance). Anyone.
    /// @dev Warning: funding is a gift to the pool, not a deposit. The pool's creator may end the
    /// pool at any moment and take back every token that no node has accrued yet, including what
    /// others funded (withdrawUnusedBudget). Fund only pools whose creator you trust.
    function fundPool(uint256 poolId, uint256 amount) external;

    /// @notice Sets pool `poolId`'s rate in token units per compute unit per second. Pool creator only.
    function setRewardRate(uint256 poolId, uint256 rate) external;

    /// @notice Pays the caller what its `nodeKeys` earned in pool `poolId`. Never paused.
    /// @return total The tokens transferred.
    function claimRewards(uint256 poolId, address[] calldata nodeKeys) external returns (uint256 total);

    /// @notice Returns `nodeKey`'s unclaimed rewards in pool `poolId` to the pool's budget. Validator only.
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

    /// @notice Freezes pool `poolId`'s accrual at this moment.
    /// @dev Only ComputePool.
    function onPoolEnded(uint256 poolId) external;
}
