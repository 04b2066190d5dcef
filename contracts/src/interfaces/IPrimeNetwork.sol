// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommonErrors} from "./ICommonErrors.sol";
import {IComputePool} from "./IComputePool.sol";

/// @title IPrimeNetwork
/// @notice The coordinator: the entry point for providers, validators and the federator, and the
/// holder of the network's roles, parameters and emergency pause that every module follows.
interface IPrimeNetwork is ICommonErrors {
    /// @notice The module addresses, fixed at deployment.
    struct Modules {
        address stakeManager;
        address computeRegistry;
        address domainRegistry;
        address computePool;
        address rewardsDistributor;
    }

    /// @notice The provider's stake does not cover what its nodes require.
    error InsufficientStake(address provider, uint256 required, uint256 actual);

    /// @notice The node key did not sign the ownership proof for this provider (or signed an old one).
    error InvalidNodeSignature(address provider, address nodeKey);

    /// @notice The node key's ownership consent expired at `deadline`.
    error NodeSignatureExpired(address nodeKey, uint256 deadline);

    /// @notice `role` is neither FEDERATOR_ROLE nor VALIDATOR_ROLE.
    error UnknownRole(bytes32 role);

    /// @notice No handover of `role` is pending.
    error NoPendingRoleTransfer(bytes32 role);

    /// @notice `caller` is not the proposed new holder of `role`.
    error CallerNotPendingRoleHolder(bytes32 role, address caller);

    /// @notice The federator proposed `pendingHolder` for `role`: the sitting holder cannot cancel or
    /// replace that handover.
    error RoleTransferProposedByFederator(bytes32 role, address pendingHolder);

    /// @notice A minimum lock window above `max`.
    error WorkLockPeriodTooLong(uint256 period, uint256 max);

    /// @notice pause() while already paused.
    error AlreadyPaused();

    /// @notice unpause() while not paused.
    error NotPaused();

    /// @notice The role `role` moved from `previousHolder` to `newHolder`.
    /// @param role FEDERATOR_ROLE or VALIDATOR_ROLE.
    /// @param previousHolder Who held it before (zero at deployment).
    /// @param newHolder Who holds it now.
    event RoleTransferred(bytes32 indexed role, address indexed previousHolder, address indexed newHolder);

    /// @notice The federator proposed `pendingHolder` as the next holder of `role`; it holds the role
    /// once it accepts.
    /// @param role FEDERATOR_ROLE or VALIDATOR_ROLE.
    /// @param pendingHolder Who may accept.
    event RoleTransferProposed(bytes32 indexed role, address indexed pendingHolder);

    /// @notice The federator withdrew the proposal of `pendingHolder` for `role`.
    /// @param role FEDERATOR_ROLE or VALIDATOR_ROLE.
    /// @param pendingHolder Who may no longer accept.
    event RoleTransferCancelled(bytes32 indexed role, address indexed pendingHolder);

    /// @notice The federator set the minimum stake per compute unit.
    /// @param stakeMinimum The new minimum: a provider needs stakeMinimum x (1 + its total compute units).
    event StakeMinimumSet(uint256 stakeMinimum);

    /// @notice The federator set the shortest lock window a pool may have for work rewards.
    /// @param period The minimum in seconds.
    event MinWorkLockPeriodSet(uint256 period);

    /// @notice The federator paused or unpaused registration, node adds and pool joins.
    /// @param paused The new state.
    event PauseSet(bool paused);

    /// @notice The federator's role.
    function FEDERATOR_ROLE() external view returns (bytes32);

    /// @notice The validator's role.
    function VALIDATOR_ROLE() external view returns (bytes32);

    /// @notice The current federator.
    function federator() external view returns (address);

    /// @notice The current validator.
    function validator() external view returns (address);

    /// @notice Whether `account` holds `role` now. Modules ask this on every gated call, so a role
    /// handover takes effect everywhere at once.
    function hasRole(bytes32 role, address account) external view returns (bool);

    /// @notice Whether registration, node adds and pool joins are paused.
    function paused() external view returns (bool);

    /// @notice The network token.
    function token() external view returns (address);

    /// @notice The StakeManager module.
    function stakeManager() external view returns (address);

