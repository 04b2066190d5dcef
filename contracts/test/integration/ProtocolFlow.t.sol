// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice The protocol's whole flow, as the seed README walks it, with exact balances and rewards.
contract ProtocolFlowTest is BaseTest {
    uint256 internal constant RATE = 1e15; // tokens per compute unit per second
    uint256 internal constant BUDGET = 1000e18;

    function test_wholeFlow() public {
        // Federator configures the network.
        vm.startPrank(federator);
        network.setStakeMinimum(100e18);
        network.setUnbondingPeriod(3 days);
        vm.stopPrank();

        // Providers stake and register: enough for 30 and 5 compute units.
        _registerProvider(provider, 3100e18);
        _registerProvider(provider2, 600e18);
        assertEq(token.balanceOf(address(stakeManager)), 3700e18, "stake held");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 3100e18, "provider paid stake");

        // They add nodes, each proven by its node key's signature.
        (address nodeA, uint256 pkA) = _nodeKey("nodeA");
        (address nodeB, uint256 pkB) = _nodeKey("nodeB");
        (address nodeC, uint256 pkC) = _nodeKey("nodeC");
        _addNode(provider, pkA, 10);
        _addNode(provider, pkB, 20);
        _addNode(provider2, pkC, 5);
        assertEq(network.minimumStakeFor(provider), 3100e18, "provider minimum");

        // Validator whitelists providers and validates nodes.
        vm.startPrank(validator);
        network.whitelistProvider(provider);
        network.whitelistProvider(provider2);
        network.validateNode(nodeA);
        network.validateNode(nodeB);
        network.validateNode(nodeC);
        vm.stopPrank();

        // Federator creates a domain; a compute manager creates, funds and starts a pool.
        uint256 domainId = _createDomain();
        uint256 poolId = _createPool(domainId, 0);
        vm.startPrank(creator);
        rewards.setRewardRate(poolId, RATE);
        rewards.fundPool(poolId, BUDGET);
        pools.startComputePool(poolId);
        vm.stopPrank();
        assertEq(token.balanceOf(creator), INITIAL_BALANCE - BUDGET, "creator funded");

        // Nodes join with invites signed by the manager key: provider's two in one call.
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](2);
        invites[0] = _invite(poolId, nodeA, 1);
        invites[1] = _invite(poolId, nodeB, 2);
        vm.prank(provider);
        pools.joinComputePool(poolId, invites);
        _join(provider2, poolId, nodeC, 3);
        assertEq(rewards.getPoolRewards(poolId).totalCompute, 35, "pool compute");

        // 1,000 s with all three; node B leaves; 1,000 s more; C is ejected and its provider
        // blacklisted; 500 s more with A alone.
        skip(1000);
        _leave(provider, poolId, nodeB);
        skip(1000);
        vm.prank(manager);
        pools.blacklistProvider(poolId, provider2, _one(nodeC));
        skip(500);

        uint256 earnedA = RATE * 10 * 2500;
        uint256 earnedB = RATE * 20 * 1000;
        uint256 earnedC = RATE * 5 * 2000;
        assertEq(rewards.calculateRewards(poolId, nodeA), earnedA, "A earned");
        assertEq(rewards.calculateRewards(poolId, nodeB), earnedB, "B earned");
        assertEq(rewards.calculateRewards(poolId, nodeC), earnedC, "C earned");
        assertEq(rewards.getNodeRecord(poolId, nodeB).activeSeconds, 1000, "B active seconds");

        // Providers claim: provider for both its nodes in one call.
        address[] memory mine = new address[](2);
        mine[0] = nodeA;
        mine[1] = nodeB;
        vm.prank(provider);
        assertEq(rewards.claimRewards(poolId, mine), earnedA + earnedB, "provider claimed");
        _claim(provider2, poolId, nodeC);
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 3100e18 + earnedA + earnedB, "provider paid");
        assertEq(token.balanceOf(provider2), INITIAL_BALANCE - 600e18 + earnedC, "provider2 paid");

        // The pool ends; A leaves; the creator takes back what never accrued.
        vm.prank(creator);
        pools.endComputePool(poolId);
        _leave(provider, poolId, nodeA);
        vm.prank(creator);
        rewards.withdrawUnusedBudget(poolId);
        assertEq(token.balanceOf(creator), INITIAL_BALANCE - earnedA - earnedB - earnedC, "creator refunded");
        assertEq(token.balanceOf(address(rewards)), 0, "nothing left in the distributor");

        // Provider removes node B, reclaims the stake it no longer needs, waits, withdraws.
        vm.startPrank(provider);
        network.removeComputeNode(nodeB);
        network.reclaimStake(2000e18);
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, provider));
        network.withdraw();
        skip(3 days);
        assertEq(network.withdraw(), 2000e18, "withdrawn");
        vm.stopPrank();
        assertEq(stakeManager.activeStake(provider), 1100e18, "provider keeps its minimum");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 1100e18 + earnedA + earnedB, "provider final");
        assertEq(token.balanceOf(address(stakeManager)), 1100e18 + 600e18, "stake manager holds what is staked");
    }
}
