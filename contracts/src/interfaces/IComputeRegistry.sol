// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPrimeNetworkModule} from "./IPrimeNetworkModule.sol";

/// @title IComputeRegistry
/// @notice The registry of providers and their compute nodes. Every node is identified by its own
/// key (an address) and belongs to exactly one provider while it is registered.
interface IComputeRegistry is IPrimeNetworkModule {
    /// @notice A provider as stored: one slot.
    /// @param registered Whether the provider has registered with stake.
    /// @param whitelisted Whether a validator has approved the provider (required to join pools).
    /// @param nodeCount How many nodes the provider has registered.
    /// @param activeNodeCount How many of them are active in a pool right now.
    /// @param totalComputeUnits The compute units of all the provider's nodes (drives the minimum stake).
    /// @param workLockedUntil When the provider's last locked work reward unlocks: until then it may
    /// not take all its stake out, so an invalidated work's penalty still finds stake to slash.
    struct Provider {
        bool registered;
        bool whitelisted;
        uint32 nodeCount;
        uint32 activeNodeCount;
        uint64 totalComputeUnits;
        uint32 workLockedUntil;
    }

    /// @notice A compute node as stored: one packed slot plus its specs URI.
    /// @param provider The provider that owns the node.
    /// @param computeUnits The node's compute units (what it earns rewards for).
    /// @param benchmarkScore The score a validator measured (0 until set).
    /// @param index The node's position in its provider's node list.
    /// @param active Whether the node is active in a compute pool.
    /// @param validated Whether a validator has validated the node.
    /// @param specsURI Where the node's hardware specification is published.
    struct Node {
        address provider;
        uint32 computeUnits;
        uint32 benchmarkScore;
        uint16 index;
        bool active;
        bool validated;
        string specsURI;
    }

    /// @notice The caller is not the ComputePool.
    error CallerNotComputePool(address caller);

    /// @notice `provider` is already registered.
    error ProviderAlreadyRegistered(address provider);

    /// @notice `provider` is not registered.
    error ProviderNotRegistered(address provider);

    /// @notice `nodeKey` is already registered (to `provider`).
    error NodeAlreadyRegistered(address nodeKey, address provider);

    /// @notice `nodeKey` is not registered.
    error NodeNotRegistered(address nodeKey);

    /// @notice `nodeKey` is active in a pool: it cannot be removed or join another pool until it leaves.
    error NodeActive(address nodeKey);

    /// @notice `nodeKey` is already inactive.
    error NodeNotActive(address nodeKey);

    /// @notice Compute units must be between 1 and `max`.
    error InvalidComputeUnits(uint256 computeUnits, uint256 max);

    /// @notice A benchmark score above `max`.
    error BenchmarkScoreTooLarge(uint256 score, uint256 max);

    /// @notice `provider` already has the most nodes one provider may register.
    error TooManyNodes(address provider, uint256 max);

    /// @notice `provider` registered.
    /// @param provider The new provider.
    event ProviderRegistered(address indexed provider);

    /// @notice A validator changed `provider`'s whitelist status.
    /// @param provider The provider.
    /// @param whitelisted True when whitelisted, false when blacklisted.
    event ProviderWhitelistUpdated(address indexed provider, bool whitelisted);

    /// @notice `provider` added node `nodeKey`.
    /// @param provider The node's provider.
    /// @param nodeKey The node's key.
    /// @param computeUnits The node's compute units.
    /// @param specsURI Where the node's specification is published.
    event NodeAdded(address indexed provider, address indexed nodeKey, uint256 computeUnits, string specsURI);

    /// @notice `provider` removed node `nodeKey`.
    /// @param provider The node's provider.
    /// @param nodeKey The node's key.
    event NodeRemoved(address indexed provider, address indexed nodeKey);

    /// @notice A validator validated or invalidated `nodeKey`.
    /// @param nodeKey The node's key.
    /// @param validated The new status.
    event NodeValidationUpdated(address indexed nodeKey, bool validated);

