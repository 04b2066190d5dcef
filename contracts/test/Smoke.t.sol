// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BaseTest} from "./utils/BaseTest.sol";

contract SmokeTest is BaseTest {
    function test_flow() public {
        _registerWhitelisted(provider, 10);
        address node = _addValidatedNode(provider, "node1", 10);
        uint256 poolId = _activePool(1e15, 1000e18);
        _join(provider, poolId, node, 0);
        skip(100);
        assertEq(rewards.calculateRewards(poolId, node), 1e15 * 10 * 100);
        uint256 before = token.balanceOf(provider);
        _claim(provider, poolId, node);
        assertEq(token.balanceOf(provider) - before, 1e15 * 10 * 100);
    }
}
