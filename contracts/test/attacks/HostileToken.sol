// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice An ERC-20 that, once armed, calls back into an arbitrary contract in the middle of its
/// next transfer (after the balances moved), the way a hook token or a malicious token would.
contract HostileToken is ERC20 {
    address internal _hookTarget;
    bytes internal _hookData;
    bool internal _bubble;

    /// @notice Whether the armed callback ran, whether it succeeded and what it returned or reverted with.
    bool public reentered;
    bool public reentrySucceeded;
    bytes public reentryResult;

    constructor() ERC20("Hostile Token", "HOSTILE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Runs `target.call(data)` once, during the next transfer. With `bubble` a failed
    /// callback reverts the transfer with the callback's revert data.
    function arm(address target, bytes calldata data, bool bubble) external {
        _hookTarget = target;
        _hookData = data;
        _bubble = bubble;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        address target = _hookTarget;
        if (target == address(0)) return;
        _hookTarget = address(0);
        reentered = true;
        (bool ok, bytes memory result) = target.call(_hookData);
        reentrySucceeded = ok;
        reentryResult = result;
        if (!ok && _bubble) {
            assembly ("memory-safe") {
                revert(add(result, 32), mload(result))
            }
        }
    }
}

/// @notice A smart-contract account (provider, funder or pool creator) that forwards any call, so the
/// hostile token can make it re-enter the protocol as itself.
contract ReentrantAccount {
    function exec(address to, bytes calldata data) external returns (bytes memory result) {
        bool ok;
        (ok, result) = to.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(result, 32), mload(result))
            }
        }
    }
}