    /// @notice A validator recorded a benchmark score for `nodeKey`.
    /// @param nodeKey The node's key.
    /// @param score The score.
    event NodeBenchmarkUpdated(address indexed nodeKey, uint256 score);

    /// @notice The largest compute units one node may declare.
    function MAX_COMPUTE_UNITS() external view returns (uint256);

    /// @notice The most nodes one provider may register.
    function MAX_NODES_PER_PROVIDER() external view returns (uint256);

    /// @notice The ComputePool allowed to flip nodes' active flags.
    function computePool() external view returns (address);

    /// @notice `provider`'s record (all zero when unknown).
    function getProvider(address provider) external view returns (Provider memory);

    /// @notice The node keys `provider` has registered, in no particular order.
    function getProviderNodes(address provider) external view returns (address[] memory);

    /// @notice `nodeKey`'s record (all zero when unknown).
    function getNode(address nodeKey) external view returns (Node memory);

    /// @notice `provider`'s node keys and their records, in the order of getProviderNodes, in one call.
    function getProviderNodeRecords(address provider)
        external
        view
        returns (address[] memory nodeKeys, Node[] memory nodes);

    /// @notice What pool membership depends on: `nodeKey`'s provider (zero when unknown), whether the
    /// node is validated, whether its provider is whitelisted, and the compute units of all the
    /// provider's nodes (for its minimum stake).
    function nodeEligibility(address nodeKey)
        external
        view
        returns (address provider, bool validated, bool whitelisted, uint256 providerComputeUnits);

    /// @notice How many times `nodeKey` has been removed; part of the node-ownership signature so a
    /// consent given before a removal cannot be replayed after it.
    function nodeKeyNonce(address nodeKey) external view returns (uint256);

    /// @notice Registers `provider`.
    /// @dev Only PrimeNetwork.
    function registerProvider(address provider) external;

    /// @notice Sets `provider`'s whitelist status.
    /// @dev Only PrimeNetwork.
    function setWhitelisted(address provider, bool whitelisted) external;

    /// @notice Registers `nodeKey` to `provider`.
    /// @dev Only PrimeNetwork, after checking the node key's signature and the provider's stake.
    /// @return totalComputeUnits The provider's compute units including the new node.
    function addNode(address provider, address nodeKey, uint256 computeUnits, string calldata specsURI)
        external
        returns (uint256 totalComputeUnits);

    /// @notice Removes `provider`'s inactive node `nodeKey`.
    /// @dev Only PrimeNetwork.
    function removeNode(address provider, address nodeKey) external;

    /// @notice Sets `nodeKey`'s validation status.
    /// @dev Only PrimeNetwork.
    /// @return provider The node's provider.
    function setValidated(address nodeKey, bool validated) external returns (address provider);

    /// @notice Records `nodeKey`'s benchmark score.
    /// @dev Only PrimeNetwork.
    function setBenchmarkScore(address nodeKey, uint256 score) external;

    /// @notice Records that `provider` has work locked until `until` (kept when a later time is known).
    /// @dev Only ComputePool, for each accepted work.
    function extendWorkLock(address provider, uint256 until) external;

    /// @notice Marks `nodeKey` active (joined a pool) or inactive (left it) and returns what the
    /// pool needs to admit it.
    /// @dev Only ComputePool, which checks the returned values and reverts the whole join if the
    /// node is not eligible, so one call serves both the read and the write.
    /// @return provider The node's provider.
    /// @return computeUnits The node's compute units.
    /// @return validated Whether the node is validated.
    /// @return whitelisted Whether the node's provider is whitelisted.
    /// @return providerComputeUnits The compute units of all the provider's nodes (for its minimum stake).
    function setActive(address nodeKey, bool active)
        external
        returns (address provider, uint256 computeUnits, bool validated, bool whitelisted, uint256 providerComputeUnits);
}
