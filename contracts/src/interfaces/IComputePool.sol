// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPrimeNetworkModule} from "./IPrimeNetworkModule.sol";

/// @title IComputePool
/// @notice Compute pools: a creator opens a pool in a domain and names a compute manager key; nodes
/// join with invites that key signed (EIP-712), earn rewards while the pool is active, and leave or
/// are ejected. Membership records and rewards are kept by the RewardsDistributor.
/// @dev Invites carry the pool's manager key version, which every rotation bumps: rotating the key
/// voids all earlier invites for good, even if the pool later rotates back to an old key. They also
/// name the node's provider: a node key that moves to another provider leaves its invites behind.
/// Warning: a contract (ERC-1271) manager key decides alone which invites are valid.
interface IComputePool is IPrimeNetworkModule {
    /// @notice A pool's lifecycle: PENDING -> ACTIVE (start) -> COMPLETED (end).
    enum PoolStatus {
        PENDING,
        ACTIVE,
        COMPLETED
    }

    /// @notice A pool as stored.
    /// @param creator Who created the pool; sets the reward rate and rotates the manager key.
    /// @param domainId The domain the pool works in.
    /// @param status Where the pool is in its lifecycle.
    /// @param startedAt When it was started (0 before).
    /// @param keyVersion How many times the compute manager key was rotated; part of every invite.
    /// @param computeManagerKey The key that signs invites; runs the pool with the creator.
    /// @param endedAt When it was ended (0 before).
    /// @param computeLimit The most compute units active at once (0 = no limit).
    /// @param name A human-readable name.
    /// @param poolDataURI Where the pool's description is published.
    struct Pool {
        address creator;
        uint32 domainId;
        PoolStatus status;
        uint32 startedAt;
        uint24 keyVersion;
        address computeManagerKey;
        uint32 endedAt;
        uint64 computeLimit;
        string name;
        string poolDataURI;
    }

    /// @notice A node in a pool, for calls that act on nodes of several pools.
    struct PoolNode {
        uint256 poolId;
        address nodeKey;
    }

    /// @notice A signed invite for one node, submitted by the node's provider.
    /// @param nodeKey The invited node.
    /// @param nonce A number the manager never used before in this pool.
    /// @param expiry The last second at which the invite works.
    /// @param signature The compute manager key's EIP-712 signature of
    /// PoolInvite(poolId, nodeKey, provider, nonce, expiry, keyVersion): provider is the node's
    /// provider (who submits the invite), keyVersion the pool's current one.
    struct Invite {
        address nodeKey;
        uint256 nonce;
        uint256 expiry;
        bytes signature;
    }

    /// @notice `poolId` does not exist.
    error PoolNotFound(uint256 poolId);

    /// @notice The call is not allowed while pool `poolId` is in `status`.
    error InvalidPoolStatus(uint256 poolId, PoolStatus status);

    /// @notice `caller` is neither the creator nor the compute manager key of pool `poolId`.
    error CallerNotPoolOperator(uint256 poolId, address caller);

    /// @notice The invite for `nodeKey` expired at `expiry`.
    error InviteExpired(uint256 poolId, address nodeKey, uint256 expiry);

    /// @notice Invite nonce `nonce` of pool `poolId` was already used or cancelled.
    error InviteNonceUsed(uint256 poolId, uint256 nonce);

    /// @notice The invite for `nodeKey` was not signed by the pool's current compute manager key.
    error InvalidInviteSignature(uint256 poolId, address nodeKey);

    /// @notice `nodeKey` has not been validated.
    error NodeNotValidated(address nodeKey);

    /// @notice `provider` is not whitelisted on the network.
    error ProviderNotWhitelisted(address provider);

    /// @notice `provider` is blacklisted from pool `poolId`.
    error ProviderBlacklisted(uint256 poolId, address provider);

    /// @notice `nodeKey` is blacklisted from pool `poolId`.
    error NodeBlacklisted(uint256 poolId, address nodeKey);

    /// @notice Joining would bring pool `poolId` to `totalCompute` compute units, above its `limit`.
    error PoolComputeLimitExceeded(uint256 poolId, uint256 totalCompute, uint256 limit);

    /// @notice Purging `nodeKey` from pool `poolId` needs its `provider` to be blacklisted there.
    error NodeProviderNotBlacklisted(uint256 poolId, address nodeKey, address provider);

    /// @notice A compute limit below the `totalCompute` already in pool `poolId`.
    error ComputeLimitBelowTotal(uint256 poolId, uint256 computeLimit, uint256 totalCompute);

    /// @notice Moving nodes needs two different pools.
    error SamePool(uint256 poolId);

    /// @notice Work for `nodeKey` may be submitted by the node key itself or its provider, not `caller`.
    error CallerNotNodeOrProvider(address nodeKey, address caller);

    /// @notice Domain `domainId` has no validation logic: its pools accept no work.
    error NoValidationLogic(uint256 domainId);

