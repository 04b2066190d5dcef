// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ICommonErrors
/// @notice Errors that more than one contract raises, declared once so each has one selector.
interface ICommonErrors {
    /// @notice `account` does not hold `role` (FEDERATOR_ROLE or VALIDATOR_ROLE).
    error MissingRole(bytes32 role, address account);

    /// @notice An address argument is zero where a real address is required.
    error ZeroAddress();

    /// @notice An amount is zero where a positive amount is required.
    error ZeroAmount();

    /// @notice An amount does not fit the contract's accounting.
    error AmountTooLarge(uint256 amount, uint256 max);

    /// @notice The federator has paused registration, node adds and pool joins.
    error NetworkPaused();

    /// @notice `caller` is not the provider of `nodeKey`.
    error CallerNotNodeProvider(address nodeKey, address caller);

    /// @notice `caller` is not the creator of pool `poolId`.
    error CallerNotPoolCreator(uint256 poolId, address caller);

    /// @notice A batch argument is empty.
    error EmptyBatch();
}
