// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommonErrors} from "./ICommonErrors.sol";

/// @title IPrimeNetworkModule
/// @notice What every module (StakeManager, ComputeRegistry, DomainRegistry, ComputePool,
/// RewardsDistributor) shares: the coordinator whose roles and pause it follows.
interface IPrimeNetworkModule is ICommonErrors {
    /// @notice The caller is not the PrimeNetwork coordinator.
    error CallerNotPrimeNetwork(address caller);

    /// @notice The PrimeNetwork coordinator whose roles and pause this module follows.
    function primeNetwork() external view returns (address);
}
