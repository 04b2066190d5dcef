// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PrimeNetworkModule} from "./base/PrimeNetworkModule.sol";
import {IComputeRegistry} from "./interfaces/IComputeRegistry.sol";

/// @title ComputeRegistry
/// @notice Providers and their nodes. Written by PrimeNetwork (registration, nodes, validation) and
/// by the ComputePool (active flags); read by everyone.
contract ComputeRegistry is IComputeRegistry, PrimeNetworkModule {
    /* CONSTANTS */

    /// @inheritdoc IComputeRegistry
    uint256 public constant MAX_COMPUTE_UNITS = type(uint32).max;

    /// @inheritdoc IComputeRegistry
    uint256 public constant MAX_NODES_PER_PROVIDER = uint256(type(uint16).max) + 1;

    address internal immutable _COMPUTE_POOL;

    /* STORAGE */

    mapping(address provider => Provider) internal _providers;
    /// @dev A provider's node keys at positions 0..nodeCount-1; each node stores its position so
    /// removal is a swap with the last entry.
    mapping(address provider => mapping(uint256 index => address nodeKey)) internal _providerNodes;
    mapping(address nodeKey => Node) internal _nodes;
    mapping(address nodeKey => uint256) internal _nodeKeyNonces;

    constructor(address primeNetwork_, address computePool_) PrimeNetworkModule(primeNetwork_) {
        if (computePool_ == address(0)) revert ZeroAddress();
        _COMPUTE_POOL = computePool_;
    }

    /* VIEWS */

    /// @inheritdoc IComputeRegistry
    function computePool() external view returns (address) {
        return _COMPUTE_POOL;
    }

    /// @inheritdoc IComputeRegistry
    function getProvider(address provider) external view returns (Provider memory) {
        return _providers[provider];
    }

    /// @inheritdoc IComputeRegistry
    function getProviderNodes(address provider) external view returns (address[] memory nodeKeys) {
        uint256 count = _providers[provider].nodeCount;
        nodeKeys = new address[](count);
        for (uint256 i; i < count; ++i) {
            nodeKeys[i] = _providerNodes[provider][i];
        }
    }

    /// @inheritdoc IComputeRegistry
    function getNode(address nodeKey) external view returns (Node memory) {
        return _nodes[nodeKey];
    }

    /// @inheritdoc IComputeRegistry
    function getProviderNodeRecords(address provider)
        external
        view
        returns (address[] memory nodeKeys, Node[] memory nodes)
    {
        uint256 count = _providers[provider].nodeCount;
        nodeKeys = new address[](count);
        nodes = new Node[](count);
        for (uint256 i; i < count; ++i) {
            address nodeKey = _providerNodes[provider][i];
            nodeKeys[i] = nodeKey;
            nodes[i] = _nodes[nodeKey];
        }
    }

    /// @inheritdoc IComputeRegistry
    function nodeEligibility(address nodeKey)
        external
        view
        returns (address provider, bool validated, bool whitelisted, uint256 providerComputeUnits)
    {
        Node storage node = _nodes[nodeKey];
        provider = node.provider;
        validated = node.validated;
        Provider storage record = _providers[provider];
        whitelisted = record.whitelisted;
        providerComputeUnits = record.totalComputeUnits;
    }

    /// @inheritdoc IComputeRegistry
    function nodeKeyNonce(address nodeKey) external view returns (uint256) {
        return _nodeKeyNonces[nodeKey];
    }

    /* PROVIDERS */

    /// @inheritdoc IComputeRegistry
    function registerProvider(address provider) external onlyPrimeNetwork {
        Provider storage record = _providers[provider];
        if (record.registered) revert ProviderAlreadyRegistered(provider);
        record.registered = true;
        emit ProviderRegistered(provider);
    }

    /// @inheritdoc IComputeRegistry
    function setWhitelisted(address provider, bool whitelisted) external onlyPrimeNetwork {
        Provider storage record = _providers[provider];
        if (!record.registered) revert ProviderNotRegistered(provider);
        record.whitelisted = whitelisted;
        emit ProviderWhitelistUpdated(provider, whitelisted);
    }

    /* NODES */

    /// @inheritdoc IComputeRegistry
    function addNode(address provider, address nodeKey, uint256 computeUnits, string calldata specsURI)
        external
        onlyPrimeNetwork
        returns (uint256 totalComputeUnits)
    {
        if (nodeKey == address(0)) revert ZeroAddress();
        if (computeUnits == 0 || computeUnits > MAX_COMPUTE_UNITS) {
            revert InvalidComputeUnits(computeUnits, MAX_COMPUTE_UNITS);
        }
        Provider storage record = _providers[provider];
        if (!record.registered) revert ProviderNotRegistered(provider);
        Node storage node = _nodes[nodeKey];
        if (node.provider != address(0)) revert NodeAlreadyRegistered(nodeKey, node.provider);
        uint256 index = record.nodeCount;
        if (index == MAX_NODES_PER_PROVIDER) revert TooManyNodes(provider, MAX_NODES_PER_PROVIDER);

        // Cannot overflow: at most 2^16 nodes of at most 2^32 - 1 units each.
        totalComputeUnits = record.totalComputeUnits + computeUnits;
        record.nodeCount = uint32(index + 1);
        record.totalComputeUnits = uint64(totalComputeUnits);
        _providerNodes[provider][index] = nodeKey;
        node.provider = provider;
        node.computeUnits = uint32(computeUnits);
        node.index = uint16(index);
        node.specsURI = specsURI;

        emit NodeAdded(provider, nodeKey, computeUnits, specsURI);
    }

    /// @inheritdoc IComputeRegistry
    function removeNode(address provider, address nodeKey) external onlyPrimeNetwork {
        Node storage node = _nodes[nodeKey];
        if (node.provider == address(0)) revert NodeNotRegistered(nodeKey);
        if (node.provider != provider) revert CallerNotNodeProvider(nodeKey, provider);
        if (node.active) revert NodeActive(nodeKey);

        Provider storage record = _providers[provider];
        uint256 last = record.nodeCount - 1;
        uint256 index = node.index;
        if (index != last) {
            address moved = _providerNodes[provider][last];
            _providerNodes[provider][index] = moved;
            _nodes[moved].index = uint16(index);
        }
        delete _providerNodes[provider][last];
        record.nodeCount = uint32(last);
        record.totalComputeUnits -= node.computeUnits;
        delete _nodes[nodeKey];
        ++_nodeKeyNonces[nodeKey];

        emit NodeRemoved(provider, nodeKey);
    }

    /// @inheritdoc IComputeRegistry
    function setValidated(address nodeKey, bool validated) external onlyPrimeNetwork returns (address provider) {
        Node storage node = _nodes[nodeKey];
        provider = node.provider;
        if (provider == address(0)) revert NodeNotRegistered(nodeKey);
        node.validated = validated;
        emit NodeValidationUpdated(nodeKey, validated);
    }

    /// @inheritdoc IComputeRegistry
    function setBenchmarkScore(address nodeKey, uint256 score) external onlyPrimeNetwork {
        Node storage node = _nodes[nodeKey];
        if (node.provider == address(0)) revert NodeNotRegistered(nodeKey);
        if (score > type(uint32).max) revert BenchmarkScoreTooLarge(score, type(uint32).max);
        node.benchmarkScore = uint32(score);
        emit NodeBenchmarkUpdated(nodeKey, score);
    }

    /// @inheritdoc IComputeRegistry
    function extendWorkLock(address provider, uint256 until) external {
        if (msg.sender != _COMPUTE_POOL) revert CallerNotComputePool(msg.sender);
        Provider storage record = _providers[provider];
        // Cannot truncate: RewardsDistributor.onWorkAccepted checks unlock times fit 32 bits.
        if (until > record.workLockedUntil) record.workLockedUntil = uint32(until);
    }

    /// @inheritdoc IComputeRegistry
    function setActive(address nodeKey, bool active)
        external
        returns (address provider, uint256 computeUnits, bool validated, bool whitelisted, uint256 providerComputeUnits)
    {
        if (msg.sender != _COMPUTE_POOL) revert CallerNotComputePool(msg.sender);
        Node storage node = _nodes[nodeKey];
        provider = node.provider;
        if (provider == address(0)) revert NodeNotRegistered(nodeKey);
        if (node.active == active) {
            if (active) revert NodeActive(nodeKey);
            revert NodeNotActive(nodeKey);
        }
        computeUnits = node.computeUnits;
        validated = node.validated;
        node.active = active;
        Provider storage record = _providers[provider];
        whitelisted = record.whitelisted;
        providerComputeUnits = record.totalComputeUnits;
        // Cannot overflow: a provider has at most 2^16 nodes.
        if (active) ++record.activeNodeCount;
        else --record.activeNodeCount;
    }
}
