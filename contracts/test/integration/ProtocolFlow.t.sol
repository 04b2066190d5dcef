// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice The protocol's whole flow, as the seed README walks it, with exact balances and rewards.
/// @dev Split into phases sharing state so that no function holds more locals than the coverage
/// build (via-IR without optimizer) can keep on the stack.
contract ProtocolFlowTest is BaseTest {
    uint256 internal constant RATE = 1e15; // tokens per compute unit per second
    uint256 internal constant BUDGET = 1000e18;
    // 1,000 s with A (10 units), B (20) and C (5); B leaves; 1,000 s more; C is ejected; 500 s more.
    uint256 internal constant EARNED_A = RATE * 10 * 2500;
    uint256 internal constant EARNED_B = RATE * 20 * 1000;
    uint256 internal constant EARNED_C = RATE * 5 * 2000;

    address internal nodeA;
    address internal nodeB;
    address internal nodeC;
    uint256 internal poolId;

    function test_wholeFlow() public {
        _configureAndRegister();
        _addAndValidateNodes();
        _openPool();
        _runPool();
        _claim();
        _endPool();
        _reclaimAndWithdraw();
    }

    /// @dev Federator configures the network; providers stake for 30 and 5 compute units.
    function _configureAndRegister() internal {
        vm.startPrank(federator);
        network.setStakeMinimum(100e18);
        network.setUnbondingPeriod(3 days);
        vm.stopPrank();

        _registerProvider(provider, 3100e18);
        _registerProvider(provider2, 600e18);
        assertEq(token.balanceOf(address(stakeManager)), 3700e18, "stake held");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 3100e18, "provider paid stake");
    }

    /// @dev Providers add nodes proven by their keys' signatures; the validator vets both.
    function _addAndValidateNodes() internal {
        (, uint256 pkA) = _nodeKey("nodeA");
        (, uint256 pkB) = _nodeKey("nodeB");
        (, uint256 pkC) = _nodeKey("nodeC");
        nodeA = _addNode(provider, pkA, 10);
        nodeB = _addNode(provider, pkB, 20);
        nodeC = _addNode(provider2, pkC, 5);
        assertEq(network.minimumStakeFor(provider), 3100e18, "provider minimum");

        vm.startPrank(validator);
        network.whitelistProvider(provider);
        network.whitelistProvider(provider2);
        network.validateNode(nodeA);
        network.validateNode(nodeB);
        network.validateNode(nodeC);
        vm.stopPrank();
    }

    /// @dev The federator creates a domain; a compute manager creates, funds and starts a pool.
    function _openPool() internal {
        poolId = _createPool(_createDomain(), 0);
        vm.startPrank(creator);
        rewards.setRewardRate(poolId, RATE);
        rewards.fundPool(poolId, BUDGET);
        pools.startComputePool(poolId);
        vm.stopPrank();
        assertEq(token.balanceOf(creator), INITIAL_BALANCE - BUDGET, "creator funded");
    }

    /// @dev Nodes join with signed invites (provider's two in one call); time passes; B leaves; C
    /// is ejected and its provider blacklisted from the pool.
    function _runPool() internal {
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](2);
        invites[0] = _invite(poolId, nodeA, 1);
        invites[1] = _invite(poolId, nodeB, 2);
        vm.prank(provider);
        pools.joinComputePool(poolId, invites);
        _join(provider2, poolId, nodeC, 3);
        assertEq(rewards.getPoolRewards(poolId).totalCompute, 35, "pool compute");

        skip(1000);
        _leave(provider, poolId, nodeB);
        skip(1000);
        vm.prank(manager);
        pools.blacklistProviders(poolId, _one(provider2), _one(nodeC));
        skip(500);

        assertEq(rewards.calculateRewards(poolId, nodeA), EARNED_A, "A earned");
        assertEq(rewards.calculateRewards(poolId, nodeB), EARNED_B, "B earned");
        assertEq(rewards.calculateRewards(poolId, nodeC), EARNED_C, "C earned");
        assertEq(rewards.getNodeRecord(poolId, nodeB).activeSeconds, 1000, "B active seconds");
    }

    /// @dev Providers claim: provider for both its nodes in one call.
    function _claim() internal {
        address[] memory mine = new address[](2);
        mine[0] = nodeA;
        mine[1] = nodeB;
        vm.prank(provider);
        assertEq(rewards.claimRewards(poolId, mine), EARNED_A + EARNED_B, "provider claimed");
        _claim(provider2, poolId, nodeC);
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 3100e18 + EARNED_A + EARNED_B, "provider paid");
        assertEq(token.balanceOf(provider2), INITIAL_BALANCE - 600e18 + EARNED_C, "provider2 paid");
    }

    /// @dev The pool ends; A leaves; the creator takes back what never accrued.
    function _endPool() internal {
        vm.prank(creator);
        pools.endComputePool(poolId);
        _leave(provider, poolId, nodeA);
        vm.prank(creator);
        rewards.withdrawUnusedBudget(poolId);
        assertEq(token.balanceOf(creator), INITIAL_BALANCE - EARNED_A - EARNED_B - EARNED_C, "creator refunded");
        assertEq(token.balanceOf(address(rewards)), 0, "nothing left in the distributor");
    }

    /// @dev Provider removes node B, reclaims the stake it no longer needs, waits, withdraws.
    function _reclaimAndWithdraw() internal {
        vm.startPrank(provider);
        network.removeComputeNode(nodeB);
        network.reclaimStake(2000e18);
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, provider));
        network.withdraw();
        skip(3 days);
        assertEq(network.withdraw(), 2000e18, "withdrawn");
        vm.stopPrank();
        assertEq(stakeManager.activeStake(provider), 1100e18, "provider keeps its minimum");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 1100e18 + EARNED_A + EARNED_B, "provider final");
        assertEq(token.balanceOf(address(stakeManager)), 1100e18 + 600e18, "stake manager holds what is staked");
    }
}