    /// @notice The ComputeRegistry module.
    function computeRegistry() external view returns (address);

    /// @notice The DomainRegistry module.
    function domainRegistry() external view returns (address);

    /// @notice The ComputePool module.
    function computePool() external view returns (address);

    /// @notice The RewardsDistributor module.
    function rewardsDistributor() external view returns (address);

    /// @notice The minimum stake per compute unit (and the base stake of a provider without nodes).
    function stakeMinimum() external view returns (uint256);

    /// @notice The shortest lock window a pool may have for work rewards (validators' time to check work).
    function minWorkLockPeriod() external view returns (uint256);

    /// @notice What `provider` must keep staked: stakeMinimum x (1 + total compute units of its nodes).
    function minimumStakeFor(address provider) external view returns (uint256);

    /// @notice What joining a pool and submitting work ask of the network: reverts with NetworkPaused
    /// while paused, and with InsufficientStake when `provider`'s active stake is below
    /// stakeMinimum x (1 + `providerComputeUnits`).
    /// @dev The ComputePool passes the provider's compute units as the registry reported them, which
    /// saves a registry read.
    function checkActiveProvider(address provider, uint256 providerComputeUnits) external view;

    /// @notice What `provider` must keep staked (minimumStakeFor) and what it has staked: its nodes
    /// may join and stay in pools only while `active >= required`.
    function stakeStatus(address provider) external view returns (uint256 required, uint256 active);

    /// @notice Who may accept `role` (zero when no handover is pending).
    function pendingRoleHolder(bytes32 role) external view returns (address);

    /// @notice Whether `account` is a contract this deployment ships: this coordinator, one of its
    /// modules, the network token, the read-only BatchReader, or any contract whose `primeNetwork()`
    /// names this coordinator (the shipped WorkUnitsValidation). None of them may be the treasury:
    /// tokens sent there would be stuck or break the stake ledger.
    function isProtocolContract(address account) external view returns (bool);

    /// @notice The EIP-712 digest a node key signs to let `provider` add it until `deadline`.
    function nodeOwnershipDigest(address provider, address nodeKey, uint256 deadline) external view returns (bytes32);

    /// @notice Registers the caller as a provider staking `amount` (needs an allowance to the StakeManager).
    function registerProvider(uint256 amount) external;

    /// @notice registerProvider with an ERC-2612 permit for the StakeManager. A permit that fails
    /// (front-run, already used) is ignored and the existing allowance is used instead.
    function registerProviderWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;

    /// @notice Adds `amount` to the caller's stake, rebonding its pending unbonds first.
    function increaseStake(uint256 amount) external;

    /// @notice Starts unbonding `amount` of the caller's stake. What remains must be at least
    /// minimumStakeFor(caller), except that a provider without nodes may unbond all of it (a full
    /// exit) once none of its work is still locked (ComputeRegistry's workLockedUntil).
    function reclaimStake(uint256 amount) external;

    /// @notice Transfers the caller's matured unbonds to it. Never paused.
    /// @return amount The tokens transferred.
    function withdraw() external returns (uint256 amount);

