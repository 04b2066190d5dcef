// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Roles
/// @notice The network's roles, as PrimeNetwork.hasRole understands them.
library Roles {
    bytes32 internal constant FEDERATOR_ROLE = keccak256("FEDERATOR_ROLE");
    bytes32 internal constant VALIDATOR_ROLE = keccak256("VALIDATOR_ROLE");
}