    /// @notice A compute limit that does not fit 64 bits.
    error ComputeLimitTooLarge(uint256 computeLimit, uint256 max);

    /// @notice `creator` created pool `poolId` in domain `domainId`.
    /// @param poolId The new pool's id.
    /// @param domainId Its domain.
    /// @param creator Its creator.
    /// @param computeManagerKey The key that signs its invites.
    /// @param computeLimit Its compute limit (0 = none).
    /// @param name Its name.
    /// @param poolDataURI Where its description is published.
    event PoolCreated(
        uint256 indexed poolId,
        uint256 indexed domainId,
        address indexed creator,
        address computeManagerKey,
        uint256 computeLimit,
        string name,
        string poolDataURI
    );

    /// @notice Pool `poolId` started; nodes may join.
    /// @param poolId The pool.
    event PoolStarted(uint256 indexed poolId);

    /// @notice Pool `poolId` ended; rewards stopped accruing.
    /// @param poolId The pool.
    event PoolEnded(uint256 indexed poolId);

    /// @notice The creator rotated pool `poolId`'s compute manager key; every earlier invite stops working.
    /// @param poolId The pool.
    /// @param computeManagerKey The new key.
    /// @param keyVersion The pool's key version from now on (invites must carry it).
    event ComputeManagerKeyUpdated(uint256 indexed poolId, address indexed computeManagerKey, uint256 keyVersion);

    /// @notice An operator cancelled unused invite nonce `nonce` of pool `poolId`.
    /// @param poolId The pool.
    /// @param nonce The cancelled nonce.
    event InviteNonceCancelled(uint256 indexed poolId, uint256 nonce);

    /// @notice `nodeKey` of `provider` joined pool `poolId`.
    /// @param poolId The pool.
    /// @param provider The node's provider.
    /// @param nodeKey The node.
    /// @param nonce The invite nonce it used.
    event NodeJoinedPool(uint256 indexed poolId, address indexed provider, address indexed nodeKey, uint256 nonce);

    /// @notice `nodeKey` of `provider` left pool `poolId`: on its own, ejected or purged by an operator,
    /// or ejected because it was no longer eligible.
    /// @param poolId The pool.
    /// @param provider The node's provider.
    /// @param nodeKey The node.
    /// @param ejectedBy Who took it out: zero when its provider did, else the operator or the
    /// account that ejected it as ineligible (PrimeNetwork when a validator's action did).
    event NodeLeftPool(uint256 indexed poolId, address indexed provider, address indexed nodeKey, address ejectedBy);

    /// @notice The creator changed pool `poolId`'s compute limit and data URI.
    /// @param poolId The pool.
    /// @param computeLimit The new limit (0 = none).
    /// @param poolDataURI The new data URI.
    event PoolUpdated(uint256 indexed poolId, uint256 computeLimit, string poolDataURI);

    /// @notice `provider` was blacklisted from pool `poolId`.
    /// @param poolId The pool.
    /// @param provider The provider.
    event PoolProviderBlacklisted(uint256 indexed poolId, address indexed provider);

    /// @notice `nodeKey` was blacklisted from pool `poolId`.
    /// @param poolId The pool.
    /// @param nodeKey The node.
    event PoolNodeBlacklisted(uint256 indexed poolId, address indexed nodeKey);

    /// @notice How many pools exist; ids run from 1 to this number.
    function poolCount() external view returns (uint256);

    /// @notice Pool `poolId`; reverts with PoolNotFound when it does not exist.
    function getPool(uint256 poolId) external view returns (Pool memory);

    /// @notice The creator of pool `poolId`; reverts with PoolNotFound when it does not exist.
    /// @dev A one-slot read for modules that only need to know who runs the pool.
    function poolCreator(uint256 poolId) external view returns (address);

    /// @notice Whether invite nonce `nonce` of pool `poolId` was used or cancelled.
    function isInviteNonceUsed(uint256 poolId, uint256 nonce) external view returns (bool);

    /// @notice Whether `provider` is blacklisted from pool `poolId`.
    function isProviderBlacklisted(uint256 poolId, address provider) external view returns (bool);

    /// @notice Whether `nodeKey` is blacklisted from pool `poolId`.
    function isNodeBlacklisted(uint256 poolId, address nodeKey) external view returns (bool);

    /// @notice The EIP-712 digest the compute manager key signs to invite `nodeKey` of `provider` (with
    /// the pool's current key version; reverts with PoolNotFound when the pool does not exist).
    function inviteDigest(uint256 poolId, address nodeKey, address provider, uint256 nonce, uint256 expiry)
        external
        view
        returns (bytes32);

    /// @notice Creates a PENDING pool in `domainId` run by the caller and `computeManagerKey`.
    /// @return poolId The new pool's id.
    function createComputePool(
        uint256 domainId,
        address computeManagerKey,
        string calldata name,
        string calldata poolDataURI,
        uint256 computeLimit
    ) external returns (uint256 poolId);

