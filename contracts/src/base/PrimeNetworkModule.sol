// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPrimeNetwork} from "../interfaces/IPrimeNetwork.sol";
import {IPrimeNetworkModule} from "../interfaces/IPrimeNetworkModule.sol";

/// @title PrimeNetworkModule
/// @notice The coordinator link every module shares. Roles and the pause are read from PrimeNetwork
/// on every call instead of being copied at deployment, so a role handover or a pause reaches every
/// module at once.
abstract contract PrimeNetworkModule is IPrimeNetworkModule {
    IPrimeNetwork internal immutable _PRIME_NETWORK;

    constructor(address primeNetwork_) {
        if (primeNetwork_ == address(0)) revert ZeroAddress();
        _PRIME_NETWORK = IPrimeNetwork(primeNetwork_);
    }

    modifier onlyPrimeNetwork() {
        if (msg.sender != address(_PRIME_NETWORK)) revert CallerNotPrimeNetwork(msg.sender);
        _;
    }

    /// @inheritdoc IPrimeNetworkModule
    function primeNetwork() external view returns (address) {
        return address(_PRIME_NETWORK);
    }

    function _checkRole(bytes32 role) internal view {
        if (!_PRIME_NETWORK.hasRole(role, msg.sender)) revert MissingRole(role, msg.sender);
    }
}
