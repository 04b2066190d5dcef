// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {PrimeNetworkModule} from "./base/PrimeNetworkModule.sol";
import {IComputePool} from "./interfaces/IComputePool.sol";
import {IRewardsDistributor} from "./interfaces/IRewardsDistributor.sol";
import {Roles} from "./libraries/Roles.sol";
import {WorkLimits} from "./libraries/WorkLimits.sol";

/// @title RewardsDistributor
/// @notice Reward budgets, accrual and claims for every pool, the ledger of pool membership, and
/// the rewards of accepted work. For every pool: funded == claimed + claimable + locked + budget
/// (+ withdrawn after the end), where forfeited and invalidated rewards go back into budget.
contract RewardsDistributor is IRewardsDistributor, PrimeNetworkModule, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /* CONSTANTS */

    /// @inheritdoc IRewardsDistributor
    uint256 public constant MAX_POOL_NODES = type(uint24).max;

    IERC20 internal immutable _TOKEN;
    IComputePool internal immutable _COMPUTE_POOL;

    /* STORAGE */

    mapping(uint256 poolId => PoolRewards) internal _pools;
    mapping(uint256 poolId => mapping(address nodeKey => NodeRecord)) internal _records;
    /// @dev Work state lives apart from the time ledger, so claims, joins and leaves of nodes that
    /// never submitted work do not pay to load it.
    mapping(uint256 poolId => PoolWork) internal _poolWork;
    /// @dev Each node's locked work rewards in at most two buckets, by unlock time (see _unlockTime).
    mapping(uint256 poolId => mapping(address nodeKey => WorkLocks)) internal _workLocks;
    /// @dev Matured work rewards moved out of the buckets and not yet claimed.
    mapping(uint256 poolId => mapping(address nodeKey => uint256)) internal _workClaimable;
    /// @dev Keyed by the node first: a work belongs to the node that did it, so a copy of a pending
    /// submission sent for another node is another node's work and can neither take nor block it.
    mapping(address nodeKey => mapping(bytes32 workKey => Work)) internal _works;
    /// @dev When each sweep of a node's locked rewards happened (by its number, WorkLocks.sweeps
    /// before it): a work whose reward it returned is one accepted before it and unlocking after it.
    mapping(uint256 poolId => mapping(address nodeKey => mapping(uint8 sweep => uint32 time))) internal _sweptAt;
    // Every state-changing function is nonReentrant: several work on a memory copy of a pool, which
    // a reentrant call through a hostile token must not be able to change underneath them.

    constructor(address primeNetwork_, address token_, address computePool_) PrimeNetworkModule(primeNetwork_) {
        if (token_ == address(0) || computePool_ == address(0)) revert ZeroAddress();
        _TOKEN = IERC20(token_);
        _COMPUTE_POOL = IComputePool(computePool_);
    }

    /* MODIFIERS */

    modifier onlyComputePool() {
        if (msg.sender != address(_COMPUTE_POOL)) revert CallerNotComputePool(msg.sender);
        _;
    }

    modifier onlyPoolCreator(uint256 poolId) {
        if (msg.sender != _COMPUTE_POOL.poolCreator(poolId)) revert CallerNotPoolCreator(poolId, msg.sender);
        _;
    }

    /* VIEWS */

    /// @inheritdoc IRewardsDistributor
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IRewardsDistributor
    function computePool() external view returns (address) {
        return address(_COMPUTE_POOL);
    }

    /// @inheritdoc IRewardsDistributor
    function getPoolRewards(uint256 poolId) external view returns (PoolRewards memory) {
        return _accrued(_pools[poolId]);
    }

    /// @inheritdoc IRewardsDistributor
    function getNodeRecord(uint256 poolId, address nodeKey) external view returns (NodeRecord memory) {
        return _settled(_records[poolId][nodeKey], _accrued(_pools[poolId]).index);
    }

    /// @inheritdoc IRewardsDistributor
    function getPoolWork(uint256 poolId) external view returns (PoolWork memory params) {
        params = _poolWork[poolId];
        if (!_pools[poolId].hasWork) params.lockPeriod = uint32(_firstLockPeriod(params.lockPeriod));
    }

    /// @inheritdoc IRewardsDistributor
    function getWork(address nodeKey, bytes32 workKey)
        external
        view
        returns (Work memory work, address provider, uint256 unlockAt, bool rewardReturned)
    {
        work = _works[nodeKey][workKey];
        if (work.status != WorkStatus.NONE) {
            provider = _records[work.poolId][nodeKey].provider;
            unlockAt = _unlockTime(work.submittedAt, _poolWork[work.poolId].lockPeriod);
            rewardReturned = work.status != WorkStatus.ACCEPTED
                || (_workLocks[work.poolId][nodeKey].sweeps != work.sweeps
                    && _sweptAt[work.poolId][nodeKey][work.sweeps] < unlockAt);
        }
    }

    /// @inheritdoc IRewardsDistributor
    function getNodeWork(uint256 poolId, address nodeKey)
        external
        view
        returns (uint256 locked, uint256 claimable, uint256 nextUnlock)
    {
        WorkLocks memory locks = _workLocks[poolId][nodeKey];
        claimable = _releaseMatured(locks);
        if (locks.hasClaimable) claimable += _workClaimable[poolId][nodeKey];
        locked = uint256(locks.lockedA) + locks.lockedB;
        if (locks.lockedA != 0) nextUnlock = locks.unlockA;
        if (locks.lockedB != 0 && (nextUnlock == 0 || locks.unlockB < nextUnlock)) nextUnlock = locks.unlockB;
    }

    /// @inheritdoc IRewardsDistributor
    function getNodeRecords(uint256 poolId, address[] calldata nodeKeys)
        external
        view
        returns (NodeRecord[] memory records)
    {
        uint128 index = _accrued(_pools[poolId]).index;
        records = new NodeRecord[](nodeKeys.length);
        for (uint256 i; i < nodeKeys.length; ++i) {
            records[i] = _settled(_records[poolId][nodeKeys[i]], index);
        }
    }

    /// @inheritdoc IRewardsDistributor
    function calculateRewards(uint256 poolId, address nodeKey) external view returns (uint256) {
        return _settled(_records[poolId][nodeKey], _accrued(_pools[poolId]).index).unclaimed;
    }

    /* BUDGET */

    /// @inheritdoc IRewardsDistributor
    function fundPool(uint256 poolId, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        _COMPUTE_POOL.poolCreator(poolId); // reverts with PoolNotFound
        PoolRewards memory pool = _accrued(_pools[poolId]);
        if (pool.ended) revert PoolAlreadyEnded(poolId);
        // Each pool's budget and everything it owes its nodes are held here, so holding at most
        // 2^128 - 1 keeps the budget a uint128 and lets every reserved or accrued reward go back to
        // it (invalidation, forfeit) without overflow, however the pool was refilled meanwhile.
        uint256 held = _TOKEN.balanceOf(address(this));
        uint256 room = held < type(uint128).max ? type(uint128).max - held : 0;
        if (amount > room) revert AmountTooLarge(amount, room);
        pool.budget += uint128(amount);
        _pools[poolId] = pool;

        emit PoolFunded(poolId, msg.sender, amount, pool.budget);

        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IRewardsDistributor
    function setRewardRate(uint256 poolId, uint256 rate) external onlyPoolCreator(poolId) nonReentrant {
        if (rate > type(uint128).max) revert AmountTooLarge(rate, type(uint128).max);
        // Bring accrual up to date at the old rate before the new one applies.
        PoolRewards memory pool = _accrued(_pools[poolId]);
        if (pool.ended) revert PoolAlreadyEnded(poolId);
        pool.rate = uint128(rate);
        _pools[poolId] = pool;

        emit RewardRateSet(poolId, rate);
    }

    /// @inheritdoc IRewardsDistributor
    function setWorkRewardRate(uint256 poolId, uint256 rate, uint256 maxLockedPerNode)
        external
        onlyPoolCreator(poolId)
    {
        // A work's reward is stored in 88 bits, so no larger rate or bound could ever be paid.
        if (rate > type(uint88).max) revert AmountTooLarge(rate, type(uint88).max);
        if (maxLockedPerNode > type(uint88).max) revert AmountTooLarge(maxLockedPerNode, type(uint88).max);
        if (_pools[poolId].ended) revert PoolAlreadyEnded(poolId);
        PoolWork storage work = _poolWork[poolId];
        (work.workRate, work.maxLockedPerNode) = (uint88(rate), uint88(maxLockedPerNode));
        emit WorkRewardRateSet(poolId, rate, maxLockedPerNode);
    }

    /// @inheritdoc IRewardsDistributor
    function setWorkLockPeriod(uint256 poolId, uint256 period) external onlyPoolCreator(poolId) {
        PoolWork storage work = _poolWork[poolId];
        // Unlock times sit on a grid of the period (see _unlockTime); it is fixed once work exists.
        if (_pools[poolId].hasWork) revert WorkLockPeriodFixed(poolId);
        uint256 minimum = _PRIME_NETWORK.minWorkLockPeriod();
        if (period < minimum) revert WorkLockPeriodTooShort(period, minimum);
        if (period > WorkLimits.MAX_LOCK_PERIOD) revert WorkLockPeriodTooLong(period, WorkLimits.MAX_LOCK_PERIOD);
        work.lockPeriod = uint32(period);
        emit WorkLockPeriodSet(poolId, period);
    }

    /// @inheritdoc IRewardsDistributor
    function withdrawUnusedBudget(uint256 poolId)
        external
        onlyPoolCreator(poolId)
        nonReentrant
        returns (uint256 amount)
    {
        PoolRewards storage pool = _pools[poolId];
        if (!pool.ended) revert PoolNotEnded(poolId);
        amount = pool.budget;
        if (amount == 0) revert NoUnusedBudget(poolId);
        pool.budget = 0;

        emit BudgetWithdrawn(poolId, msg.sender, amount);

        _TOKEN.safeTransfer(msg.sender, amount);
    }

    /* CLAIMS */

    /// @inheritdoc IRewardsDistributor
    function claimRewards(uint256 poolId, address[] calldata nodeKeys) external nonReentrant returns (uint256 total) {
        uint256 count = nodeKeys.length;
        if (count == 0) revert EmptyBatch();
        // Accrual is path-independent while rate and membership stay the same (see _accrued), so
        // the index computed here need not be stored: a later accrual reaches the same value.
        PoolRewards memory pool = _accrued(_pools[poolId]);
        uint128 index = pool.index;
        mapping(address => NodeRecord) storage records = _records[poolId];

        for (uint256 i; i < count; ++i) {
            address nodeKey = nodeKeys[i];
            NodeRecord memory record = _settled(records[nodeKey], index);
            if (record.provider != msg.sender) revert CallerNotNodeProvider(nodeKey, msg.sender);
            uint256 timeRewards = record.unclaimed;
            NodeRecord storage stored = records[nodeKey];
            stored.checkpoint = record.checkpoint;
            stored.unclaimed = 0;
            uint256 workRewards = pool.hasWork ? _takeWorkClaimable(poolId, nodeKey) : 0;
            total += timeRewards + workRewards;
            emit RewardsClaimed(poolId, nodeKey, msg.sender, timeRewards, workRewards);
        }

        if (total != 0) _TOKEN.safeTransfer(msg.sender, total);
    }

    /// @inheritdoc IRewardsDistributor
    function forfeitRewards(uint256 poolId, address nodeKey) external nonReentrant returns (uint256 amount) {
        _checkRole(Roles.VALIDATOR_ROLE);
        PoolRewards memory pool = _accrued(_pools[poolId]);
        NodeRecord memory record = _settled(_records[poolId][nodeKey], pool.index);
        if (record.provider == address(0)) revert NodeNotInPool(poolId, nodeKey);
        amount = record.unclaimed;
        if (pool.hasWork) amount += _takeWorkClaimable(poolId, nodeKey);
        record.unclaimed = 0;
        // Cannot overflow: budget and rewards are held here, and fundPool caps that at 2^128 - 1.
        pool.budget += uint128(amount);
        _records[poolId][nodeKey] = record;
        _pools[poolId] = pool;

        emit RewardsForfeited(poolId, nodeKey, amount);
    }

    /* LEDGER (ComputePool only) */

    /// @inheritdoc IRewardsDistributor
    function onNodesJoined(
        uint256 poolId,
        address provider,
        address[] calldata nodeKeys,
        uint32[] calldata computeUnits,
        uint256 computeLimit
    ) external onlyComputePool nonReentrant {
        PoolRewards memory pool = _accrued(_pools[poolId]);
        uint256 count = nodeKeys.length;
        // Every check before any write or payout.
        uint256 totalCompute = pool.totalCompute;
        for (uint256 i; i < count; ++i) {
            totalCompute += computeUnits[i];
        }
        if (computeLimit != 0 && totalCompute > computeLimit) {
            revert IComputePool.PoolComputeLimitExceeded(poolId, totalCompute, computeLimit);
        }
        uint256 nodeCount = pool.nodeCount + count;
        if (nodeCount > MAX_POOL_NODES) revert TooManyPoolNodes(poolId, MAX_POOL_NODES);

        uint32 now32 = _now32();
        // Payouts to a previous provider of a node key, made after every record is stored.
        address[] memory payees = new address[](count);
        uint256[] memory timePayouts = new uint256[](count);
        uint256[] memory workPayouts = new uint256[](count);

        for (uint256 i; i < count; ++i) {
            NodeRecord storage record = _records[poolId][nodeKeys[i]];
            // A node key re-registered by another provider: what it earned before belongs to the
            // previous provider, who is paid out now, so the new provider starts from zero.
            address previous = record.provider;
            if (previous != provider) {
                // Matured work is paid with the time rewards; work still inside its window keeps the
                // key out until it unlocks: validators may still invalidate it, and its provider is
                // read from this record (see Work).
                if (pool.hasWork && previous != address(0)) {
                    workPayouts[i] = _takeWorkClaimable(poolId, nodeKeys[i]);
                    WorkLocks memory locks = _workLocks[poolId][nodeKeys[i]];
                    if (locks.unlockA > block.timestamp || locks.unlockB > block.timestamp) {
                        revert PreviousProviderWorkLocked(poolId, nodeKeys[i], previous);
                    }
                }
                timePayouts[i] = record.unclaimed;
                if (timePayouts[i] != 0 || workPayouts[i] != 0) {
                    payees[i] = previous;
                    record.unclaimed = 0;
                }
                record.activeSeconds = 0;
                record.provider = provider;
            }
            record.computeUnits = computeUnits[i];
            record.joinedAt = now32;
            record.checkpoint = pool.index;
        }

        pool.nodeCount = uint24(nodeCount);
        pool.totalCompute = totalCompute.toUint56();
        _pools[poolId] = pool;

        for (uint256 i; i < count; ++i) {
            if (payees[i] != address(0)) {
                emit RewardsClaimed(poolId, nodeKeys[i], payees[i], timePayouts[i], workPayouts[i]);
                _TOKEN.safeTransfer(payees[i], timePayouts[i] + workPayouts[i]);
            }
        }
    }

    /// @inheritdoc IRewardsDistributor
    function onNodeLeft(uint256 poolId, address nodeKey)
        external
        onlyComputePool
        nonReentrant
        returns (address provider)
    {
        NodeRecord storage stored = _records[poolId][nodeKey];
        if (stored.joinedAt == 0) return address(0);
        PoolRewards memory pool = _accrued(_pools[poolId]);
        NodeRecord memory record = _settled(stored, pool.index);
        // After the pool's end, time stopped counting at the end (lastUpdate is frozen there).
        uint32 leftAt = pool.ended ? pool.lastUpdate : _now32();
        record.activeSeconds += leftAt - record.joinedAt;
        record.joinedAt = 0;
        pool.totalCompute -= record.computeUnits;
        --pool.nodeCount;
        _records[poolId][nodeKey] = record;
        _pools[poolId] = pool;
        return record.provider;
    }

    /// @inheritdoc IRewardsDistributor
    function onPoolEnded(uint256 poolId) external onlyComputePool nonReentrant {
        PoolRewards memory pool = _accrued(_pools[poolId]);
        pool.ended = true;
        _pools[poolId] = pool;
    }

    /* WORK (ComputePool and PrimeNetwork only) */

    /// @inheritdoc IRewardsDistributor
    function onWorkAccepted(
        uint256 poolId,
        address nodeKey,
        address provider,
        bytes32 workKey,
        uint256 units,
        uint256 minWorkRate,
        uint256 maxLockPeriod
    ) external onlyComputePool nonReentrant returns (uint256 reward, uint256 unlockAt) {
        // Every check before any write.
        if (units == 0 || units > WorkLimits.MAX_WORK_UNITS) revert InvalidWorkUnits(units, WorkLimits.MAX_WORK_UNITS);
        Work storage work = _works[nodeKey][workKey];
        // Once per node and key, whatever became of it: invalidated work stays rejected.
        if (work.status != WorkStatus.NONE) revert WorkKeyUsed(nodeKey, workKey);
        if (_records[poolId][nodeKey].joinedAt == 0) revert NodeNotInPool(poolId, nodeKey);
        PoolWork memory params = _poolWork[poolId];
        PoolRewards memory pool = _accrued(_pools[poolId]);
        // The first work fixes the lock window: the creator's choice, raised to the network's
        // minimum as it is now (stored, and announced, only when that raises it).
        bool raised;
        if (!pool.hasWork) {
            uint256 period = _firstLockPeriod(params.lockPeriod);
            raised = period != params.lockPeriod;
            params.lockPeriod = uint32(period);
        }
        // The submitter's terms: the pool may have changed them since the submission was signed.
        if (params.workRate < minWorkRate) revert WorkRateBelowTerms(poolId, params.workRate, minWorkRate);
        if (params.lockPeriod > maxLockPeriod) {
            revert WorkLockPeriodAboveTerms(poolId, params.lockPeriod, maxLockPeriod);
        }
        // Cannot overflow: at most (2^32 - 1) x (2^88 - 1).
        reward = units * params.workRate;
        if (reward > type(uint88).max) revert AmountTooLarge(reward, type(uint88).max);
        if (reward > pool.budget) revert InsufficientBudget(poolId, reward, pool.budget);

        if (raised) {
            _poolWork[poolId] = params;
            emit WorkLockPeriodSet(poolId, params.lockPeriod);
        }
        pool.hasWork = true;
        pool.budget -= uint128(reward);
        _pools[poolId] = pool;

        uint32 now32 = _now32();
        // Unlock times are stored in 32 bits (the node's buckets, the provider's lock): checked once
        // here, so the casts downstream cannot wrap in the window before 2106.
        unlockAt = _unlockTime(now32, params.lockPeriod).toUint32();
        uint8 sweeps = _lock(poolId, nodeKey, reward, unlockAt, params.maxLockedPerNode);
        (work.poolId, work.submittedAt, work.units, work.reward, work.status, work.sweeps) =
        (poolId.toUint32(), now32, uint32(units), uint88(reward), WorkStatus.ACCEPTED, sweeps);

        emit WorkAccepted(nodeKey, workKey, poolId, provider, units, reward, unlockAt);
    }

    /// @inheritdoc IRewardsDistributor
    function onWorkInvalidated(address nodeKey, bytes32 workKey, bool hard, bool returnAllLocked)
        external
        onlyPrimeNetwork
        nonReentrant
        returns (uint256 poolId, address provider)
    {
        Work storage work = _works[nodeKey][workKey];
        WorkStatus status = work.status;
        if (status == WorkStatus.NONE) revert WorkNotFound(nodeKey, workKey);
        if (status != WorkStatus.ACCEPTED) revert WorkAlreadyInvalidated(nodeKey, workKey);
        poolId = work.poolId;
        uint256 unlockAt = _unlockTime(work.submittedAt, _poolWork[poolId].lockPeriod);
        // One window serves both: a work can be invalidated exactly while its reward is locked.
        if (block.timestamp >= unlockAt) revert WorkFinal(nodeKey, workKey, unlockAt);
        // Still locked, so the node cannot have rejoined the pool under another provider (onNodesJoined).
        provider = _records[poolId][nodeKey].provider;
        work.status = hard ? WorkStatus.INVALIDATED : WorkStatus.SOFT_INVALIDATED;

        WorkLocks memory locks = _workLocks[poolId][nodeKey];
        // A sweep since the work was accepted returned its reward already.
        uint256 reward = locks.sweeps == work.sweeps ? work.reward : 0;
        // Still locked, so still in the bucket of its unlock time.
        if (locks.unlockA == unlockAt) locks.lockedA -= uint88(reward);
        else locks.lockedB -= uint88(reward);
        uint256 returned;
        if (returnAllLocked) {
            // Matured buckets are final and stay the node's; everything still locked goes back.
            uint256 released = _releaseMatured(locks);
            if (released != 0) {
                _workClaimable[poolId][nodeKey] += released;
                locks.hasClaimable = true;
            }
            returned = uint256(locks.lockedA) + locks.lockedB;
            (locks.lockedA, locks.lockedB) = (0, 0);
            _sweptAt[poolId][nodeKey][locks.sweeps] = _now32();
            // Wraps after 256 sweeps of one node in one pool while one of its works is still in
            // its window, each a validator's invalidation of the node (revalidated in between):
            // only then could a stale work look current.
            unchecked {
                ++locks.sweeps;
            }
        }
        if (reward != 0 || returnAllLocked) _workLocks[poolId][nodeKey] = locks;
        if (reward + returned != 0) {
            PoolRewards memory pool = _accrued(_pools[poolId]);
            // Cannot overflow: budget and rewards are held here, and fundPool caps that at 2^128 - 1.
            pool.budget += uint128(reward + returned);
            _pools[poolId] = pool;
        }

        emit WorkInvalidated(nodeKey, workKey, poolId, reward, hard);
        if (returnAllLocked) emit LockedWorkReturned(poolId, nodeKey, returned);
    }

    /// @dev Adds `reward` to `nodeKey`'s bucket that unlocks at `unlockAt`, after moving matured
    /// buckets to claimable, and holds the node's locked total to `limit`. Unlock times sit on a grid
    /// of the pool's lock window, so at any time at most two distinct ones are still locked: the one
    /// being added to and the one before it. A work without reward still takes its bucket's unlock
    /// time (see WorkLocks). Returns the node's sweep count, which the work records.
    function _lock(uint256 poolId, address nodeKey, uint256 reward, uint256 unlockAt, uint256 limit)
        internal
        returns (uint8)
    {
        WorkLocks storage stored = _workLocks[poolId][nodeKey];
        WorkLocks memory locks = stored;
        uint256 released = _releaseMatured(locks);
        if (unlockAt <= block.timestamp) {
            released += reward; // no lock window: final at once
        } else {
            if (reward != 0) {
                uint256 locked = uint256(locks.lockedA) + locks.lockedB + reward;
                if (locked > limit) revert NodeLockedWorkAboveLimit(poolId, nodeKey, locked, limit);
            }
            // Cannot truncate: locked <= limit < 2^88.
            if (locks.unlockA == unlockAt) locks.lockedA += uint88(reward);
            else if (locks.unlockB == unlockAt) locks.lockedB += uint88(reward);
            else if (locks.unlockA == 0) (locks.lockedA, locks.unlockA) = (uint88(reward), uint32(unlockAt));
            else (locks.lockedB, locks.unlockB) = (uint88(reward), uint32(unlockAt));
        }
        if (released != 0) {
            _workClaimable[poolId][nodeKey] += released;
            locks.hasClaimable = true;
        }
        // A later work of the same grid cell changes nothing here: no write.
        if (released != 0 || reward != 0 || locks.unlockA != stored.unlockA || locks.unlockB != stored.unlockB) {
            _workLocks[poolId][nodeKey] = locks;
        }
        return locks.sweeps;
    }

    /// @dev Takes everything `nodeKey` can claim from its work in pool `poolId` now (matured
    /// buckets and what matured before) and returns it; the caller pays it or returns it to the budget.
    function _takeWorkClaimable(uint256 poolId, address nodeKey) internal returns (uint256 amount) {
        WorkLocks storage stored = _workLocks[poolId][nodeKey];
        WorkLocks memory locks = stored;
        bool hadClaimable = locks.hasClaimable;
        amount = _releaseMatured(locks);
        if (hadClaimable) {
            amount += _workClaimable[poolId][nodeKey];
            delete _workClaimable[poolId][nodeKey];
            locks.hasClaimable = false;
        }
        if (amount != 0 || hadClaimable) _workLocks[poolId][nodeKey] = locks;
    }

    /// @dev Frees the buckets of `locks` whose unlock time has come and returns their sum.
    function _releaseMatured(WorkLocks memory locks) internal view returns (uint256 released) {
        if (locks.unlockA != 0 && locks.unlockA <= block.timestamp) {
            released = locks.lockedA;
            (locks.lockedA, locks.unlockA) = (0, 0);
        }
        if (locks.unlockB != 0 && locks.unlockB <= block.timestamp) {
            released += locks.lockedB;
            (locks.lockedB, locks.unlockB) = (0, 0);
        }
    }

    /// @dev The lock window a pool's first work fixes: the creator's choice, at least the network's minimum.
    function _firstLockPeriod(uint256 chosen) internal view returns (uint256) {
        uint256 minimum = _PRIME_NETWORK.minWorkLockPeriod();
        return chosen < minimum ? minimum : chosen;
    }

    /// @dev When a work submitted at `submittedAt` unlocks: at the second boundary of the pool's
    /// lock window after it, so it stays locked more than one full window and at most two. With a
    /// zero window a work is final at once.
    function _unlockTime(uint256 submittedAt, uint256 lockPeriod) internal pure returns (uint256) {
        if (lockPeriod == 0) return submittedAt;
        return (submittedAt / lockPeriod + 2) * lockPeriod;
    }

    /* ACCRUAL */

    /// @dev `pool` brought up to now: the index grows by rate x elapsed per compute unit, but never
    /// by more than the budget can pay every unit in the pool; rounding leaves dust in the budget,
    /// never a promise the budget cannot keep.
    ///
    /// While rate and total compute stay the same, accruing in two steps gives the same index and
    /// budget as accruing once: with d1 = min(rate x t1, floor(b / c)) and b1 = b - d1 x c,
    /// min(rate x t2, floor(b1 / c)) = min(rate x t2, floor(b / c) - d1). Claims rely on this and
    /// do not store the pool; every change of rate or membership stores it first.
    ///
    /// The index starts at 1, not 0, so a node's checkpoint is never zero and settling it later is
    /// a cheap nonzero-to-nonzero write; only differences of the index are ever paid out.
    function _accrued(PoolRewards memory pool) internal view returns (PoolRewards memory) {
        if (pool.ended) return pool;
        uint32 now32 = _now32();
        if (pool.lastUpdate == 0) {
            pool.lastUpdate = now32;
            pool.index = 1;
            return pool;
        }
        uint256 elapsed = now32 - pool.lastUpdate;
        if (elapsed == 0) return pool;
        pool.lastUpdate = now32;
        uint256 totalCompute = pool.totalCompute;
        if (totalCompute == 0 || pool.budget == 0) return pool;

        uint256 perUnit = pool.rate * elapsed;
        uint256 affordable = pool.budget / totalCompute;
        if (perUnit > affordable) perUnit = affordable;
        pool.index = (pool.index + perUnit).toUint128();
        // Cannot underflow: perUnit x totalCompute <= budget.
        pool.budget -= uint128(perUnit * totalCompute);
        return pool;
    }

    /// @dev `record` with what it earned up to `index` moved into `unclaimed`.
    function _settled(NodeRecord memory record, uint128 index) internal pure returns (NodeRecord memory) {
        if (record.joinedAt != 0) {
            record.unclaimed =
                (record.unclaimed + uint256(record.computeUnits) * (index - record.checkpoint)).toUint128();
            record.checkpoint = index;
        }
        return record;
    }

    /// @dev Timestamps are stored in 32 bits; SafeCast makes that fail loudly in 2106 rather than wrap.
    function _now32() internal view returns (uint32) {
        return block.timestamp.toUint32();
    }
}
