// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {PrimeNetworkModule} from "./base/PrimeNetworkModule.sol";
import {IComputePool} from "./interfaces/IComputePool.sol";
import {IComputeRegistry} from "./interfaces/IComputeRegistry.sol";
import {IDomainRegistry} from "./interfaces/IDomainRegistry.sol";
import {IRewardsDistributor} from "./interfaces/IRewardsDistributor.sol";
import {IWorkValidation} from "./interfaces/IWorkValidation.sol";
import {Signatures} from "./libraries/Signatures.sol";

/// @title ComputePool
/// @notice Pool lifecycle and admission. Who is in a pool, since when and what they earned is kept by
/// the RewardsDistributor, which this contract informs of every join, leave and end.
/// @dev Every loop runs over the caller's own batch; nothing iterates over a whole pool.
contract ComputePool is IComputePool, PrimeNetworkModule, EIP712 {
    IComputeRegistry internal immutable _REGISTRY;
    IDomainRegistry internal immutable _DOMAINS;
    IRewardsDistributor internal immutable _REWARDS;

    /* STORAGE */

    uint256 internal _poolCount;
    /// @dev Ids start at 1 so that 0 never names a pool.
    mapping(uint256 poolId => Pool) internal _pools;
    /// @dev Used and cancelled invite nonces, 256 per word, so a manager handing out sequential
    /// nonces pays for a fresh slot once per 256 invites.
    mapping(uint256 poolId => mapping(uint256 word => uint256 bits)) internal _usedNonces;
    mapping(uint256 poolId => mapping(address provider => bool)) internal _blacklistedProviders;
    mapping(uint256 poolId => mapping(address nodeKey => bool)) internal _blacklistedNodes;

    constructor(address primeNetwork_, address registry_, address domains_, address rewards_)
        PrimeNetworkModule(primeNetwork_)
        EIP712("Prime Network ComputePool", "1")
    {
        if (registry_ == address(0) || domains_ == address(0) || rewards_ == address(0)) revert ZeroAddress();
        _REGISTRY = IComputeRegistry(registry_);
        _DOMAINS = IDomainRegistry(domains_);
        _REWARDS = IRewardsDistributor(rewards_);
    }

    /* MODIFIERS */

    modifier onlyOperator(uint256 poolId) {
        Pool storage pool = _pool(poolId);
        if (msg.sender != pool.creator && msg.sender != pool.computeManagerKey) {
            revert CallerNotPoolOperator(poolId, msg.sender);
        }
        _;
    }

    /* VIEWS */

    /// @inheritdoc IComputePool
    function poolCount() external view returns (uint256) {
        return _poolCount;
    }

    /// @inheritdoc IComputePool
    function getPool(uint256 poolId) external view returns (Pool memory) {
        return _pool(poolId);
    }

    /// @inheritdoc IComputePool
    function poolCreator(uint256 poolId) external view returns (address) {
        return _pool(poolId).creator;
    }

    /// @inheritdoc IComputePool
    function isInviteNonceUsed(uint256 poolId, uint256 nonce) external view returns (bool) {
        return _usedNonces[poolId][nonce >> 8] & (1 << (nonce & 0xff)) != 0;
    }

    /// @inheritdoc IComputePool
    function isProviderBlacklisted(uint256 poolId, address provider) external view returns (bool) {
        return _blacklistedProviders[poolId][provider];
    }

    /// @inheritdoc IComputePool
    function isNodeBlacklisted(uint256 poolId, address nodeKey) external view returns (bool) {
        return _blacklistedNodes[poolId][nodeKey];
    }

    /// @inheritdoc IComputePool
    function inviteDigest(uint256 poolId, address nodeKey, address provider, uint256 nonce, uint256 expiry)
        external
        view
        returns (bytes32)
    {
        return _inviteDigest(poolId, nodeKey, provider, nonce, expiry, _pool(poolId).keyVersion);
    }

    /* LIFECYCLE */

    /// @inheritdoc IComputePool
    function createComputePool(
        uint256 domainId,
        address computeManagerKey,
        string calldata name,
        string calldata poolDataURI,
        uint256 computeLimit
    ) external returns (uint256 poolId) {
        if (!_DOMAINS.domainExists(domainId)) revert IDomainRegistry.DomainNotFound(domainId);
        if (computeManagerKey == address(0)) revert ZeroAddress();
        if (computeLimit > type(uint64).max) revert ComputeLimitTooLarge(computeLimit, type(uint64).max);

        poolId = ++_poolCount;
        Pool storage pool = _pools[poolId];
        pool.creator = msg.sender;
        // Cannot truncate: domain ids are counted from 1 and never reach 2^32.
        pool.domainId = uint32(domainId);
        pool.computeManagerKey = computeManagerKey;
        pool.computeLimit = uint64(computeLimit);
        pool.name = name;
        pool.poolDataURI = poolDataURI;

        emit PoolCreated(poolId, domainId, msg.sender, computeManagerKey, computeLimit, name, poolDataURI);
    }

    /// @inheritdoc IComputePool
    function startComputePool(uint256 poolId) external onlyOperator(poolId) {
        Pool storage pool = _pools[poolId];
        if (pool.status != PoolStatus.PENDING) revert InvalidPoolStatus(poolId, pool.status);
        pool.status = PoolStatus.ACTIVE;
        pool.startedAt = SafeCast.toUint32(block.timestamp);
        emit PoolStarted(poolId);
    }

    /// @inheritdoc IComputePool
    function endComputePool(uint256 poolId) external onlyOperator(poolId) {
        Pool storage pool = _pools[poolId];
        if (pool.status == PoolStatus.COMPLETED) revert InvalidPoolStatus(poolId, pool.status);
        pool.status = PoolStatus.COMPLETED;
        pool.endedAt = SafeCast.toUint32(block.timestamp);
        emit PoolEnded(poolId);
        _REWARDS.onPoolEnded(poolId);
    }

    /// @inheritdoc IComputePool
    function setComputeManagerKey(uint256 poolId, address computeManagerKey) external {
        Pool storage pool = _pool(poolId);
        if (msg.sender != pool.creator) revert CallerNotPoolCreator(poolId, msg.sender);
        if (computeManagerKey == address(0)) revert ZeroAddress();
        uint256 keyVersion = pool.keyVersion + 1;
        pool.keyVersion = SafeCast.toUint24(keyVersion);
        pool.computeManagerKey = computeManagerKey;
        emit ComputeManagerKeyUpdated(poolId, computeManagerKey, keyVersion);
    }

    /// @inheritdoc IComputePool
    function cancelInviteNonce(uint256 poolId, uint256 nonce) external onlyOperator(poolId) {
        _useNonce(poolId, nonce);
        emit InviteNonceCancelled(poolId, nonce);
    }

    /// @inheritdoc IComputePool
    function updatePool(uint256 poolId, uint256 computeLimit, string calldata poolDataURI) external {
        Pool storage pool = _pool(poolId);
        if (msg.sender != pool.creator) revert CallerNotPoolCreator(poolId, msg.sender);
        if (computeLimit > type(uint64).max) revert ComputeLimitTooLarge(computeLimit, type(uint64).max);
        if (computeLimit != 0) {
            uint256 totalCompute = _REWARDS.getPoolRewards(poolId).totalCompute;
            if (computeLimit < totalCompute) revert ComputeLimitBelowTotal(poolId, computeLimit, totalCompute);
        }
        pool.computeLimit = uint64(computeLimit);
        pool.poolDataURI = poolDataURI;
        emit PoolUpdated(poolId, computeLimit, poolDataURI);
    }

    /* MEMBERSHIP */

    /// @inheritdoc IComputePool
    function joinComputePool(uint256 poolId, Invite[] calldata invites) external {
        _join(poolId, invites, new bool[](0), invites.length);
    }

    /// @inheritdoc IComputePool
    function moveComputeNodes(uint256 fromPoolId, uint256 toPoolId, Invite[] calldata invites)
        external
        returns (uint256 moved)
    {
        if (fromPoolId == toPoolId) revert SamePool(fromPoolId);
        _pool(fromPoolId);
        bool[] memory skip = new bool[](invites.length);
        uint256 staying = invites.length;
        for (uint256 i; i < invites.length; ++i) {
            address nodeKey = invites[i].nodeKey;
            address provider = _removeNode(fromPoolId, nodeKey, address(0));
            // Already out (ejected or purged first): skipped as leave does, so an operator acting
            // first cannot break the batch.
            if (provider == address(0)) (skip[i], staying) = (true, staying - 1);
            else if (provider != msg.sender) revert CallerNotNodeProvider(nodeKey, msg.sender);
        }
        moved = _join(toPoolId, invites, skip, staying);
    }

    /// @inheritdoc IComputePool
    function leaveComputePool(uint256 poolId, address[] calldata nodeKeys) external returns (uint256 left) {
        _pool(poolId);
        uint256 count = nodeKeys.length;
        if (count == 0) revert EmptyBatch();
        for (uint256 i; i < count; ++i) {
            address provider = _removeNode(poolId, nodeKeys[i], address(0));
            if (provider == address(0)) continue; // already out (left, ejected or purged): nothing to do
            if (provider != msg.sender) revert CallerNotNodeProvider(nodeKeys[i], msg.sender);
            ++left;
        }
    }

    /// @inheritdoc IComputePool
    function ejectNode(uint256 poolId, address nodeKey) external onlyOperator(poolId) {
        if (_removeNode(poolId, nodeKey, msg.sender) == address(0)) {
            revert IRewardsDistributor.NodeNotInPool(poolId, nodeKey);
        }
    }

    /// @inheritdoc IComputePool
    function ejectIneligibleNodes(PoolNode[] calldata nodes) external returns (uint256 ejected) {
        for (uint256 i; i < nodes.length; ++i) {
            (uint256 poolId, address nodeKey) = (nodes[i].poolId, nodes[i].nodeKey);
            if (_isEligible(poolId, nodeKey)) continue;
            if (_removeNode(poolId, nodeKey, msg.sender) != address(0)) ++ejected;
        }
    }

    /* WORK */

    /// @inheritdoc IComputePool
    function submitWork(
        uint256 poolId,
        address nodeKey,
        bytes calldata data,
        uint256 minWorkRate,
        uint256 maxLockPeriod
    ) external returns (bytes32 workKey, uint256 units) {
        Pool storage pool = _pool(poolId);
        if (pool.status != PoolStatus.ACTIVE) revert InvalidPoolStatus(poolId, pool.status);
        (address provider, bool validated, bool whitelisted, uint256 providerUnits) = _REGISTRY.nodeEligibility(nodeKey);
        // The node key itself may submit, so a provider's stake key never has to live on a worker.
        if (msg.sender != nodeKey && msg.sender != provider) revert CallerNotNodeOrProvider(nodeKey, msg.sender);
        if (!validated) revert NodeNotValidated(nodeKey);
        if (!whitelisted) revert ProviderNotWhitelisted(provider);
        if (_blacklistedProviders[poolId][provider]) revert ProviderBlacklisted(poolId, provider);
        if (_blacklistedNodes[poolId][nodeKey]) revert NodeBlacklisted(poolId, nodeKey);
        _PRIME_NETWORK.checkActiveProvider(provider, providerUnits);

        uint256 domainId = pool.domainId;
        address logic = _DOMAINS.validationLogic(domainId);
        if (logic == address(0)) revert NoValidationLogic(domainId);
        // A view call (STATICCALL): the logic cannot change state, so it cannot re-enter with effect.
        (workKey, units) = IWorkValidation(logic).validateWork(domainId, poolId, provider, nodeKey, data);
        // The distributor checks the node is in the pool and the key is new, then reserves the reward.
        (, uint256 unlockAt) =
            _REWARDS.onWorkAccepted(poolId, nodeKey, provider, workKey, units, minWorkRate, maxLockPeriod);
        // Until the work is final, its provider keeps stake a penalty can take (see reclaimStake).
        _REGISTRY.extendWorkLock(provider, unlockAt);
    }

    /* BLACKLISTS */

    /// @inheritdoc IComputePool
    function blacklistProviders(uint256 poolId, address[] calldata providers, address[] calldata purgeNodeKeys)
        external
        onlyOperator(poolId)
    {
        for (uint256 i; i < providers.length; ++i) {
            address provider = providers[i];
            if (provider == address(0)) revert ZeroAddress();
            _blacklistedProviders[poolId][provider] = true;
            emit PoolProviderBlacklisted(poolId, provider);
        }
        // Purging skips nodes that are already out, so a provider who leaves first cannot make the
        // blacklist revert (and so escape it).
        for (uint256 i; i < purgeNodeKeys.length; ++i) {
            address provider = _removeNode(poolId, purgeNodeKeys[i], msg.sender);
            if (provider != address(0) && !_blacklistedProviders[poolId][provider]) {
                revert NodeProviderNotBlacklisted(poolId, purgeNodeKeys[i], provider);
            }
        }
    }

    /// @inheritdoc IComputePool
    function blacklistNodes(uint256 poolId, address[] calldata nodeKeys, bool purge) external onlyOperator(poolId) {
        for (uint256 i; i < nodeKeys.length; ++i) {
            address nodeKey = nodeKeys[i];
            if (nodeKey == address(0)) revert ZeroAddress();
            _blacklistedNodes[poolId][nodeKey] = true;
            emit PoolNodeBlacklisted(poolId, nodeKey);
            if (purge) _removeNode(poolId, nodeKey, msg.sender);
        }
    }

    /* INTERNAL */

    function _pool(uint256 poolId) internal view returns (Pool storage pool) {
        pool = _pools[poolId];
        if (pool.creator == address(0)) revert PoolNotFound(poolId);
    }

    function _inviteDigest(
        uint256 poolId,
        address nodeKey,
        address provider,
        uint256 nonce,
        uint256 expiry,
        uint256 keyVersion
    ) internal view returns (bytes32) {
        return _hashTypedDataV4(Signatures.poolInviteHash(poolId, nodeKey, provider, nonce, expiry, keyVersion));
    }

    /// @dev Marks `nonce` used; reverts if it already was, so each invite works once.
    function _useNonce(uint256 poolId, uint256 nonce) internal {
        uint256 bit = 1 << (nonce & 0xff);
        mapping(uint256 => uint256) storage words = _usedNonces[poolId];
        uint256 word = words[nonce >> 8];
        if (word & bit != 0) revert InviteNonceUsed(poolId, nonce);
        words[nonce >> 8] = word | bit;
    }

    /// @dev Admits the caller's invited nodes to ACTIVE pool `poolId`, except those marked in `skip`
    /// (empty: none). Every node must be validated, its provider (the caller) whitelisted with stake
    /// covering its minimum, neither blacklisted from the pool, the node in no pool, and the pool must
    /// stay within its compute limit. `joining` is how many are not skipped. Returns how many joined.
    function _join(uint256 poolId, Invite[] calldata invites, bool[] memory skip, uint256 joining)
        internal
        returns (uint256 joined)
    {
        Pool storage pool = _pool(poolId);
        if (pool.status != PoolStatus.ACTIVE) revert InvalidPoolStatus(poolId, pool.status);
        uint256 count = invites.length;
        if (count == 0) revert EmptyBatch();
        if (_blacklistedProviders[poolId][msg.sender]) revert ProviderBlacklisted(poolId, msg.sender);

        address manager = pool.computeManagerKey;
        uint256 keyVersion = pool.keyVersion;
        address[] memory nodeKeys = new address[](joining);
        uint32[] memory computeUnits = new uint32[](joining);
        uint256 providerComputeUnits;
        for (uint256 i; i < count; ++i) {
            if (skip.length != 0 && skip[i]) continue;
            Invite calldata invite = invites[i];
            address nodeKey = invite.nodeKey;
            if (block.timestamp > invite.expiry) revert InviteExpired(poolId, nodeKey, invite.expiry);
            _useNonce(poolId, invite.nonce);
            bytes32 digest = _inviteDigest(poolId, nodeKey, msg.sender, invite.nonce, invite.expiry, keyVersion);
            if (!SignatureChecker.isValidSignatureNowCalldata(manager, digest, invite.signature)) {
                revert InvalidInviteSignature(poolId, nodeKey);
            }
            if (_blacklistedNodes[poolId][nodeKey]) revert NodeBlacklisted(poolId, nodeKey);

            (address provider, uint256 units, bool validated, bool whitelisted, uint256 providerUnits) =
                _REGISTRY.setActive(nodeKey, true);
            if (provider != msg.sender) revert CallerNotNodeProvider(nodeKey, msg.sender);
            if (!validated) revert NodeNotValidated(nodeKey);
            if (!whitelisted) revert ProviderNotWhitelisted(provider);

            nodeKeys[joined] = nodeKey;
            // Cannot truncate: the registry stores compute units in 32 bits.
            computeUnits[joined] = uint32(units);
            ++joined;
            providerComputeUnits = providerUnits;
            emit NodeJoinedPool(poolId, provider, nodeKey, invite.nonce);
        }
        if (joined == 0) return 0;
        // The pause and the provider's stake, checked once for the batch (every node is the caller's).
        _PRIME_NETWORK.checkActiveProvider(msg.sender, providerComputeUnits);

        _REWARDS.onNodesJoined(poolId, msg.sender, nodeKeys, computeUnits, pool.computeLimit);
    }

    /// @dev Whether `nodeKey` may stay in pool `poolId`: validated, its provider whitelisted with
    /// enough stake, and neither blacklisted from the pool.
    function _isEligible(uint256 poolId, address nodeKey) internal view returns (bool) {
        (address provider, bool validated, bool whitelisted,) = _REGISTRY.nodeEligibility(nodeKey);
        if (!validated || !whitelisted || provider == address(0)) return false;
        if (_blacklistedProviders[poolId][provider] || _blacklistedNodes[poolId][nodeKey]) return false;
        (uint256 required, uint256 active) = _PRIME_NETWORK.stakeStatus(provider);
        return active >= required;
    }

    /// @dev Takes `nodeKey` out of pool `poolId` when it is in it: rewards settled by the
    /// distributor, inactive in the registry. Returns its provider, or zero when it was not in the
    /// pool (then nothing changed). `ejectedBy` is zero when the provider itself leaves.
    function _removeNode(uint256 poolId, address nodeKey, address ejectedBy) internal returns (address provider) {
        provider = _REWARDS.onNodeLeft(poolId, nodeKey);
        if (provider == address(0)) return address(0);
        _REGISTRY.setActive(nodeKey, false);
        emit NodeLeftPool(poolId, provider, nodeKey, ejectedBy);
    }
}
