// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";

/// @title IPrimeToken
/// @notice The network token of local and test deployments: ERC-20 with ERC-2612 permit and a mint
/// role (OpenZeppelin AccessControl; the admin role is 0x00).
interface IPrimeToken is IERC20Metadata, IERC20Permit, IAccessControl {
    /// @notice The role allowed to mint.
    function MINTER_ROLE() external view returns (bytes32);

    /// @notice Mints `amount` to `to`. Minter only.
    function mint(address to, uint256 amount) external;
}
