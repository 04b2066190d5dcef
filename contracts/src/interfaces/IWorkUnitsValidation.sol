// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPrimeNetworkModule} from "./IPrimeNetworkModule.sol";
import {IWorkValidation} from "./IWorkValidation.sol";

/// @title IWorkUnitsValidation
/// @notice The validation logic the project ships for the common case: a submission is a work key
/// (for example the hash of an output file) and the units the node claims for it,
/// `abi.encode(bytes32 workKey, uint256 units)`. Each key is accepted once across all pools (the
/// protocol enforces it), and units above the domain's cap, which the federator sets, are rejected.
/// The record of every accepted work (pool, node, provider, units, submission time) is readable by
/// key from the RewardsDistributor (`getWork`).
interface IWorkUnitsValidation is IWorkValidation, IPrimeNetworkModule {
    /// @notice `data` is not `abi.encode(bytes32 workKey, uint256 units)` (64 bytes).
    error InvalidWorkData(uint256 length);

    /// @notice A work of zero units.
    error ZeroWorkUnits();

    /// @notice `units` exceed domain `domainId`'s cap (0 until the federator sets one).
    error WorkUnitsAboveCap(uint256 domainId, uint256 units, uint256 cap);

    /// @notice The federator set domain `domainId`'s cap on the units of one work.
    /// @param domainId The domain.
    /// @param cap The most units one work may claim (0 = no work accepted).
    event WorkUnitsCapSet(uint256 indexed domainId, uint256 cap);

    /// @notice The most units one work may claim in domain `domainId` (0 until the federator sets it).
    function unitsCap(uint256 domainId) external view returns (uint256);

    /// @notice Sets domain `domainId`'s cap on the units of one work (at most 2^32 - 1). Federator only.
    function setUnitsCap(uint256 domainId, uint256 cap) external;
}