    /// @notice Adds a node owned by the caller. `signature` is `nodeKey`'s EIP-712 signature of
    /// NodeOwnership(provider, nodeKey, nonce, deadline) (see nodeOwnershipDigest), valid until `deadline`.
    function addComputeNode(
        address nodeKey,
        string calldata specsURI,
        uint256 computeUnits,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Removes the caller's inactive node.
    function removeComputeNode(address nodeKey) external;

    /// @notice Whitelists a registered provider. Validator only.
    function whitelistProvider(address provider) external;

    /// @notice Removes a provider from the whitelist: its nodes can no longer join or stay in pools.
    /// `evictions` (its nodes and their pools) are ejected in the same transaction; see
    /// ComputePool.ejectIneligibleNodes. Validator only.
    function blacklistProvider(address provider, IComputePool.PoolNode[] calldata evictions) external;

    /// @notice Validates a node, re-checking its provider's stake. Validator only.
    function validateNode(address nodeKey) external;

    /// @notice Invalidates a node: it can no longer join or stay in pools. `evictions` (the node and
    /// its pool) are ejected in the same transaction. Validator only.
    function invalidateNode(address nodeKey, IComputePool.PoolNode[] calldata evictions) external;

    /// @notice Records a node's benchmark score. Validator only.
    function setNodeBenchmark(address nodeKey, uint256 score) external;

    /// @notice Slashes up to `amount` of `provider`'s stake to the treasury. When that leaves it
    /// short of its minimum, `evictions` (its nodes and their pools) are ejected in the same
    /// transaction. Validator only.
    /// @return slashed The amount actually slashed.
    function slash(address provider, uint256 amount, IComputePool.PoolNode[] calldata evictions)
        external
        returns (uint256 slashed);

    /// @notice Invalidates work `workKey` of `nodeKey` while its reward is locked: exactly that reward
    /// goes back to its pool's budget, `penalty` (at most) is slashed from the provider that submitted
    /// it to the treasury, with `invalidateNode` the node is invalidated (while it still belongs to
    /// that provider) and all of its other locked work rewards in that pool go back to the budget too
    /// (constant gas), and `evictions` (the node and the pool it is in now, wherever it moved) are
    /// ejected in the same transaction when no longer eligible. Validator only.
    /// @dev A node submits a key once and invalidated work stays rejected, so (`nodeKey`, `workKey`)
    /// names exactly one submission: a late or repeated transaction can never hit another work, it
    /// reverts with WorkAlreadyInvalidated.
    /// @return slashed The penalty actually slashed.
    function invalidateWork(
        address nodeKey,
        bytes32 workKey,
        uint256 penalty,
        bool invalidateNode,
        IComputePool.PoolNode[] calldata evictions
    ) external returns (uint256 slashed);

    /// @notice Invalidates work `workKey` of `nodeKey` while its reward is locked, without penalty:
    /// exactly that reward goes back to its pool's budget, and the work stays rejected ("soft" means
    /// no penalty, not "try again"). Validator only.
    function softInvalidateWork(address nodeKey, bytes32 workKey) external;

    /// @notice Creates a domain. Federator only.
    /// @return domainId The new domain's id.
    function createDomain(string calldata name, address validationLogic, string calldata domainParametersURI)
        external
        returns (uint256 domainId);

    /// @notice Updates a domain. Federator only.
    function updateDomain(uint256 domainId, address validationLogic, string calldata domainParametersURI) external;

    /// @notice Sets the minimum stake per compute unit. Federator only.
    function setStakeMinimum(uint256 stakeMinimum) external;

    /// @notice Sets the shortest lock window pools may set for work rewards (at most 90 days); pools
    /// that already accepted work keep theirs. Federator only.
    function setMinWorkLockPeriod(uint256 period) external;

    /// @notice Sets the unbonding period for new unbonds. Federator only.
    function setUnbondingPeriod(uint256 period) external;

    /// @notice Sets where slashed tokens go: never zero nor a contract the deployment ships
    /// (isProtocolContract). Federator only.
    function setTreasury(address treasury) external;

    /// @notice Pauses registration, node adds and pool joins. Federator only.
    function pause() external;

    /// @notice Lifts the pause. Federator only.
    function unpause() external;

    /// @notice Proposes `newHolder` as the next holder of `role` (FEDERATOR_ROLE or VALIDATOR_ROLE),
    /// replacing any earlier proposal. Nothing changes until `newHolder` accepts. The role's holder or
    /// the federator; anyone else gets MissingRole(role, caller). A validator handover the federator
    /// proposed can be replaced by the federator only (RoleTransferProposedByFederator).
    function proposeRoleTransfer(bytes32 role, address newHolder) external;

    /// @notice Withdraws the pending proposal for `role`. The role's holder or the federator; a
    /// validator handover the federator proposed, the federator only.
    function cancelRoleTransfer(bytes32 role) external;

    /// @notice Takes `role` from its current holder. Only the proposed new holder.
    /// @dev Taking FEDERATOR_ROLE also cancels a pending VALIDATOR_ROLE handover
    /// (RoleTransferCancelled), so the new federator is bound by no proposal made before it.
    function acceptRole(bytes32 role) external;
}
