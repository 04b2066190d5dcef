// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

import {IComputePool} from "./interfaces/IComputePool.sol";
import {IComputeRegistry} from "./interfaces/IComputeRegistry.sol";
import {IDomainRegistry} from "./interfaces/IDomainRegistry.sol";
import {IPrimeNetwork} from "./interfaces/IPrimeNetwork.sol";
import {IPrimeNetworkModule} from "./interfaces/IPrimeNetworkModule.sol";
import {IRewardsDistributor} from "./interfaces/IRewardsDistributor.sol";
import {IStakeManager} from "./interfaces/IStakeManager.sol";
import {Roles} from "./libraries/Roles.sol";
import {Signatures} from "./libraries/Signatures.sol";
import {WorkLimits} from "./libraries/WorkLimits.sol";
import {BatchReader} from "./periphery/BatchReader.sol";

/// @title PrimeNetwork
/// @notice The coordinator. Providers, validators and the federator call it; it enforces roles, the
/// pause and the minimum stake, and drives the StakeManager, ComputeRegistry and DomainRegistry.
/// Pools are run on the ComputePool and paid by the RewardsDistributor, which read roles and the
/// pause from here.
/// @dev Each role has exactly one holder, so "changing the validator" means what it says: the old
/// holder loses the role in the same transaction in which the new one gains it. Handover takes two
/// steps (the federator proposes, the new holder accepts), so a mistyped address loses nothing.
contract PrimeNetwork is IPrimeNetwork, EIP712 {
    /* CONSTANTS */

    /// @inheritdoc IPrimeNetwork
    bytes32 public constant FEDERATOR_ROLE = Roles.FEDERATOR_ROLE;

    /// @inheritdoc IPrimeNetwork
    bytes32 public constant VALIDATOR_ROLE = Roles.VALIDATOR_ROLE;

    address internal immutable _TOKEN;
    IStakeManager internal immutable _STAKE_MANAGER;
    IComputeRegistry internal immutable _REGISTRY;
    IDomainRegistry internal immutable _DOMAINS;
    address internal immutable _COMPUTE_POOL;
    address internal immutable _REWARDS;

    /* STORAGE */

    /// @dev The pause and the minimums share a slot: a pool join or a work submission reads them in one go.
    bool internal _paused;
    uint128 internal _stakeMinimum;
    uint32 internal _minWorkLockPeriod;
    address internal _federator;
    /// @dev Whether the pending validator handover was proposed by the federator: then the sitting
    /// validator can neither cancel nor replace it (packed with the federator, read together).
    bool internal _validatorHandoverByFederator;
    address internal _validator;
    mapping(bytes32 role => address) internal _pendingHolders;

    constructor(address token_, Modules memory modules, address federator_, address validator_, uint256 stakeMinimum_)
        EIP712("Prime Network", "1")
    {
        if (
            token_ == address(0) || modules.stakeManager == address(0) || modules.computeRegistry == address(0)
                || modules.domainRegistry == address(0) || modules.computePool == address(0)
                || modules.rewardsDistributor == address(0)
        ) revert ZeroAddress();
        _TOKEN = token_;
        _STAKE_MANAGER = IStakeManager(modules.stakeManager);
        _REGISTRY = IComputeRegistry(modules.computeRegistry);
        _DOMAINS = IDomainRegistry(modules.domainRegistry);
        _COMPUTE_POOL = modules.computePool;
        _REWARDS = modules.rewardsDistributor;
        _transferRole(FEDERATOR_ROLE, federator_);
        _transferRole(VALIDATOR_ROLE, validator_);
        _setStakeMinimum(stakeMinimum_);
    }

    /* MODIFIERS */

    modifier onlyRole(bytes32 role) {
        if (!hasRole(role, msg.sender)) revert MissingRole(role, msg.sender);
        _;
    }

    modifier whenNotPaused() {
        if (_paused) revert NetworkPaused();
        _;
    }

    /* VIEWS */

    /// @inheritdoc IPrimeNetwork
    function federator() external view returns (address) {
        return _federator;
    }

    /// @inheritdoc IPrimeNetwork
    function validator() external view returns (address) {
        return _validator;
    }

    /// @inheritdoc IPrimeNetwork
    function hasRole(bytes32 role, address account) public view returns (bool) {
        if (role == FEDERATOR_ROLE) return account == _federator;
        if (role == VALIDATOR_ROLE) return account == _validator;
        return false;
    }

    /// @inheritdoc IPrimeNetwork
    function paused() external view returns (bool) {
        return _paused;
    }

    /// @inheritdoc IPrimeNetwork
    function token() external view returns (address) {
        return _TOKEN;
    }

    /// @inheritdoc IPrimeNetwork
    function stakeManager() external view returns (address) {
        return address(_STAKE_MANAGER);
    }

    /// @inheritdoc IPrimeNetwork
    function computeRegistry() external view returns (address) {
        return address(_REGISTRY);
    }

    /// @inheritdoc IPrimeNetwork
    function domainRegistry() external view returns (address) {
        return address(_DOMAINS);
    }

    /// @inheritdoc IPrimeNetwork
    function computePool() external view returns (address) {
        return _COMPUTE_POOL;
    }

    /// @inheritdoc IPrimeNetwork
    function rewardsDistributor() external view returns (address) {
        return _REWARDS;
    }

    /// @inheritdoc IPrimeNetwork
    function stakeMinimum() external view returns (uint256) {
        return _stakeMinimum;
    }

    /// @inheritdoc IPrimeNetwork
    function minWorkLockPeriod() external view returns (uint256) {
        return _minWorkLockPeriod;
    }

    /// @inheritdoc IPrimeNetwork
    function minimumStakeFor(address provider) public view returns (uint256) {
        return _requiredStake(_REGISTRY.getProvider(provider).totalComputeUnits);
    }

    /// @inheritdoc IPrimeNetwork
    function checkActiveProvider(address provider, uint256 providerComputeUnits) external view {
        if (_paused) revert NetworkPaused();
        _checkStake(provider, _requiredStake(providerComputeUnits));
    }

    /// @inheritdoc IPrimeNetwork
    function stakeStatus(address provider) external view returns (uint256 required, uint256 active) {
        required = minimumStakeFor(provider);
        active = _STAKE_MANAGER.activeStake(provider);
    }

    /// @inheritdoc IPrimeNetwork
    function pendingRoleHolder(bytes32 role) external view returns (address) {
        return _pendingHolders[role];
    }

    /// @inheritdoc IPrimeNetwork
    function isProtocolContract(address account) external view returns (bool) {
        if (
            account == address(this) || account == address(_STAKE_MANAGER) || account == address(_REGISTRY)
                || account == address(_DOMAINS) || account == _COMPUTE_POOL || account == _REWARDS || account == _TOKEN
        ) return true;
        // The read-only BatchReader the deploy script ships (it has no immutables, so its code is the same
        // wherever it is deployed).
        if (account.code.length == 0) return false;
        if (account.codehash == keccak256(type(BatchReader).runtimeCode)) return true;
        // Every other contract built on this network names it, as the shipped WorkUnitsValidation does.
        (bool ok, bytes memory data) = account.staticcall(abi.encodeCall(IPrimeNetworkModule.primeNetwork, ()));
        return ok && data.length == 32 && abi.decode(data, (address)) == address(this);
    }

    /// @inheritdoc IPrimeNetwork
    function nodeOwnershipDigest(address provider, address nodeKey, uint256 deadline) public view returns (bytes32) {
        return
            _hashTypedDataV4(Signatures.nodeOwnershipHash(provider, nodeKey, _REGISTRY.nodeKeyNonce(nodeKey), deadline));
    }

    /* PROVIDERS */

    /// @inheritdoc IPrimeNetwork
    function registerProvider(uint256 amount) external whenNotPaused {
        _registerProvider(amount);
    }

    /// @inheritdoc IPrimeNetwork
    function registerProviderWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        whenNotPaused
    {
        // Anyone can submit a permit they saw in the mempool first; the allowance it set is then
        // already there, so a failed permit must not block the registration.
        try IERC20Permit(_TOKEN).permit(msg.sender, address(_STAKE_MANAGER), amount, deadline, v, r, s) {} catch {}
        _registerProvider(amount);
    }

    /// @inheritdoc IPrimeNetwork
    function increaseStake(uint256 amount) external {
        if (!_REGISTRY.getProvider(msg.sender).registered) {
            revert IComputeRegistry.ProviderNotRegistered(msg.sender);
        }
        _STAKE_MANAGER.stake(msg.sender, amount);
    }

    /// @inheritdoc IPrimeNetwork
    function reclaimStake(uint256 amount) external {
        uint256 active = _STAKE_MANAGER.activeStake(msg.sender);
        // Asking for more than the active stake is the StakeManager's InsufficientActiveStake.
        if (amount <= active) {
            uint256 remaining = active - amount;
            IComputeRegistry.Provider memory record = _REGISTRY.getProvider(msg.sender);
            // A provider without nodes may take everything out (a full exit: with no stake it can
            // add no node until it stakes again), unless work of its is still locked: validators may
            // still invalidate it, so the minimum stays for the penalty. Otherwise it keeps what its
            // nodes require.
            if (remaining != 0 || record.nodeCount != 0 || block.timestamp < record.workLockedUntil) {
                uint256 required = _requiredStake(record.totalComputeUnits);
                if (remaining < required) revert InsufficientStake(msg.sender, required, remaining);
            }
        }
        _STAKE_MANAGER.unbond(msg.sender, amount);
    }

    /// @inheritdoc IPrimeNetwork
    function withdraw() external returns (uint256) {
        return _STAKE_MANAGER.withdraw(msg.sender);
    }

    /* NODES */

    /// @inheritdoc IPrimeNetwork
    function addComputeNode(
        address nodeKey,
        string calldata specsURI,
        uint256 computeUnits,
        uint256 deadline,
        bytes calldata signature
    ) external whenNotPaused {
        if (block.timestamp > deadline) revert NodeSignatureExpired(nodeKey, deadline);
        if (!SignatureChecker.isValidSignatureNowCalldata(
                nodeKey, nodeOwnershipDigest(msg.sender, nodeKey, deadline), signature
            )) {
            revert InvalidNodeSignature(msg.sender, nodeKey);
        }
        uint256 totalComputeUnits = _REGISTRY.addNode(msg.sender, nodeKey, computeUnits, specsURI);
        _checkStake(msg.sender, _requiredStake(totalComputeUnits));
    }

    /// @inheritdoc IPrimeNetwork
    function removeComputeNode(address nodeKey) external {
        _REGISTRY.removeNode(msg.sender, nodeKey);
    }

    /* VALIDATOR */

    /// @inheritdoc IPrimeNetwork
    function whitelistProvider(address provider) external onlyRole(VALIDATOR_ROLE) {
        _REGISTRY.setWhitelisted(provider, true);
    }

    /// @inheritdoc IPrimeNetwork
    function blacklistProvider(address provider, IComputePool.PoolNode[] calldata evictions)
        external
        onlyRole(VALIDATOR_ROLE)
    {
        _REGISTRY.setWhitelisted(provider, false);
        _evict(evictions);
    }

    /// @inheritdoc IPrimeNetwork
    function validateNode(address nodeKey) external onlyRole(VALIDATOR_ROLE) {
        address provider = _REGISTRY.setValidated(nodeKey, true);
        _checkStake(provider, minimumStakeFor(provider));
    }

    /// @inheritdoc IPrimeNetwork
    function invalidateNode(address nodeKey, IComputePool.PoolNode[] calldata evictions)
        external
        onlyRole(VALIDATOR_ROLE)
    {
        _REGISTRY.setValidated(nodeKey, false);
        _evict(evictions);
    }

    /// @inheritdoc IPrimeNetwork
    function setNodeBenchmark(address nodeKey, uint256 score) external onlyRole(VALIDATOR_ROLE) {
        _REGISTRY.setBenchmarkScore(nodeKey, score);
    }

    /// @inheritdoc IPrimeNetwork
    function slash(address provider, uint256 amount, IComputePool.PoolNode[] calldata evictions)
        external
        onlyRole(VALIDATOR_ROLE)
        returns (uint256 slashed)
    {
        slashed = _STAKE_MANAGER.slash(provider, amount);
        _evict(evictions);
    }

    /// @inheritdoc IPrimeNetwork
    function invalidateWork(
        address nodeKey,
        bytes32 workKey,
        uint256 penalty,
        bool invalidateNode,
        IComputePool.PoolNode[] calldata evictions
    ) external onlyRole(VALIDATOR_ROLE) returns (uint256 slashed) {
        // Invalidating the node also returns all of its locked work rewards in that pool: the
        // validator judged the node, not only this work.
        (, address provider) = IRewardsDistributor(_REWARDS).onWorkInvalidated(nodeKey, workKey, true, invalidateNode);
        if (penalty != 0) slashed = _STAKE_MANAGER.slash(provider, penalty);
        // Only while the key is still that provider's node: it may have been removed since, or
        // registered again by another provider, who did not submit this work.
        if (invalidateNode && _REGISTRY.getNode(nodeKey).provider == provider) {
            _REGISTRY.setValidated(nodeKey, false);
        }
        _evict(evictions);
    }

    /// @inheritdoc IPrimeNetwork
    function softInvalidateWork(address nodeKey, bytes32 workKey) external onlyRole(VALIDATOR_ROLE) {
        IRewardsDistributor(_REWARDS).onWorkInvalidated(nodeKey, workKey, false, false);
    }

    /* FEDERATOR */

    /// @inheritdoc IPrimeNetwork
    function createDomain(string calldata name, address validationLogic, string calldata domainParametersURI)
        external
        onlyRole(FEDERATOR_ROLE)
        returns (uint256)
    {
        return _DOMAINS.createDomain(name, validationLogic, domainParametersURI);
    }

    /// @inheritdoc IPrimeNetwork
    function updateDomain(uint256 domainId, address validationLogic, string calldata domainParametersURI)
        external
        onlyRole(FEDERATOR_ROLE)
    {
        _DOMAINS.updateDomain(domainId, validationLogic, domainParametersURI);
    }

    /// @inheritdoc IPrimeNetwork
    function setStakeMinimum(uint256 stakeMinimum_) external onlyRole(FEDERATOR_ROLE) {
        _setStakeMinimum(stakeMinimum_);
    }

    /// @inheritdoc IPrimeNetwork
    function setMinWorkLockPeriod(uint256 period) external onlyRole(FEDERATOR_ROLE) {
        if (period > WorkLimits.MAX_LOCK_PERIOD) revert WorkLockPeriodTooLong(period, WorkLimits.MAX_LOCK_PERIOD);
        _minWorkLockPeriod = uint32(period);
        emit MinWorkLockPeriodSet(period);
    }

    /// @inheritdoc IPrimeNetwork
    function setUnbondingPeriod(uint256 period) external onlyRole(FEDERATOR_ROLE) {
        _STAKE_MANAGER.setUnbondingPeriod(period);
    }

    /// @inheritdoc IPrimeNetwork
    function setTreasury(address treasury) external onlyRole(FEDERATOR_ROLE) {
        _STAKE_MANAGER.setTreasury(treasury);
    }

    /// @inheritdoc IPrimeNetwork
    function pause() external onlyRole(FEDERATOR_ROLE) {
        if (_paused) revert AlreadyPaused();
        _paused = true;
        emit PauseSet(true);
    }

    /// @inheritdoc IPrimeNetwork
    function unpause() external onlyRole(FEDERATOR_ROLE) {
        if (!_paused) revert NotPaused();
        _paused = false;
        emit PauseSet(false);
    }

    /// @inheritdoc IPrimeNetwork
    function proposeRoleTransfer(bytes32 role, address newHolder) external {
        _checkKnownRole(role);
        _checkHolderOrFederator(role);
        if (newHolder == address(0)) revert ZeroAddress();
        _checkNotFederatorsHandover(role);
        _pendingHolders[role] = newHolder;
        if (role == VALIDATOR_ROLE) _validatorHandoverByFederator = msg.sender == _federator;
        emit RoleTransferProposed(role, newHolder);
    }

    /// @inheritdoc IPrimeNetwork
    function cancelRoleTransfer(bytes32 role) external {
        _checkHolderOrFederator(role);
        address pending = _pendingHolders[role];
        if (pending == address(0)) revert NoPendingRoleTransfer(role);
        _checkNotFederatorsHandover(role);
        _clearPending(role, pending);
    }

    /// @inheritdoc IPrimeNetwork
    function acceptRole(bytes32 role) external {
        if (msg.sender != _pendingHolders[role]) revert CallerNotPendingRoleHolder(role, msg.sender);
        delete _pendingHolders[role];
        if (role == VALIDATOR_ROLE) delete _validatorHandoverByFederator;
        _transferRole(role, msg.sender);
        // A new federator inherits no handover it did not see proposed: a pending validator
        // handover (which the former federator may have made) is cancelled and can be proposed again.
        if (role == FEDERATOR_ROLE) {
            address pendingValidator = _pendingHolders[VALIDATOR_ROLE];
            if (pendingValidator != address(0)) _clearPending(VALIDATOR_ROLE, pendingValidator);
        }
    }

    /* INTERNAL */

    function _registerProvider(uint256 amount) internal {
        uint256 required = _stakeMinimum;
        if (amount < required) revert InsufficientStake(msg.sender, required, amount);
        _REGISTRY.registerProvider(msg.sender);
        _STAKE_MANAGER.stake(msg.sender, amount);
    }

    /// @dev stakeMinimum x (1 + compute units). Cannot overflow: the minimum fits 128 bits and the
    /// units 64.
    function _requiredStake(uint256 totalComputeUnits) internal view returns (uint256) {
        return _stakeMinimum * (1 + totalComputeUnits);
    }

    function _checkStake(address provider, uint256 required) internal view {
        uint256 active = _STAKE_MANAGER.activeStake(provider);
        if (active < required) revert InsufficientStake(provider, required, active);
    }

    function _setStakeMinimum(uint256 stakeMinimum_) internal {
        if (stakeMinimum_ > type(uint128).max) revert AmountTooLarge(stakeMinimum_, type(uint128).max);
        _stakeMinimum = uint128(stakeMinimum_);
        emit StakeMinimumSet(stakeMinimum_);
    }

    /// @dev Takes the listed nodes out of their pools when the validator's action made them
    /// ineligible; nodes still eligible or already out are skipped, so a provider cannot make the
    /// action revert by leaving or restaking first.
    function _evict(IComputePool.PoolNode[] calldata evictions) internal {
        if (evictions.length != 0) IComputePool(_COMPUTE_POOL).ejectIneligibleNodes(evictions);
    }

    /// @dev The federator is the validator role's admin: a validator handover it proposed is not the
    /// sitting validator's to cancel or replace, so a rogue validator cannot keep its role by
    /// front-running each accept.
    function _checkNotFederatorsHandover(bytes32 role) internal view {
        if (role == VALIDATOR_ROLE && _validatorHandoverByFederator && msg.sender != _federator) {
            revert RoleTransferProposedByFederator(role, _pendingHolders[role]);
        }
    }

    function _clearPending(bytes32 role, address pending) internal {
        delete _pendingHolders[role];
        if (role == VALIDATOR_ROLE) delete _validatorHandoverByFederator;
        emit RoleTransferCancelled(role, pending);
    }

    function _checkKnownRole(bytes32 role) internal pure {
        if (role != FEDERATOR_ROLE && role != VALIDATOR_ROLE) revert UnknownRole(role);
    }

    /// @dev A role's holder hands it over itself; the federator, as the network's admin, may also
    /// replace the validator (a lost or rogue validator key must not stall the network).
    function _checkHolderOrFederator(bytes32 role) internal view {
        if (!hasRole(role, msg.sender) && msg.sender != _federator) revert MissingRole(role, msg.sender);
    }

    /// @dev `role` is FEDERATOR_ROLE or VALIDATOR_ROLE: the constructor passes constants and
    /// acceptRole only roles that proposeRoleTransfer checked.
    function _transferRole(bytes32 role, address newHolder) internal {
        if (newHolder == address(0)) revert ZeroAddress();
        address previous;
        if (role == FEDERATOR_ROLE) {
            previous = _federator;
            _federator = newHolder;
        } else {
            previous = _validator;
            _validator = newHolder;
        }
        emit RoleTransferred(role, previous, newHolder);
    }
}
