// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title WorkLimits
/// @notice Bounds of work accounting, shared by the protocol and the validation logic it ships.
library WorkLimits {
    /// @dev Work units of one work are stored in 32 bits.
    uint256 internal constant MAX_WORK_UNITS = type(uint32).max;

    /// @dev The longest lock window a pool or the network minimum may set.
    uint256 internal constant MAX_LOCK_PERIOD = 90 days;
}