    /// @notice Starts a PENDING pool. Creator or manager key.
    function startComputePool(uint256 poolId) external;

    /// @notice Ends a PENDING or ACTIVE pool; rewards stop accruing and its nodes can leave. Creator or manager key.
    function endComputePool(uint256 poolId) external;

    /// @notice Rotates the compute manager key and bumps the key version, voiding every earlier
    /// invite. Creator only.
    function setComputeManagerKey(uint256 poolId, address computeManagerKey) external;

    /// @notice Cancels an unused invite nonce. Creator or manager key.
    function cancelInviteNonce(uint256 poolId, uint256 nonce) external;

    /// @notice Sets the pool's compute limit (0 = none; never below the compute already in the pool)
    /// and data URI. Creator only.
    function updatePool(uint256 poolId, uint256 computeLimit, string calldata poolDataURI) external;

    /// @notice Joins the caller's nodes to an ACTIVE pool, one signed invite per node.
    /// @dev Each node must be validated, its provider (the caller) whitelisted with active stake of
    /// at least its minimum (PrimeNetwork.stakeStatus), neither blacklisted from the pool, the node
    /// in no pool, and the pool must stay within its compute limit.
    function joinComputePool(uint256 poolId, Invite[] calldata invites) external;

    /// @notice Moves the caller's invited nodes out of `fromPoolId` and into `toPoolId` in one
    /// transaction; joining `toPoolId` checks what a join checks. Like leave and purge, it skips nodes
    /// that are no longer in `fromPoolId` (an operator ejected them first): those neither leave nor
    /// join, and their invites stay unused. The nodes that moved are those with NodeLeftPool and
    /// NodeJoinedPool events.
    /// @return moved How many nodes moved.
    function moveComputeNodes(uint256 fromPoolId, uint256 toPoolId, Invite[] calldata invites)
        external
        returns (uint256 moved);

    /// @notice Takes the caller's `nodeKeys` out of the pool, skipping those already out (left,
    /// ejected or purged), so a batch cannot be broken by an operator acting first. Works in any
    /// status, paused or not.
    /// @return left How many nodes left now.
    function leaveComputePool(uint256 poolId, address[] calldata nodeKeys) external returns (uint256 left);

    /// @notice Ejects `nodeKey` from the pool. Creator or manager key.
    function ejectNode(uint256 poolId, address nodeKey) external;

    /// @notice Ejects each listed node that is in its pool but no longer eligible: not validated, its
    /// provider not whitelisted or short of its minimum stake, or blacklisted from that pool.
    /// Eligible nodes and nodes not in the pool are skipped. Anyone (a keeper, an operator, or
    /// PrimeNetwork on a validator's slash, blacklist or invalidation).
    /// @return ejected How many nodes were ejected.
    function ejectIneligibleNodes(PoolNode[] calldata nodes) external returns (uint256 ejected);

    /// @notice Submits work `data` done by `nodeKey` in pool `poolId`, sent by the node key itself or by
    /// its provider, while the pool is ACTIVE, the node is in it and eligible, and the network is not
    /// paused. The pool's domain's validation logic (IWorkValidation) says what the work is worth; the
    /// RewardsDistributor records it under the node and its key (a node submits a key once, across
    /// all pools), reserves `units` x the pool's work rate from the budget (reverting with
    /// InsufficientBudget when it cannot) and locks that reward for the pool's window, during which
    /// validators may invalidate it.
    /// @dev A work belongs to the node that did it: a copy of this transaction sent for another node,
    /// from any pool, is that node's own claim (validators judge it) and leaves this node's work
    /// untouched. The terms make the pool's changes safe to race: a pool that lowered its rate below
    /// `minWorkRate` or made its window longer than `maxLockPeriod` makes the submission revert, and
    /// nothing is recorded.
    /// @param minWorkRate The least reward per work unit the submitter accepts.
    /// @param maxLockPeriod The longest lock window the submitter accepts.
    /// @return workKey The key the work is recorded under, with `nodeKey`.
    /// @return units Its work units.
    function submitWork(
        uint256 poolId,
        address nodeKey,
        bytes calldata data,
        uint256 minWorkRate,
        uint256 maxLockPeriod
    ) external returns (bytes32 workKey, uint256 units);

    /// @notice Blacklists `providers` from the pool and ejects `purgeNodeKeys`, which must belong to
    /// blacklisted providers (nodes already out are skipped; pass none to only block future joins).
    /// Creator or manager key.
    function blacklistProviders(uint256 poolId, address[] calldata providers, address[] calldata purgeNodeKeys) external;

    /// @notice Blacklists `nodeKeys` from the pool, ejecting those in it when `purge` is set.
    /// Creator or manager key.
    function blacklistNodes(uint256 poolId, address[] calldata nodeKeys, bool purge) external;
}
