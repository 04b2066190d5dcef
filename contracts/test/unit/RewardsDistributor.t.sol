// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {Roles} from "../../src/libraries/Roles.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract RewardsDistributorTest is BaseTest {
    uint256 internal constant BUDGET = 1_000_000;

    /* HELPERS */

    function _joinMany(address provider_, uint256 poolId, address[] memory nodeKeys, uint256 firstNonce) internal {
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](nodeKeys.length);
        for (uint256 i; i < nodeKeys.length; ++i) {
            invites[i] = _invite(poolId, nodeKeys[i], firstNonce + i);
        }
        vm.prank(provider_);
        pools.joinComputePool(poolId, invites);
    }

    function _budget(uint256 poolId) internal view returns (uint256) {
        return rewards.getPoolRewards(poolId).budget;
    }

    /// @dev One whitelisted provider with one validated node of `units`, joined to a fresh active pool.
    function _poolWithNode(uint256 rate, uint256 budget, uint256 units)
        internal
        returns (uint256 poolId, address node)
    {
        _registerWhitelisted(provider, units);
        node = _addValidatedNode(provider, "node", units);
        poolId = _activePool(rate, budget);
        _join(provider, poolId, node, 0);
    }

    /* ACCRUAL */

    function test_calculateRewards_oneNodeEarnsRateTimesUnitsTimesSeconds() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        uint256 joinedAt = vm.getBlockTimestamp();
        uint256 indexAtJoin = rewards.getPoolRewards(poolId).index;

        skip(100);

        assertEq(rewards.calculateRewards(poolId, node), 3 * 10 * 100, "3 x 10 units x 100 s");
        assertEq(_budget(poolId), BUDGET - 3000, "budget less accrued");
        IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, node);
        assertEq(record.provider, provider, "record provider");
        assertEq(record.computeUnits, 10, "record units");
        assertEq(record.joinedAt, joinedAt, "record joinedAt");
        assertEq(record.activeSeconds, 0, "no finished stay yet");
        assertEq(record.unclaimed, 3000, "record unclaimed");
        IRewardsDistributor.PoolRewards memory pool = rewards.getPoolRewards(poolId);
        assertEq(record.checkpoint, pool.index, "settled up to now");
        assertEq(pool.index - indexAtJoin, 300, "index grew by rate x seconds");
        assertEq(pool.totalCompute, 10, "pool compute");
        assertEq(pool.nodeCount, 1, "pool nodes");
        assertEq(pool.rate, 3, "pool rate");
        assertFalse(pool.ended, "pool not ended");
    }

    function test_calculateRewards_twoNodesWithDifferentUnitsJoiningAtDifferentTimes() public {
        _registerWhitelisted(provider, 10);
        _registerWhitelisted(provider2, 30);
        address nodeA = _addValidatedNode(provider, "nodeA", 10);
        address nodeB = _addValidatedNode(provider2, "nodeB", 30);
        uint256 poolId = _activePool(7, BUDGET);

        _join(provider, poolId, nodeA, 0);
        uint256 indexAtJoin = rewards.getPoolRewards(poolId).index;
        skip(50);
        _join(provider2, poolId, nodeB, 1);
        skip(100);

        assertEq(rewards.calculateRewards(poolId, nodeA), 7 * 10 * 150, "A: 10 units x 150 s");
        assertEq(rewards.calculateRewards(poolId, nodeB), 7 * 30 * 100, "B: 30 units x 100 s");
        assertEq(_budget(poolId), BUDGET - 10_500 - 21_000, "budget less both");
        IRewardsDistributor.PoolRewards memory pool = rewards.getPoolRewards(poolId);
        assertEq(pool.totalCompute, 40, "pool compute");
        assertEq(pool.nodeCount, 2, "pool nodes");
        assertEq(pool.index - indexAtJoin, 7 * 150, "index grew by rate x seconds");
    }

    function test_setRewardRate_accruesAtOldRateUpToTheChange() public {
        (uint256 poolId, address node) = _poolWithNode(2, BUDGET, 10);
        skip(100);
        vm.prank(creator);
        rewards.setRewardRate(poolId, 5);
        assertEq(rewards.calculateRewards(poolId, node), 2000, "old rate up to the change");
        skip(50);

        assertEq(rewards.calculateRewards(poolId, node), 10 * (2 * 100 + 5 * 50), "old then new rate");
    }

    function test_setRewardRate_zeroStopsAccrual() public {
        (uint256 poolId, address node) = _poolWithNode(2, BUDGET, 10);
        skip(10);
        vm.prank(creator);
        rewards.setRewardRate(poolId, 0);
        skip(1000);
        assertEq(rewards.calculateRewards(poolId, node), 200, "nothing at rate 0");
        assertEq(_budget(poolId), BUDGET - 200, "budget kept");
    }

    function test_endComputePool_stopsAccrualAndActiveSeconds() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        vm.prank(creator);
        pools.endComputePool(poolId);
        skip(1000);

        assertEq(rewards.calculateRewards(poolId, node), 3000, "frozen at the end");
        assertEq(_budget(poolId), BUDGET - 3000, "budget frozen");
        assertTrue(rewards.getPoolRewards(poolId).ended, "ended");

        _leave(provider, poolId, node);
        IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, node);
        assertEq(record.activeSeconds, 100, "active seconds stop at the end, not at the leave");
        assertEq(record.joinedAt, 0, "left");
        assertEq(record.unclaimed, 3000, "settled");
        assertEq(rewards.getPoolRewards(poolId).totalCompute, 0, "no compute left");
        assertEq(rewards.getPoolRewards(poolId).nodeCount, 0, "no nodes left");
    }

    function test_leaveComputePool_countsActiveSecondsAcrossStays() public {
        (uint256 poolId, address node) = _poolWithNode(1, BUDGET, 10);
        skip(40);
        _leave(provider, poolId, node);
        skip(500);
        _join(provider, poolId, node, 1);
        skip(60);
        _leave(provider, poolId, node);

        IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, node);
        assertEq(record.activeSeconds, 100, "40 + 60");
        assertEq(record.unclaimed, 10 * 100, "same provider keeps what it earned before");
    }

    function test_accrual_nothingWhileUnfundedAndNotRetroactive() public {
        (uint256 poolId, address node) = _poolWithNode(5, 0, 10);
        skip(100);
        assertEq(rewards.calculateRewards(poolId, node), 0, "unfunded");
        vm.prank(funder);
        rewards.fundPool(poolId, BUDGET);
        assertEq(rewards.calculateRewards(poolId, node), 0, "funding is not retroactive");
        skip(10);
        assertEq(rewards.calculateRewards(poolId, node), 500, "accrues after funding");
    }

    /* BUDGET CAP */

    function test_accrual_stopsForAllNodesWhenBudgetRunsOut() public {
        _registerWhitelisted(provider, 1);
        _registerWhitelisted(provider2, 2);
        address nodeA = _addValidatedNode(provider, "nodeA", 1);
        address nodeB = _addValidatedNode(provider2, "nodeB", 2);
        uint256 poolId = _activePool(10, 100);
        _joinMany(provider, poolId, _one(nodeA), 0);
        _joinMany(provider2, poolId, _one(nodeB), 1);

        // 30 per second: after 3 s 90 is accrued, 10 remains.
        skip(3);
        assertEq(rewards.calculateRewards(poolId, nodeA), 30, "A after 3 s");
        assertEq(rewards.calculateRewards(poolId, nodeB), 60, "B after 3 s");
        assertEq(_claim(provider, poolId, nodeA), 30, "A claims mid-way");

        // The last 10 cannot pay a full second: each unit gets floor(10 / 3) = 3, 1 stays as dust.
        skip(7);
        assertEq(rewards.calculateRewards(poolId, nodeA), 3, "A: its unit's share of the last partial second");
        assertEq(rewards.calculateRewards(poolId, nodeB), 66, "B: 60 + 2 units x 3");
        assertEq(_budget(poolId), 1, "dust stays in the budget");

        skip(1000);
        assertEq(rewards.calculateRewards(poolId, nodeA), 3, "A stopped");
        assertEq(rewards.calculateRewards(poolId, nodeB), 66, "B stopped at the same moment");
        assertEq(30 + 3 + 66 + _budget(poolId), 100, "funded == claimed + claimable + budget");

        vm.prank(funder);
        rewards.fundPool(poolId, 299);
        assertEq(_budget(poolId), 300, "dust + new funding");
        skip(5);
        assertEq(rewards.calculateRewards(poolId, nodeA), 3 + 50, "A resumes, not retroactively");
        assertEq(rewards.calculateRewards(poolId, nodeB), 66 + 100, "B resumes, not retroactively");
        assertEq(_budget(poolId), 150, "budget after resuming");
        assertEq(30 + 53 + 166 + _budget(poolId), 399, "funded == claimed + claimable + budget");
    }

    function test_accrual_lastPartialSecondSharedProRataWithoutCheckpoint() public {
        _registerWhitelisted(provider, 3);
        address nodeA = _addValidatedNode(provider, "nodeA", 1);
        address nodeB = _addValidatedNode(provider, "nodeB", 2);
        uint256 poolId = _activePool(10, 100);
        _joinMany(provider, poolId, _list(nodeA, nodeB), 0);

        skip(10);

        assertEq(rewards.calculateRewards(poolId, nodeA), 33, "A: floor(100 / 3) x 1");
        assertEq(rewards.calculateRewards(poolId, nodeB), 66, "B: floor(100 / 3) x 2");
        assertEq(_budget(poolId), 1, "dust");
        vm.prank(provider);
        assertEq(rewards.claimRewards(poolId, _list(nodeA, nodeB)), 99, "claimed all but the dust");
        assertEq(token.balanceOf(address(rewards)), 1, "only the dust stays");
    }

    function test_accrual_fundedEqualsClaimedPlusClaimablePlusBudget() public {
        _registerWhitelisted(provider, 4);
        _registerWhitelisted(provider2, 7);
        address nodeA = _addValidatedNode(provider, "nodeA", 4);
        address nodeB = _addValidatedNode(provider2, "nodeB", 7);
        uint256 poolId = _activePool(13, 10_000);
        uint256 funded = 10_000;
        uint256 claimed;

        _join(provider, poolId, nodeA, 0);
        skip(17);
        _join(provider2, poolId, nodeB, 1);
        skip(23);
        claimed += _claim(provider, poolId, nodeA);
        vm.prank(creator);
        rewards.setRewardRate(poolId, 29);
        skip(11);
        _leave(provider2, poolId, nodeB);
        vm.prank(funder);
        rewards.fundPool(poolId, 777);
        funded += 777;
        skip(1000);
        claimed += _claim(provider2, poolId, nodeB);
        claimed += _claim(provider, poolId, nodeA);

        assertEq(
            claimed + rewards.calculateRewards(poolId, nodeA) + rewards.calculateRewards(poolId, nodeB)
                + _budget(poolId),
            funded,
            "funded == claimed + claimable + budget"
        );
        assertEq(token.balanceOf(address(rewards)), funded - claimed, "distributor holds the rest");
        // A: 13 x 4 x 40 + 29 x 4 x 11 = 3356; B: 13 x 7 x 23 + 29 x 7 x 11 = 4326. After B left, A
        // alone drained the remaining 3095 in whole per-unit steps: floor(3095 / 4) x 4 = 3092, dust 3.
        assertEq(claimed, 3356 + 4326 + 3092, "everything accrued was claimed");
        assertEq(_budget(poolId), 3, "dust below one unit's share");
    }

    /* CLAIMS */

    function test_claimRewards_manyNodesInOneCall() public {
        _registerWhitelisted(provider, 6);
        address n1 = _addValidatedNode(provider, "n1", 1);
        address n2 = _addValidatedNode(provider, "n2", 2);
        address n3 = _addValidatedNode(provider, "n3", 3);
        uint256 poolId = _activePool(7, BUDGET);
        _joinMany(provider, poolId, _list(n1, n2, n3), 0);
        skip(10);

        uint256 before = token.balanceOf(provider);
        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.RewardsClaimed(poolId, n1, provider, 70, 0);
        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.RewardsClaimed(poolId, n2, provider, 140, 0);
        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.RewardsClaimed(poolId, n3, provider, 210, 0);
        vm.prank(provider);
        uint256 total = rewards.claimRewards(poolId, _list(n1, n2, n3));

        assertEq(total, 420, "total returned");
        assertEq(token.balanceOf(provider) - before, 420, "total paid to the provider");
        assertEq(token.balanceOf(address(rewards)), BUDGET - 420, "distributor balance");
        assertEq(rewards.calculateRewards(poolId, n2), 0, "nothing left to claim");
    }

    function test_claimRewards_revertsForNonProvider() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(10);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, node, provider2));
        _claim(provider2, poolId, node);
    }

    function test_claimRewards_revertsWhenOneNodeOfTheBatchIsForeign() public {
        _registerWhitelisted(provider, 1);
        _registerWhitelisted(provider2, 1);
        address mine = _addValidatedNode(provider, "mine", 1);
        address theirs = _addValidatedNode(provider2, "theirs", 1);
        uint256 poolId = _activePool(3, BUDGET);
        _join(provider, poolId, mine, 0);
        _join(provider2, poolId, theirs, 1);
        skip(10);

        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, theirs, provider));
        vm.prank(provider);
        rewards.claimRewards(poolId, _list(mine, theirs));
    }

    function test_claimRewards_revertsForNodeNeverInPool() public {
        (uint256 poolId,) = _poolWithNode(3, BUDGET, 10);
        address other = makeAddr("never-joined");
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, other, provider));
        _claim(provider, poolId, other);
    }

    function test_claimRewards_revertsOnEmptyBatch() public {
        (uint256 poolId,) = _poolWithNode(3, BUDGET, 10);
        vm.expectRevert(ICommonErrors.EmptyBatch.selector);
        vm.prank(provider);
        rewards.claimRewards(poolId, new address[](0));
    }

    function test_claimRewards_afterLeavingPaysTheSettledAmount() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        _leave(provider, poolId, node);
        skip(1000);

        assertEq(rewards.calculateRewards(poolId, node), 3000, "settled at the leave");
        uint256 before = token.balanceOf(provider);
        assertEq(_claim(provider, poolId, node), 3000, "claimed");
        assertEq(token.balanceOf(provider) - before, 3000, "paid");
    }

    function test_claimRewards_twiceSecondPaysZero() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        assertEq(_claim(provider, poolId, node), 3000, "first claim");
        uint256 before = token.balanceOf(provider);

        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.RewardsClaimed(poolId, node, provider, 0, 0);
        assertEq(_claim(provider, poolId, node), 0, "second claim pays nothing");
        assertEq(token.balanceOf(provider), before, "no transfer");
    }

    function test_claimRewards_worksWhilePaused() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        vm.prank(federator);
        network.pause();

        uint256 before = token.balanceOf(provider);
        assertEq(_claim(provider, poolId, node), 3000, "claimed while paused");
        assertEq(token.balanceOf(provider) - before, 3000, "paid while paused");
    }

    /* FORFEIT */

    function test_forfeitRewards_returnsUnclaimedToBudget() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);

        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.RewardsForfeited(poolId, node, 3000);
        vm.prank(validator);
        assertEq(rewards.forfeitRewards(poolId, node), 3000, "forfeited");

        assertEq(rewards.calculateRewards(poolId, node), 0, "nothing left");
        assertEq(_budget(poolId), BUDGET, "back in the budget");
        assertEq(token.balanceOf(address(rewards)), BUDGET, "tokens stayed");
        skip(10);
        assertEq(rewards.calculateRewards(poolId, node), 300, "accrues again from zero");
    }

    function test_forfeitRewards_revertsForNonValidator() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        address[3] memory callers = [stranger, provider, funder];
        for (uint256 i; i < callers.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(ICommonErrors.MissingRole.selector, Roles.VALIDATOR_ROLE, callers[i])
            );
            vm.prank(callers[i]);
            rewards.forfeitRewards(poolId, node);
        }
    }

    function test_forfeitRewards_revertsForThePoolsOwnCreatorAndManager() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.MissingRole.selector, Roles.VALIDATOR_ROLE, creator));
        vm.prank(creator);
        rewards.forfeitRewards(poolId, node);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.MissingRole.selector, Roles.VALIDATOR_ROLE, manager));
        vm.prank(manager);
        rewards.forfeitRewards(poolId, node);
        assertEq(rewards.calculateRewards(poolId, node), 3000, "rewards untouched");
    }

    function test_forfeitRewards_revertsForUnknownRecord() public {
        (uint256 poolId,) = _poolWithNode(3, BUDGET, 10);
        address other = makeAddr("never-joined");
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NodeNotInPool.selector, poolId, other));
        vm.prank(validator);
        rewards.forfeitRewards(poolId, other);
    }

    function test_forfeitRewards_afterLeaving() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        _leave(provider, poolId, node);
        vm.prank(validator);
        assertEq(rewards.forfeitRewards(poolId, node), 3000, "forfeited settled rewards");
        assertEq(_claim(provider, poolId, node), 0, "nothing to claim");
        assertEq(_budget(poolId), BUDGET, "budget restored");
    }

    /* WITHDRAW UNUSED BUDGET */

    function test_withdrawUnusedBudget_revertsBeforeTheEnd() public {
        (uint256 poolId,) = _poolWithNode(3, BUDGET, 10);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.PoolNotEnded.selector, poolId));
        vm.prank(creator);
        rewards.withdrawUnusedBudget(poolId);
    }

    function test_withdrawUnusedBudget_revertsWhenNothingIsLeft() public {
        uint256 poolId = _activePool(3, 0);
        vm.prank(creator);
        pools.endComputePool(poolId);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NoUnusedBudget.selector, poolId));
        vm.prank(creator);
        rewards.withdrawUnusedBudget(poolId);
    }

    function test_withdrawUnusedBudget_revertsWhenAlreadyWithdrawn() public {
        uint256 poolId = _activePool(3, BUDGET);
        vm.startPrank(creator);
        pools.endComputePool(poolId);
        rewards.withdrawUnusedBudget(poolId);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NoUnusedBudget.selector, poolId));
        rewards.withdrawUnusedBudget(poolId);
        vm.stopPrank();
    }

    function test_withdrawUnusedBudget_sendsExactlyTheUnaccruedBudgetToTheCreator() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        vm.prank(creator);
        pools.endComputePool(poolId);
        skip(100);

        uint256 before = token.balanceOf(creator);
        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.BudgetWithdrawn(poolId, creator, BUDGET - 3000);
        vm.prank(creator);
        assertEq(rewards.withdrawUnusedBudget(poolId), BUDGET - 3000, "returned amount");

        assertEq(token.balanceOf(creator) - before, BUDGET - 3000, "creator paid");
        assertEq(_budget(poolId), 0, "budget emptied");
        assertEq(token.balanceOf(address(rewards)), 3000, "accrued rewards stay for the node");
        assertEq(_claim(provider, poolId, node), 3000, "node still claims");
        assertEq(token.balanceOf(address(rewards)), 0, "nothing stuck");
    }

    function test_withdrawUnusedBudget_revertsForNonCreator() public {
        uint256 poolId = _activePool(3, BUDGET);
        vm.prank(creator);
        pools.endComputePool(poolId);
        address[3] memory callers = [manager, funder, stranger];
        for (uint256 i; i < callers.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotPoolCreator.selector, poolId, callers[i]));
            vm.prank(callers[i]);
            rewards.withdrawUnusedBudget(poolId);
        }
    }

    /* FUND */

    function test_fundPool_addsToBudgetAndEmits() public {
        uint256 poolId = _activePool(3, 0);
        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.PoolFunded(poolId, funder, 500, 500);
        vm.prank(funder);
        rewards.fundPool(poolId, 500);
        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.PoolFunded(poolId, creator, 250, 750);
        vm.prank(creator);
        rewards.fundPool(poolId, 250);

        assertEq(_budget(poolId), 750, "budget");
        assertEq(token.balanceOf(address(rewards)), 750, "distributor balance");
        assertEq(token.balanceOf(funder), INITIAL_BALANCE - 500, "funder paid");
    }

    function test_fundPool_worksWhilePending() public {
        uint256 poolId = _createPool(_createDomain(), 0);
        vm.prank(funder);
        rewards.fundPool(poolId, 500);
        assertEq(_budget(poolId), 500, "pending pools can be funded");
    }

    function test_fundPool_revertsOnZeroAmount() public {
        uint256 poolId = _activePool(3, 0);
        vm.expectRevert(ICommonErrors.ZeroAmount.selector);
        vm.prank(funder);
        rewards.fundPool(poolId, 0);
    }

    function test_fundPool_revertsForUnknownPool() public {
        vm.expectRevert(abi.encodeWithSelector(IComputePool.PoolNotFound.selector, 999));
        vm.prank(funder);
        rewards.fundPool(999, 1);
    }

    function test_fundPool_revertsAfterTheEnd() public {
        uint256 poolId = _activePool(3, BUDGET);
        vm.prank(creator);
        pools.endComputePool(poolId);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.PoolAlreadyEnded.selector, poolId));
        vm.prank(funder);
        rewards.fundPool(poolId, 1);
    }

    function test_fundPool_revertsWhenBudgetWouldExceedUint128() public {
        uint256 poolId = _activePool(3, 0);
        uint256 max = type(uint128).max;
        token.mint(funder, max);
        vm.prank(funder);
        rewards.fundPool(poolId, max - 5);

        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, 6, 5));
        vm.prank(funder);
        rewards.fundPool(poolId, 6);

        vm.prank(funder);
        rewards.fundPool(poolId, 5);
        assertEq(_budget(poolId), max, "filled to the brim");
    }

    /* RATE */

    function test_setRewardRate_emitsAndStores() public {
        uint256 poolId = _createPool(_createDomain(), 0);
        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.RewardRateSet(poolId, 42);
        vm.prank(creator);
        rewards.setRewardRate(poolId, 42);
        assertEq(rewards.getPoolRewards(poolId).rate, 42, "rate");
    }

    function test_setRewardRate_revertsForNonCreator() public {
        uint256 poolId = _activePool(3, 0);
        address[3] memory callers = [manager, validator, stranger];
        for (uint256 i; i < callers.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotPoolCreator.selector, poolId, callers[i]));
            vm.prank(callers[i]);
            rewards.setRewardRate(poolId, 1);
        }
    }

    function test_setRewardRate_revertsAboveUint128() public {
        uint256 poolId = _activePool(3, 0);
        uint256 tooLarge = uint256(type(uint128).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, tooLarge, type(uint128).max));
        vm.prank(creator);
        rewards.setRewardRate(poolId, tooLarge);
    }

    function test_setRewardRate_acceptsUint128Exactly() public {
        uint256 poolId = _activePool(3, 0);
        vm.prank(creator);
        rewards.setRewardRate(poolId, type(uint128).max);
        assertEq(rewards.getPoolRewards(poolId).rate, type(uint128).max, "the largest rate is stored");
    }

    /// @dev MAX_POOL_NODES real joins would take 16.7 million nodes; the pool's node count is
    /// written into its packed slot instead (index 128 bits, lastUpdate 32, totalCompute 56,
    /// nodeCount 24 from bit 216), then one more join must be refused and one fewer accepted.
    function test_onNodesJoined_revertsAboveThePoolNodeCap() public {
        _registerWhitelisted(provider, 2);
        address first = _addValidatedNode(provider, "first", 1);
        address second = _addValidatedNode(provider, "second", 1);
        uint256 poolId = _activePool(0, 0);
        _join(provider, poolId, first, 0);
        uint256 max = rewards.MAX_POOL_NODES();
        assertEq(max, type(uint24).max, "cap");

        bytes32 slot = keccak256(abi.encode(poolId, uint256(0)));
        uint256 word = uint256(vm.load(address(rewards), slot));
        assertEq((word >> 216) & type(uint24).max, 1, "the slot holds the node count where expected");
        word = (word & ~(uint256(type(uint24).max) << 216)) | (max << 216);
        vm.store(address(rewards), slot, bytes32(word));
        assertEq(rewards.getPoolRewards(poolId).nodeCount, max, "pool full");

        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, second, 1);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.TooManyPoolNodes.selector, poolId, max));
        vm.prank(provider);
        pools.joinComputePool(poolId, invites);

        word = (word & ~(uint256(type(uint24).max) << 216)) | ((max - 1) << 216);
        vm.store(address(rewards), slot, bytes32(word));
        _join(provider, poolId, second, 2);
        assertEq(rewards.getPoolRewards(poolId).nodeCount, max, "the last place taken");
    }

    /// @dev Review finding: with checkpoints narrowed to 120 bits, an index above 2^120 (a huge budget
    /// on few compute units) made every settlement revert and locked the node and its rewards. The
    /// checkpoint has the index's full 128 bits again; claims and leaves still work up there.
    function test_largeIndex_settlesClaimsAndLeaves() public {
        _registerWhitelisted(provider, 1);
        address node = _addValidatedNode(provider, "node", 1);
        uint256 poolId = _activePool(type(uint128).max, 0);
        _join(provider, poolId, node, 0);
        uint256 amount = uint256(1) << 121;
        token.mint(funder, amount);
        vm.prank(funder);
        rewards.fundPool(poolId, amount);
        skip(1);
        assertGt(rewards.getPoolRewards(poolId).index, uint256(1) << 120, "index above 2^120");
        assertEq(_claim(provider, poolId, node), amount, "the whole budget, claimed");
        _leave(provider, poolId, node);
        vm.prank(provider);
        network.removeComputeNode(node);
        assertEq(registry.getNode(node).provider, address(0), "node removed");
    }

    function test_setRewardRate_revertsAfterTheEnd() public {
        uint256 poolId = _activePool(3, 0);
        vm.startPrank(creator);
        pools.endComputePool(poolId);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.PoolAlreadyEnded.selector, poolId));
        rewards.setRewardRate(poolId, 1);
        vm.stopPrank();
    }

    function test_setRewardRate_revertsForUnknownPool() public {
        vm.expectRevert(abi.encodeWithSelector(IComputePool.PoolNotFound.selector, 999));
        vm.prank(creator);
        rewards.setRewardRate(999, 1);
    }

    /* RE-REGISTERED NODE KEYS */

    function test_onNodesJoined_paysPreviousProviderWhenKeyReturnsUnderAnotherProvider() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        _leave(provider, poolId, node);
        vm.prank(provider);
        network.removeComputeNode(node);

        (, uint256 nodePk) = _nodeKey("node");
        _registerWhitelisted(provider2, 4);
        _addNode(provider2, nodePk, 4);
        vm.prank(validator);
        network.validateNode(node);

        uint256 before = token.balanceOf(provider);
        vm.expectEmit(true, true, true, true, address(rewards));
        emit IRewardsDistributor.RewardsClaimed(poolId, node, provider, 3000, 0);
        _join(provider2, poolId, node, 1);

        assertEq(token.balanceOf(provider) - before, 3000, "previous provider paid");
        IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, node);
        assertEq(record.provider, provider2, "new provider");
        assertEq(record.computeUnits, 4, "new units");
        assertEq(record.unclaimed, 0, "new provider starts at zero");
        assertEq(record.activeSeconds, 0, "new provider's statistics start at zero");

        skip(10);
        assertEq(rewards.calculateRewards(poolId, node), 3 * 4 * 10, "new provider earns from its join");
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, node, provider));
        _claim(provider, poolId, node);
        assertEq(_claim(provider2, poolId, node), 120, "new provider claims its own");
    }

    function test_onNodesJoined_sameProviderRejoiningKeepsUnclaimed() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        skip(100);
        _leave(provider, poolId, node);
        uint256 before = token.balanceOf(provider);
        _join(provider, poolId, node, 1);
        assertEq(token.balanceOf(provider), before, "nothing paid on rejoin");
        skip(10);
        assertEq(rewards.calculateRewards(poolId, node), 3300, "kept + new");
        assertEq(rewards.getNodeRecord(poolId, node).activeSeconds, 100, "earlier stay still counted");
    }

    /* LEDGER ACCESS */

    function test_onNodesJoined_revertsForNonComputePool() public {
        uint32[] memory units = new uint32[](1);
        units[0] = 1;
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.CallerNotComputePool.selector, stranger));
        vm.prank(stranger);
        rewards.onNodesJoined(1, stranger, _one(stranger), units, 0);
    }

    function test_onNodeLeft_revertsForNonComputePool() public {
        (uint256 poolId, address node) = _poolWithNode(3, BUDGET, 10);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.CallerNotComputePool.selector, provider));
        vm.prank(provider);
        rewards.onNodeLeft(poolId, node);
    }

    function test_onPoolEnded_revertsForNonComputePool() public {
        uint256 poolId = _activePool(3, BUDGET);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.CallerNotComputePool.selector, creator));
        vm.prank(creator);
        rewards.onPoolEnded(poolId);
    }

    /* CONSTRUCTOR */

    function test_constructor_setsTokenPoolAndCoordinator() public view {
        assertEq(rewards.token(), address(token), "token");
        assertEq(rewards.computePool(), address(pools), "computePool");
        assertEq(rewards.primeNetwork(), address(network), "primeNetwork");
    }

    function test_constructor_revertsOnZeroAddresses() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("RewardsDistributor", abi.encode(address(network), address(0), address(pools)));
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("RewardsDistributor", abi.encode(address(network), address(token), address(0)));
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("RewardsDistributor", abi.encode(address(0), address(token), address(pools)));
    }
}
