// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {VmSafe} from "forge-std/Vm.sol";

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IComputeRegistry} from "../../src/interfaces/IComputeRegistry.sol";
import {IPrimeNetwork} from "../../src/interfaces/IPrimeNetwork.sol";
import {IPrimeNetworkModule} from "../../src/interfaces/IPrimeNetworkModule.sol";
import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {IWorkUnitsValidation} from "../../src/interfaces/IWorkUnitsValidation.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Work end to end: submission, the default validation logic, reserved and locked rewards,
/// claims after the window, hard and soft invalidation.
contract WorkTest is BaseTest {
    uint256 internal constant WORK_RATE = 1e15;
    uint256 internal constant BUDGET = 100e18;
    uint256 internal constant WINDOW = 1 days;

    uint256 internal poolId;
    address internal node;
    uint256 internal nodePk;

    /// @dev A funded work pool (1e15 per unit, 1-day window) with provider's 10-unit node in it.
    function setUp() public override {
        super.setUp();
        _registerWhitelisted(provider, 10);
        (, nodePk) = _nodeKey("node");
        node = _addNode(provider, nodePk, 10);
        vm.prank(validator);
        network.validateNode(node);
        poolId = _workPool(WORK_RATE, BUDGET, WINDOW);
        _join(provider, poolId, node, 0);
        vm.label(node, "node");
    }

    function _budget() internal view returns (uint256) {
        return rewards.getPoolRewards(poolId).budget;
    }

    function _nodeWork() internal view returns (uint256 locked, uint256 claimable, uint256 nextUnlock) {
        return rewards.getNodeWork(poolId, node);
    }

    /// @dev The node key, out of the pool, is removed by its provider and registered and validated
    /// again under provider2.
    function _keyMovesToProvider2() internal {
        vm.prank(provider);
        network.removeComputeNode(node);
        _registerWhitelisted(provider2, 10);
        _addNode(provider2, nodePk, 10);
        vm.prank(validator);
        network.validateNode(node);
    }

    /// @dev provider2 cannot join the key to the pool while the previous provider's work there is
    /// inside its window.
    function _expectRejoinRefused() internal {
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, node, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.PreviousProviderWorkLocked.selector, poolId, node, provider)
        );
        vm.prank(provider2);
        pools.joinComputePool(poolId, invites);
    }

    /// @dev When a work submitted now unlocks: the second window boundary from now.
    function _unlockOfNow() internal view returns (uint256) {
        return (vm.getBlockTimestamp() / WINDOW + 2) * WINDOW;
    }

    /* SUBMIT */

    function test_submitWork_recordsReservesAndLocks() public {
        bytes32 key = keccak256("output-1");
        uint256 unlockAt = _unlockOfNow();
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.WorkAccepted(node, key, poolId, provider, 7, 7 * WORK_RATE, unlockAt);
        vm.prank(node);
        (bytes32 workKey, uint256 units) = pools.submitWork(poolId, node, _workData(key, 7), ANY_RATE, ANY_WINDOW);

        assertEq(workKey, key, "key");
        assertEq(units, 7, "units");
        (IRewardsDistributor.Work memory work, address workProvider, uint256 workUnlock,) = rewards.getWork(node, key);
        assertEq(work.poolId, poolId, "record pool");
        assertEq(workProvider, provider, "record provider");
        assertEq(work.units, 7, "record units");
        assertEq(work.reward, 7 * WORK_RATE, "record reward");
        assertEq(work.submittedAt, vm.getBlockTimestamp(), "record time");
        assertEq(uint8(work.status), uint8(IRewardsDistributor.WorkStatus.ACCEPTED), "accepted");
        assertEq(workUnlock, unlockAt, "unlock");
        assertGe(unlockAt, vm.getBlockTimestamp() + WINDOW, "locked at least one window");

        assertEq(_budget(), BUDGET - 7 * WORK_RATE, "reserved from the budget");
        (uint256 locked, uint256 claimable, uint256 next) = _nodeWork();
        assertEq(locked, 7 * WORK_RATE, "locked");
        assertEq(claimable, 0, "nothing claimable yet");
        assertEq(next, unlockAt, "next unlock");
        IRewardsDistributor.PoolWork memory totals = rewards.getPoolWork(poolId);
        assertEq(totals.lockPeriod, WINDOW, "pool window");
        assertTrue(rewards.getPoolRewards(poolId).hasWork, "the pool has work");
    }

    function test_submitWork_byTheProviderToo() public {
        vm.prank(provider);
        pools.submitWork(poolId, node, _workData(keccak256("by-provider"), 1), ANY_RATE, ANY_WINDOW);
        (IRewardsDistributor.Work memory work,,,) = rewards.getWork(node, keccak256("by-provider"));
        assertEq(work.units, 1, "recorded for the node");
    }

    function test_submitWork_revertsForAnyoneElse() public {
        bytes memory data = _workData(keccak256("k"), 1);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CallerNotNodeOrProvider.selector, node, stranger));
        vm.prank(stranger);
        pools.submitWork(poolId, node, data, ANY_RATE, ANY_WINDOW);
    }

    function test_submitWork_revertsWhenThePoolIsNotActive() public {
        vm.prank(creator);
        pools.endComputePool(poolId);
        vm.expectRevert(
            abi.encodeWithSelector(IComputePool.InvalidPoolStatus.selector, poolId, IComputePool.PoolStatus.COMPLETED)
        );
        _submit(poolId, node, keccak256("k"), 1);
    }

    function test_submitWork_revertsWhenTheNodeIsNotInThePool() public {
        _leave(provider, poolId, node);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NodeNotInPool.selector, poolId, node));
        _submit(poolId, node, keccak256("k"), 1);
    }

    function test_submitWork_revertsWhenTheNodeIsNotEligible() public {
        vm.prank(validator);
        network.invalidateNode(node, _noEvictions());
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NodeNotValidated.selector, node));
        _submit(poolId, node, keccak256("k"), 1);

        vm.startPrank(validator);
        network.validateNode(node);
        network.blacklistProvider(provider, _noEvictions());
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ProviderNotWhitelisted.selector, provider));
        _submit(poolId, node, keccak256("k"), 1);

        vm.prank(validator);
        network.whitelistProvider(provider);
        vm.prank(validator);
        network.slash(provider, 1, _noEvictions());
        uint256 required = STAKE_MINIMUM * 11;
        vm.expectRevert(
            abi.encodeWithSelector(IPrimeNetwork.InsufficientStake.selector, provider, required, required - 1)
        );
        _submit(poolId, node, keccak256("k"), 1);

        vm.prank(provider);
        network.increaseStake(1);
        vm.prank(manager);
        pools.blacklistNodes(poolId, _one(node), false);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NodeBlacklisted.selector, poolId, node));
        _submit(poolId, node, keccak256("k"), 1);
    }

    function test_submitWork_revertsWhenBlacklistedProviderOrPaused() public {
        bytes memory data = _workData(keccak256("k"), 1);
        vm.prank(manager);
        pools.blacklistProviders(poolId, _one(provider), new address[](0));
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ProviderBlacklisted.selector, poolId, provider));
        _submit(poolId, node, keccak256("k"), 1);

        uint256 other = _workPool(WORK_RATE, BUDGET, WINDOW);
        _leave(provider, poolId, node);
        _join(provider, other, node, 0);
        vm.prank(federator);
        network.pause();
        vm.expectRevert(ICommonErrors.NetworkPaused.selector);
        vm.prank(node);
        pools.submitWork(other, node, data, ANY_RATE, ANY_WINDOW);
    }

    function test_submitWork_revertsWithoutValidationLogic() public {
        uint256 domainId = pools.getPool(poolId).domainId;
        vm.prank(federator);
        network.updateDomain(domainId, address(0), "");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NoValidationLogic.selector, domainId));
        _submit(poolId, node, keccak256("k"), 1);
    }

    function test_submitWork_revertsForAKeySeenBefore() public {
        _submit(poolId, node, keccak256("once"), 1);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkKeyUsed.selector, node, keccak256("once")));
        _submit(poolId, node, keccak256("once"), 1);
    }

    /// @dev Unlock times are stored in 32 bits: in the last window before 2106 a work whose unlock
    /// would not fit is refused, rather than locked until a wrapped (past) time.
    function test_submitWork_revertsWhenTheUnlockTimeDoesNotFit32Bits() public {
        uint256 late = type(uint32).max - 1 hours;
        vm.warp(late);
        uint256 unlockAt = (late / WINDOW + 2) * WINDOW;
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 32, unlockAt));
        _submit(poolId, node, keccak256("late"), 1);
    }

    function test_submitWork_revertsWhenTheBudgetCannotCoverIt() public {
        uint256 poor = _workPool(WORK_RATE, 5 * WORK_RATE, WINDOW);
        _leave(provider, poolId, node);
        _join(provider, poor, node, 0);
        _submit(poor, node, keccak256("a"), 5);
        bytes memory data = _workData(keccak256("b"), 1);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.InsufficientBudget.selector, poor, WORK_RATE, 0));
        vm.prank(node);
        pools.submitWork(poor, node, data, ANY_RATE, ANY_WINDOW);
    }

    /* THE DEFAULT VALIDATION LOGIC */

    function test_workUnitsValidation_rejectsBadData() public {
        uint256 domainId = pools.getPool(poolId).domainId;
        bytes memory short = abi.encodePacked(keccak256("k"));
        vm.expectRevert(abi.encodeWithSelector(IWorkUnitsValidation.InvalidWorkData.selector, 32));
        vm.prank(node);
        pools.submitWork(poolId, node, short, ANY_RATE, ANY_WINDOW);

        bytes memory zero = _workData(keccak256("k"), 0);
        vm.expectRevert(IWorkUnitsValidation.ZeroWorkUnits.selector);
        vm.prank(node);
        pools.submitWork(poolId, node, zero, ANY_RATE, ANY_WINDOW);

        bytes memory tooMany = _workData(keccak256("k"), 1001);
        vm.expectRevert(abi.encodeWithSelector(IWorkUnitsValidation.WorkUnitsAboveCap.selector, domainId, 1001, 1000));
        vm.prank(node);
        pools.submitWork(poolId, node, tooMany, ANY_RATE, ANY_WINDOW);
    }

    function test_workUnitsValidation_capIsTheFederators() public {
        uint256 domainId = pools.getPool(poolId).domainId;
        vm.expectRevert(
            abi.encodeWithSelector(ICommonErrors.MissingRole.selector, keccak256("FEDERATOR_ROLE"), creator)
        );
        vm.prank(creator);
        workValidation.setUnitsCap(domainId, 5);

        vm.expectEmit(address(workValidation));
        emit IWorkUnitsValidation.WorkUnitsCapSet(domainId, 5);
        vm.prank(federator);
        workValidation.setUnitsCap(domainId, 5);
        assertEq(workValidation.unitsCap(domainId), 5, "cap");

        uint256 max = type(uint32).max;
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, max + 1, max));
        vm.prank(federator);
        workValidation.setUnitsCap(domainId, max + 1);
    }

    /* LOCK AND CLAIM */

    function test_claimRewards_paysWorkOnlyAfterItsWindow() public {
        _submit(poolId, node, keccak256("a"), 10);
        uint256 unlockAt = _unlockOfNow();
        vm.warp(unlockAt - 1);
        assertEq(_claim(provider, poolId, node), 0, "locked: nothing to claim");
        (uint256 locked,,) = _nodeWork();
        assertEq(locked, 10 * WORK_RATE, "still locked");

        vm.warp(unlockAt);
        uint256 before = token.balanceOf(provider);
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.RewardsClaimed(poolId, node, provider, 0, 10 * WORK_RATE);
        assertEq(_claim(provider, poolId, node), 10 * WORK_RATE, "exactly the work reward");
        assertEq(token.balanceOf(provider) - before, 10 * WORK_RATE, "paid");
        (uint256 lockedAfter, uint256 claimable,) = _nodeWork();
        assertEq(lockedAfter + claimable, 0, "nothing left");
    }

    function test_claimRewards_timeAndWorkTogether() public {
        vm.prank(creator);
        rewards.setRewardRate(poolId, 2);
        _submit(poolId, node, keccak256("a"), 3);
        vm.warp(_unlockOfNow());
        uint256 seconds_ = vm.getBlockTimestamp() - rewards.getNodeRecord(poolId, node).joinedAt;
        uint256 timeRewards = 2 * 10 * seconds_;
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.RewardsClaimed(poolId, node, provider, timeRewards, 3 * WORK_RATE);
        assertEq(_claim(provider, poolId, node), timeRewards + 3 * WORK_RATE, "both");
    }

    /// @dev The gas of a claim after `count` works submitted an hour apart, all matured.
    function _claimCostAfter(uint256 count) internal returns (uint256 gasUsed, uint256 paid) {
        uint256 snapshot = vm.snapshotState();
        for (uint256 i; i < count; ++i) {
            _submit(poolId, node, keccak256(abi.encode("work", i)), 1);
            skip(1 hours);
        }
        vm.warp(vm.getBlockTimestamp() + 3 * WINDOW);
        vm.prank(provider);
        gasUsed = gasleft();
        paid = rewards.claimRewards(poolId, _one(node));
        gasUsed -= gasleft();
        vm.revertToState(snapshot);
    }

    /// @dev A claim after 40 works costs what a claim after 10 works costs.
    function test_claimRewards_costDoesNotGrowWithTheNumberOfWorks() public {
        (uint256 gasFew, uint256 paidFew) = _claimCostAfter(10);
        (uint256 gasMany, uint256 paidMany) = _claimCostAfter(40);
        assertEq(paidFew, 10 * WORK_RATE, "10 paid");
        assertEq(paidMany, 40 * WORK_RATE, "40 paid");
        // Coverage builds are unoptimized and instrumented: their gas says nothing about production.
        if (vm.isContext(VmSafe.ForgeContext.Coverage)) return;
        assertApproxEqAbs(gasMany, gasFew, 200, "40 works cost what 10 cost");
    }

    /* INVALIDATION */

    function test_invalidateWork_returnsExactlyThatRewardAndSlashes() public {
        _submit(poolId, node, keccak256("good"), 4);
        _submit(poolId, node, keccak256("bad"), 6);
        uint256 budget = _budget();
        uint256 stake = stakeManager.activeStake(provider);

        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.WorkInvalidated(node, keccak256("bad"), poolId, 6 * WORK_RATE, true);
        vm.prank(validator);
        assertEq(network.invalidateWork(node, keccak256("bad"), 5e18, false, _noEvictions()), 5e18, "penalty slashed");

        assertEq(_budget(), budget + 6 * WORK_RATE, "that work's reward is back in the budget");
        (uint256 locked,,) = _nodeWork();
        assertEq(locked, 4 * WORK_RATE, "the other work stays locked");
        assertEq(stakeManager.activeStake(provider), stake - 5e18, "stake slashed");
        assertEq(token.balanceOf(treasury), 5e18, "to the treasury, not the validator");
        assertEq(token.balanceOf(validator), 0, "validator paid nothing");
        (IRewardsDistributor.Work memory work,,,) = rewards.getWork(node, keccak256("bad"));
        assertEq(uint8(work.status), uint8(IRewardsDistributor.WorkStatus.INVALIDATED), "invalidated");
        assertTrue(registry.getNode(node).validated, "node stays validated without invalidateNode");
        assertTrue(registry.getNode(node).active, "and in its pool");

        vm.warp(_unlockOfNow());
        assertEq(_claim(provider, poolId, node), 4 * WORK_RATE, "only the good work is paid");
    }

    function test_invalidateWork_canInvalidateAndEjectTheNode() public {
        _submit(poolId, node, keccak256("bad"), 6);
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, node, address(network));
        vm.prank(validator);
        network.invalidateWork(node, keccak256("bad"), 0, true, _evicting(poolId, node));
        assertFalse(registry.getNode(node).validated, "node invalidated");
        assertFalse(registry.getNode(node).active, "node ejected");
        assertEq(token.balanceOf(treasury), 0, "no penalty asked");
    }

    /// @dev Review finding F4: the node had moved to another pool; the validator names that pool.
    function test_invalidateWork_evictsTheNodeWhereverItMoved() public {
        _submit(poolId, node, keccak256("bad"), 6);
        uint256 other = _activePool(1e12, BUDGET);
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(other, node, 7);
        vm.prank(provider);
        pools.moveComputeNodes(poolId, other, invites);

        vm.prank(validator);
        network.invalidateWork(node, keccak256("bad"), 0, true, _evicting(other, node));
        assertFalse(registry.getNode(node).validated, "invalidated");
        assertFalse(registry.getNode(node).active, "ejected from the pool it moved to");
        assertEq(rewards.getNodeRecord(other, node).joinedAt, 0, "no longer earning there");
    }

    /// @dev The key was removed and registered again by another provider: its node is not the one
    /// that did the work, so it is not invalidated (the penalty still reaches the right provider).
    function test_invalidateWork_sparesANodeKeyNowOwnedByAnotherProvider() public {
        _submit(poolId, node, keccak256("bad"), 6);
        _leave(provider, poolId, node);
        _keyMovesToProvider2();
        uint256 stake = stakeManager.activeStake(provider);

        vm.prank(validator);
        network.invalidateWork(node, keccak256("bad"), 1e18, true, _noEvictions());
        assertTrue(registry.getNode(node).validated, "the new owner's node stays valid");
        assertEq(stakeManager.activeStake(provider), stake - 1e18, "the submitting provider pays");
    }

    function test_softInvalidateWork_returnsTheRewardWithoutPenalty() public {
        _submit(poolId, node, keccak256("doubtful"), 6);
        uint256 budget = _budget();
        uint256 stake = stakeManager.activeStake(provider);
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.WorkInvalidated(node, keccak256("doubtful"), poolId, 6 * WORK_RATE, false);
        vm.prank(validator);
        network.softInvalidateWork(node, keccak256("doubtful"));
        assertEq(_budget(), budget + 6 * WORK_RATE, "back in the budget");
        assertEq(stakeManager.activeStake(provider), stake, "no penalty");
        (IRewardsDistributor.Work memory work,,,) = rewards.getWork(node, keccak256("doubtful"));
        assertEq(uint8(work.status), uint8(IRewardsDistributor.WorkStatus.SOFT_INVALIDATED), "soft");
    }

    function test_invalidateWork_onlyWhileLocked() public {
        _submit(poolId, node, keccak256("a"), 1);
        uint256 unlockAt = _unlockOfNow();
        vm.warp(unlockAt);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkFinal.selector, node, keccak256("a"), unlockAt));
        vm.prank(validator);
        network.invalidateWork(node, keccak256("a"), 1, false, _noEvictions());
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkFinal.selector, node, keccak256("a"), unlockAt));
        vm.prank(validator);
        network.softInvalidateWork(node, keccak256("a"));
    }

    function test_invalidateWork_revertsForUnknownOrInvalidatedWork() public {
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkNotFound.selector, node, keccak256("x")));
        vm.prank(validator);
        network.softInvalidateWork(node, keccak256("x"));

        _submit(poolId, node, keccak256("a"), 1);
        vm.prank(validator);
        network.softInvalidateWork(node, keccak256("a"));
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.WorkAlreadyInvalidated.selector, node, keccak256("a"))
        );
        vm.prank(validator);
        network.invalidateWork(node, keccak256("a"), 1, false, _noEvictions());
    }

    function test_invalidateWork_validatorOnly() public {
        _submit(poolId, node, keccak256("a"), 1);
        bytes memory missing =
            abi.encodeWithSelector(ICommonErrors.MissingRole.selector, keccak256("VALIDATOR_ROLE"), manager);
        vm.expectRevert(missing);
        vm.prank(manager);
        network.invalidateWork(node, keccak256("a"), 0, false, _noEvictions());
        vm.expectRevert(missing);
        vm.prank(manager);
        network.softInvalidateWork(node, keccak256("a"));
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetworkModule.CallerNotPrimeNetwork.selector, validator));
        vm.prank(validator);
        rewards.onWorkInvalidated(node, keccak256("a"), true, false);
    }

    /// @dev Review finding F3: with a window longer than the unbonding period, a provider submitted
    /// bad work, exited fully and withdrew before the validator acted, so the penalty found nothing.
    /// While its work is locked it can no longer take out its last stake.
    function test_reclaimStake_keepsTheMinimumWhileWorkIsLocked() public {
        uint256 longPool = _workPool(WORK_RATE, BUDGET, 30 days);
        _leave(provider, poolId, node);
        _join(provider, longPool, node, 1);
        _submit(longPool, node, keccak256("bogus"), 100);
        (,, uint256 unlockAt,) = rewards.getWork(node, keccak256("bogus"));
        assertEq(registry.getProvider(provider).workLockedUntil, unlockAt, "lock recorded");

        _leave(provider, longPool, node);
        vm.prank(provider);
        network.removeComputeNode(node);
        uint256 all = stakeManager.activeStake(provider);
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InsufficientStake.selector, provider, STAKE_MINIMUM, 0));
        vm.prank(provider);
        network.reclaimStake(all);
        // Everything above the minimum may go.
        vm.prank(provider);
        network.reclaimStake(all - STAKE_MINIMUM);

        vm.warp(vm.getBlockTimestamp() + UNBONDING_PERIOD);
        vm.prank(provider);
        network.withdraw();
        vm.prank(validator);
        assertEq(
            network.invalidateWork(node, keccak256("bogus"), 500e18, false, _noEvictions()),
            STAKE_MINIMUM,
            "the penalty finds the minimum"
        );

        // Once the work is final the provider may leave entirely.
        vm.warp(unlockAt);
        vm.prank(provider);
        network.increaseStake(1e18);
        vm.prank(provider);
        network.reclaimStake(1e18);
        assertEq(stakeManager.activeStake(provider), 0, "full exit after the lock");
    }

    /* PARAMETERS */

    function test_setWorkLockPeriod_boundsAndFixedByTheFirstWork() public {
        vm.prank(federator);
        network.setMinWorkLockPeriod(2 hours);
        uint256 fresh = _createPool(_workDomain(10), 0);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkLockPeriodTooShort.selector, 1 hours, 2 hours));
        vm.prank(creator);
        rewards.setWorkLockPeriod(fresh, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkLockPeriodTooLong.selector, 91 days, 90 days));
        vm.prank(creator);
        rewards.setWorkLockPeriod(fresh, 91 days);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotPoolCreator.selector, fresh, manager));
        vm.prank(manager);
        rewards.setWorkLockPeriod(fresh, 3 hours);

        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.WorkLockPeriodSet(poolId, 3 days);
        vm.prank(creator);
        rewards.setWorkLockPeriod(poolId, 3 days);
        _submit(poolId, node, keccak256("first"), 1);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkLockPeriodFixed.selector, poolId));
        vm.prank(creator);
        rewards.setWorkLockPeriod(poolId, 4 days);
    }

    /// @dev A pool whose creator never set a window gets the network minimum at its first work.
    function test_firstWork_raisesTheWindowToTheNetworkMinimum() public {
        vm.prank(federator);
        network.setMinWorkLockPeriod(6 hours);
        uint256 fresh = _createPool(_workDomain(10), 0);
        vm.startPrank(creator);
        pools.startComputePool(fresh);
        rewards.setWorkRewardRate(fresh, 1, NO_LOCK_LIMIT);
        vm.stopPrank();
        vm.prank(funder);
        rewards.fundPool(fresh, 1);
        _leave(provider, poolId, node);
        _join(provider, fresh, node, 0);
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.WorkLockPeriodSet(fresh, 6 hours);
        _submit(fresh, node, keccak256("first"), 1);
        assertEq(rewards.getPoolWork(fresh).lockPeriod, 6 hours, "raised to the minimum");
    }

    function test_setMinWorkLockPeriod_federatorOnlyAndBounded() public {
        vm.expectEmit(address(network));
        emit IPrimeNetwork.MinWorkLockPeriodSet(2 days);
        vm.prank(federator);
        network.setMinWorkLockPeriod(2 days);
        assertEq(network.minWorkLockPeriod(), 2 days, "minimum");
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.WorkLockPeriodTooLong.selector, 91 days, 90 days));
        vm.prank(federator);
        network.setMinWorkLockPeriod(91 days);
        vm.expectRevert(
            abi.encodeWithSelector(ICommonErrors.MissingRole.selector, keccak256("FEDERATOR_ROLE"), validator)
        );
        vm.prank(validator);
        network.setMinWorkLockPeriod(1);
    }

    function test_setWorkRewardRate_creatorOnlyAppliesToLaterWork() public {
        _submit(poolId, node, keccak256("old"), 1);
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.WorkRewardRateSet(poolId, 3 * WORK_RATE, NO_LOCK_LIMIT);
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, 3 * WORK_RATE, NO_LOCK_LIMIT);
        _submit(poolId, node, keccak256("new"), 1);
        (IRewardsDistributor.Work memory old,,,) = rewards.getWork(node, keccak256("old"));
        (IRewardsDistributor.Work memory later,,,) = rewards.getWork(node, keccak256("new"));
        assertEq(old.reward, WORK_RATE, "old rate kept");
        assertEq(later.reward, 3 * WORK_RATE, "new rate");

        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotPoolCreator.selector, poolId, manager));
        vm.prank(manager);
        rewards.setWorkRewardRate(poolId, 1, NO_LOCK_LIMIT);
        uint256 max = type(uint88).max;
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, max + 1, max));
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, max + 1, NO_LOCK_LIMIT);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, max + 1, max));
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, 1, max + 1);
        vm.prank(creator);
        pools.endComputePool(poolId);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.PoolAlreadyEnded.selector, poolId));
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, 1, NO_LOCK_LIMIT);
    }

    /* LEDGER */

    /// @dev funded == claimed + claimable + locked + budget, through submissions, invalidations and claims.
    function test_workLedger_conservesEveryToken() public {
        _submit(poolId, node, keccak256("a"), 10);
        _submit(poolId, node, keccak256("b"), 20);
        vm.prank(validator);
        network.softInvalidateWork(node, keccak256("b"));
        skip(WINDOW);
        _submit(poolId, node, keccak256("c"), 30);
        vm.warp(vm.getBlockTimestamp() + WINDOW);
        uint256 claimed = _claim(provider, poolId, node);
        (uint256 locked, uint256 claimable,) = _nodeWork();
        assertEq(claimed + claimable + locked + _budget(), BUDGET, "funded == claimed + claimable + locked + budget");
        assertEq(token.balanceOf(address(rewards)), claimable + locked + _budget(), "distributor holds the rest");
    }

    /// @dev A rejoin under another provider waits for the previous provider's locked work.
    function test_rejoinUnderAnotherProvider_waitsForLockedWork() public {
        _submit(poolId, node, keccak256("a"), 10);
        uint256 unlockAt = _unlockOfNow();
        _leave(provider, poolId, node);
        _keyMovesToProvider2();

        _expectRejoinRefused();

        vm.warp(unlockAt);
        uint256 before = token.balanceOf(provider);
        _join(provider2, poolId, node, 2);
        assertEq(token.balanceOf(provider) - before, 10 * WORK_RATE, "previous provider paid its work");
    }

    /* BUCKETS */

    /// @dev Works in consecutive windows fill both buckets; a matured bucket moves to claimable when
    /// the next work arrives, and invalidation takes from the right bucket.
    function test_buckets_matureIntoClaimableAndInvalidateFromTheRightOne() public {
        _submit(poolId, node, keccak256("a"), 1);
        uint256 unlockA = _unlockOfNow();
        skip(WINDOW);
        _submit(poolId, node, keccak256("b"), 2);
        uint256 unlockB = _unlockOfNow();
        assertEq(unlockB, unlockA + WINDOW, "the next window's bucket");
        (uint256 locked,, uint256 next) = _nodeWork();
        assertEq(locked, 3 * WORK_RATE, "both locked");
        assertEq(next, unlockA, "the earlier unlock first");

        vm.prank(validator);
        network.softInvalidateWork(node, keccak256("b"));
        (locked,,) = _nodeWork();
        assertEq(locked, WORK_RATE, "b's reward left its bucket, a's stays");

        vm.warp(unlockA);
        _submit(poolId, node, keccak256("c"), 4);
        (uint256 lockedNow, uint256 claimable,) = _nodeWork();
        assertEq(claimable, WORK_RATE, "a matured into claimable");
        assertEq(lockedNow, 4 * WORK_RATE, "c locked");

        vm.warp(vm.getBlockTimestamp() + 2 * WINDOW);
        assertEq(_claim(provider, poolId, node), 5 * WORK_RATE, "a and c, once each");
        (lockedNow, claimable,) = _nodeWork();
        assertEq(lockedNow + claimable, 0, "nothing left");
    }

    function test_work_withoutRateIsRecordedWithoutReward() public {
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, 0, NO_LOCK_LIMIT);
        _submit(poolId, node, keccak256("free"), 3);
        (IRewardsDistributor.Work memory work,,,) = rewards.getWork(node, keccak256("free"));
        assertEq(work.reward, 0, "no reward");
        assertEq(work.units, 3, "but recorded");
        (uint256 locked, uint256 claimable,) = _nodeWork();
        assertEq(locked + claimable, 0, "nothing locked");
    }

    function test_work_withoutWindowIsFinalAtOnce() public {
        uint256 instant = _workPool(WORK_RATE, BUDGET, 0);
        _leave(provider, poolId, node);
        _join(provider, instant, node, 1);
        _submit(instant, node, keccak256("now"), 2);
        (,, uint256 unlockAt,) = rewards.getWork(node, keccak256("now"));
        assertEq(unlockAt, vm.getBlockTimestamp(), "unlocked at once");
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.WorkFinal.selector, node, keccak256("now"), unlockAt)
        );
        vm.prank(validator);
        network.softInvalidateWork(node, keccak256("now"));
        assertEq(_claim(provider, instant, node), 2 * WORK_RATE, "claimable at once");
    }

    function test_work_rewardsAbove88BitsRevert() public {
        uint256 max = type(uint88).max;
        token.mint(funder, 2 * max);
        vm.prank(funder);
        rewards.fundPool(poolId, 2 * max);
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, max / 2 + 1, NO_LOCK_LIMIT);
        bytes memory twoUnits = _workData(keccak256("huge"), 2);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, 2 * (max / 2 + 1), max));
        vm.prank(node);
        pools.submitWork(poolId, node, twoUnits, ANY_RATE, ANY_WINDOW);

        // Each fits, their bucket would not: no per-node bound can exceed what a bucket holds.
        _submit(poolId, node, keccak256("big-1"), 1);
        bytes memory another = _workData(keccak256("big-2"), 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRewardsDistributor.NodeLockedWorkAboveLimit.selector, poolId, node, 2 * (max / 2 + 1), max
            )
        );
        vm.prank(node);
        pools.submitWork(poolId, node, another, ANY_RATE, ANY_WINDOW);
    }

    /* TERMS */

    function test_submitWork_acceptsTermsThatHoldExactly() public {
        vm.prank(node);
        pools.submitWork(poolId, node, _workData(keccak256("exact"), 1), WORK_RATE, WINDOW);
        bytes memory data = _workData(keccak256("one-more"), 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.WorkRateBelowTerms.selector, poolId, WORK_RATE, WORK_RATE + 1)
        );
        vm.prank(node);
        pools.submitWork(poolId, node, data, WORK_RATE + 1, WINDOW);
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.WorkLockPeriodAboveTerms.selector, poolId, WINDOW, WINDOW - 1)
        );
        vm.prank(node);
        pools.submitWork(poolId, node, data, WORK_RATE, WINDOW - 1);
    }

    /// @dev Before the first work, the window a pool reports (and a submission's terms meet) is the
    /// one the first work will fix: the creator's choice raised to the network's minimum.
    function test_getPoolWork_reportsTheWindowTheNextWorkGets() public {
        uint256 fresh = _createPool(_workDomain(10), 0);
        assertEq(rewards.getPoolWork(fresh).lockPeriod, 0, "no minimum, nothing chosen");
        vm.prank(federator);
        network.setMinWorkLockPeriod(6 hours);
        assertEq(rewards.getPoolWork(fresh).lockPeriod, 6 hours, "the minimum applies");
        vm.prank(creator);
        rewards.setWorkLockPeriod(fresh, 2 days);
        assertEq(rewards.getPoolWork(fresh).lockPeriod, 2 days, "the creator's longer choice");
    }

    /* BOUND ON LOCKED WORK */

    function test_lockBound_holdsExactlyAtTheBound() public {
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, WORK_RATE, 15 * WORK_RATE);
        _submit(poolId, node, keccak256("a"), 10);
        _submit(poolId, node, keccak256("b"), 5); // exactly at the bound
        bytes memory data = _workData(keccak256("c"), 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRewardsDistributor.NodeLockedWorkAboveLimit.selector, poolId, node, 16 * WORK_RATE, 15 * WORK_RATE
            )
        );
        vm.prank(node);
        pools.submitWork(poolId, node, data, ANY_RATE, ANY_WINDOW);
        // Once the first bucket matures, its rewards no longer count against the bound.
        vm.warp(_unlockOfNow());
        _submit(poolId, node, keccak256("c"), 15);
        (uint256 locked, uint256 claimable,) = _nodeWork();
        assertEq(locked, 15 * WORK_RATE, "the new work locked");
        assertEq(claimable, 15 * WORK_RATE, "the matured ones claimable");
    }

    function test_lockBound_doesNotBlockWorkWithoutReward() public {
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, 0, 0);
        _submit(poolId, node, keccak256("free"), 10);
        (IRewardsDistributor.Work memory work,,,) = rewards.getWork(node, keccak256("free"));
        assertEq(work.reward, 0, "recorded without reward");
    }

    /// @dev A hard invalidation that invalidates the node returns all of its locked rewards once: a
    /// later invalidation of one of them returns nothing more, and nothing is paid for them.
    function test_invalidateWork_withTheNode_returnsAllLockedOnce() public {
        _submit(poolId, node, keccak256("a"), 1);
        skip(WINDOW);
        _submit(poolId, node, keccak256("b"), 2); // the second bucket
        _submit(poolId, node, keccak256("c"), 4);
        uint256 budget = _budget();

        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.WorkInvalidated(node, keccak256("c"), poolId, 4 * WORK_RATE, true);
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.LockedWorkReturned(poolId, node, 3 * WORK_RATE);
        vm.prank(validator);
        network.invalidateWork(node, keccak256("c"), 0, true, _noEvictions());
        assertEq(_budget(), budget + 7 * WORK_RATE, "every locked reward back");
        (uint256 locked, uint256 claimable,) = _nodeWork();
        assertEq(locked + claimable, 0, "nothing left to pay");

        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.WorkInvalidated(node, keccak256("a"), poolId, 0, false);
        vm.prank(validator);
        network.softInvalidateWork(node, keccak256("a"));
        assertEq(_budget(), budget + 7 * WORK_RATE, "returned once, not twice");
        (,,, bool returnedB) = rewards.getWork(node, keccak256("b"));
        assertTrue(returnedB, "b's reward went back with the node's");

        // Validated again, the node's new work is locked and invalidated as usual.
        vm.prank(validator);
        network.validateNode(node);
        _submit(poolId, node, keccak256("d"), 8);
        vm.prank(validator);
        network.softInvalidateWork(node, keccak256("b"));
        (locked,,) = _nodeWork();
        assertEq(locked, 8 * WORK_RATE, "the swept work took nothing from the new bucket");
        vm.warp(vm.getBlockTimestamp() + 2 * WINDOW);
        assertEq(_claim(provider, poolId, node), 8 * WORK_RATE, "only the new work is paid");
        // Final now: the record still says which rewards went back, and which was paid.
        (,,, bool returnedA) = rewards.getWork(node, keccak256("a"));
        (,,, bool returnedD) = rewards.getWork(node, keccak256("d"));
        assertTrue(returnedA && returnedB, "a and b paid nothing");
        assertFalse(returnedD, "d was paid");
    }

    /// @dev Invalidating the node returns only what is still locked: a bucket that matured before
    /// is final and stays the node's to claim.
    function test_invalidateWork_withTheNode_leavesMaturedRewardsClaimable() public {
        _submit(poolId, node, keccak256("old"), 3);
        vm.warp(_unlockOfNow() - WINDOW); // "old" is one window from its unlock
        _submit(poolId, node, keccak256("new"), 5);
        vm.warp(vm.getBlockTimestamp() + WINDOW); // "old" matured, "new" still locked
        uint256 budget = _budget();
        vm.prank(validator);
        network.invalidateWork(node, keccak256("new"), 0, true, _noEvictions());
        assertEq(_budget(), budget + 5 * WORK_RATE, "only the locked reward goes back");
        (uint256 locked, uint256 claimable,) = _nodeWork();
        assertEq(locked, 0, "nothing locked");
        assertEq(claimable, 3 * WORK_RATE, "the matured reward stays claimable");
        (,,, bool returnedOld) = rewards.getWork(node, keccak256("old"));
        assertFalse(returnedOld, "the final work was not returned");
        assertEq(_claim(provider, poolId, node), 3 * WORK_RATE, "and is paid");
    }

    /// @dev A validator's forfeit takes the node's matured work rewards back too, not its locked ones.
    function test_forfeitRewards_takesMaturedWorkBackToTheBudget() public {
        _submit(poolId, node, keccak256("matured"), 3);
        vm.warp(_unlockOfNow());
        _submit(poolId, node, keccak256("locked"), 5);
        uint256 budget = _budget();
        vm.prank(validator);
        assertEq(rewards.forfeitRewards(poolId, node), 3 * WORK_RATE, "the matured work's reward");
        assertEq(_budget(), budget + 3 * WORK_RATE, "back in the budget");
        (uint256 locked, uint256 claimable,) = _nodeWork();
        assertEq(claimable, 0, "nothing left to claim");
        assertEq(locked, 5 * WORK_RATE, "locked work is invalidated work by work instead");
    }

    /* BUCKETS: RELEASED ONCE */

    /// @dev Claims after each of two buckets matures pay each bucket once.
    function test_buckets_claimTwiceAfterTheSecondMatures() public {
        _submit(poolId, node, keccak256("a"), 1);
        uint256 unlockA = _unlockOfNow();
        skip(WINDOW);
        _submit(poolId, node, keccak256("b"), 2);
        uint256 unlockB = _unlockOfNow();
        vm.warp(unlockA);
        assertEq(_claim(provider, poolId, node), WORK_RATE, "the first bucket");
        assertEq(_claim(provider, poolId, node), 0, "and not again");
        vm.warp(unlockB);
        assertEq(_claim(provider, poolId, node), 2 * WORK_RATE, "the second bucket");
        assertEq(_claim(provider, poolId, node), 0, "and not again");
    }

    /// @dev claim -> a later bucket matures (released by a new work, not by a claim) -> claim.
    function test_buckets_claimThenReleaseThenClaim() public {
        _submit(poolId, node, keccak256("a"), 1);
        uint256 unlockA = _unlockOfNow();
        skip(WINDOW);
        _submit(poolId, node, keccak256("b"), 2);
        uint256 unlockB = _unlockOfNow();
        vm.warp(unlockA);
        assertEq(_claim(provider, poolId, node), WORK_RATE, "a");
        vm.warp(unlockB);
        _submit(poolId, node, keccak256("c"), 4); // releases b into claimable
        (uint256 locked, uint256 claimable,) = _nodeWork();
        assertEq(claimable, 2 * WORK_RATE, "b released");
        assertEq(locked, 4 * WORK_RATE, "c locked");
        assertEq(_claim(provider, poolId, node), 2 * WORK_RATE, "b, once");
        assertEq(_claim(provider, poolId, node), 0, "nothing twice");
    }

    /// @dev A bucket released by a new work (into the claimable balance), claimed, then another
    /// released the same way and claimed: the second claim pays only the second bucket, so a claim
    /// must forget what it paid of the claimable balance.
    function test_buckets_releasedByWorkClaimedThenReleasedAgain() public {
        _submit(poolId, node, keccak256("a"), 1);
        vm.warp(_unlockOfNow());
        _submit(poolId, node, keccak256("b"), 2); // releases a into the claimable balance
        assertEq(_claim(provider, poolId, node), WORK_RATE, "a");
        vm.warp(_unlockOfNow());
        _submit(poolId, node, keccak256("c"), 4); // releases b the same way
        (, uint256 claimable,) = _nodeWork();
        assertEq(claimable, 2 * WORK_RATE, "only b is claimable");
        assertEq(_claim(provider, poolId, node), 2 * WORK_RATE, "b, and not a again");
    }

    /// @dev Two buckets mature with no claim in between: one claim pays both, once.
    function test_buckets_twoReleasedWithoutAClaimBetween() public {
        _submit(poolId, node, keccak256("a"), 1);
        skip(WINDOW);
        _submit(poolId, node, keccak256("b"), 2);
        uint256 unlockB = _unlockOfNow();
        vm.warp(unlockB + WINDOW);
        _submit(poolId, node, keccak256("c"), 4); // releases both into claimable
        assertEq(_claim(provider, poolId, node), 3 * WORK_RATE, "a and b together");
        vm.warp(vm.getBlockTimestamp() + 2 * WINDOW);
        assertEq(_claim(provider, poolId, node), 4 * WORK_RATE, "then c");
        (uint256 locked, uint256 claimable,) = _nodeWork();
        assertEq(locked + claimable, 0, "nothing left");
    }

    /// @dev Finding 9: a node key that rejoins under a new provider pays the previous one its time
    /// and its matured work, each reported as what it is; the previous provider's second bucket,
    /// still locked, keeps the key out until it matures.
    function test_rejoinUnderAnotherProvider_reportsWorkAsWorkAndWaitsForTheSecondBucket() public {
        vm.prank(creator);
        rewards.setRewardRate(poolId, 1);
        _submit(poolId, node, keccak256("a"), 1);
        uint256 unlockA = _unlockOfNow();
        skip(WINDOW);
        _submit(poolId, node, keccak256("b"), 2);
        uint256 unlockB = _unlockOfNow();
        _leave(provider, poolId, node);
        uint256 timeOwed = rewards.calculateRewards(poolId, node);
        _keyMovesToProvider2();

        vm.warp(unlockA); // the first bucket matured, the second is still locked
        _expectRejoinRefused();

        vm.warp(unlockB);
        uint256 before = token.balanceOf(provider);
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.RewardsClaimed(poolId, node, provider, timeOwed, 3 * WORK_RATE);
        _join(provider2, poolId, node, 2);
        assertEq(token.balanceOf(provider) - before, timeOwed + 3 * WORK_RATE, "time and both buckets, once");
    }

    /// @dev A zero-reward work is inside its window too: the key waits for it, since its provider
    /// is the one an invalidation would slash.
    function test_rejoinUnderAnotherProvider_waitsForWorkWithoutReward() public {
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, 0, 0);
        _submit(poolId, node, keccak256("free"), 1);
        uint256 unlockAt = _unlockOfNow();
        _leave(provider, poolId, node);
        _keyMovesToProvider2();
        _expectRejoinRefused();

        uint256 stake = stakeManager.activeStake(provider);
        vm.prank(validator);
        network.invalidateWork(node, keccak256("free"), 1e18, false, _noEvictions());
        assertEq(stakeManager.activeStake(provider), stake - 1e18, "the submitting provider pays");
        vm.warp(unlockAt);
        _join(provider2, poolId, node, 2);
    }

    /* EXACT BOUNDARIES */

    function test_boundaries_longestWindowAndLargestUnits() public {
        uint256 fresh = _createPool(_workDomain(10), 0);
        vm.prank(creator);
        rewards.setWorkLockPeriod(fresh, 90 days);
        assertEq(rewards.getPoolWork(fresh).lockPeriod, 90 days, "the longest window, exactly");
        vm.prank(federator);
        network.setMinWorkLockPeriod(90 days);
        assertEq(network.minWorkLockPeriod(), 90 days, "the longest minimum, exactly");

        uint256 domainId = pools.getPool(poolId).domainId;
        uint256 max = type(uint32).max;
        vm.prank(federator);
        workValidation.setUnitsCap(domainId, max); // the largest cap, exactly
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, 1, NO_LOCK_LIMIT);
        _submit(poolId, node, keccak256("largest"), max);
        (IRewardsDistributor.Work memory work,,,) = rewards.getWork(node, keccak256("largest"));
        assertEq(work.units, max, "the largest unit count, exactly");
        assertEq(work.reward, max, "paid per unit");
    }

    function test_boundaries_unitsAtTheDomainCapExactly() public {
        _submit(poolId, node, keccak256("at-cap"), 1000);
        (IRewardsDistributor.Work memory work,,,) = rewards.getWork(node, keccak256("at-cap"));
        assertEq(work.units, 1000, "the cap itself is accepted");
    }

    function test_boundaries_overLongWorkDataIsRejected() public {
        bytes memory long = abi.encodePacked(_workData(keccak256("k"), 1), uint8(0));
        vm.expectRevert(abi.encodeWithSelector(IWorkUnitsValidation.InvalidWorkData.selector, 65));
        vm.prank(node);
        pools.submitWork(poolId, node, long, ANY_RATE, ANY_WINDOW);
    }

    /* LOCKS ACROSS POOLS AND MINIMUMS */

    /// @dev A later work in a pool with a shorter window never shortens the provider's lock.
    function test_workLock_aLaterShorterWorkNeverShortensIt() public {
        uint256 longPool = _workPool(WORK_RATE, BUDGET, 30 days);
        _leave(provider, poolId, node);
        _join(provider, longPool, node, 1);
        _submit(longPool, node, keccak256("long"), 1);
        (,, uint256 longUnlock,) = rewards.getWork(node, keccak256("long"));
        _leave(provider, longPool, node);
        _join(provider, poolId, node, 2);
        _submit(poolId, node, keccak256("short"), 1);
        (,, uint256 shortUnlock,) = rewards.getWork(node, keccak256("short"));
        assertLt(shortUnlock, longUnlock, "the later work unlocks first");
        assertEq(registry.getProvider(provider).workLockedUntil, longUnlock, "the lock stays the longest");
    }

    /// @dev The network minimum raised after a pool has work does not move the pool's window, and no
    /// window event is emitted by a first work whose window did not change.
    function test_networkMinimumRaisedAfterWork_leavesThePoolsWindow() public {
        vm.recordLogs();
        _submit(poolId, node, keccak256("first"), 1);
        VmSafe.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            assertTrue(
                logs[i].topics[0] != IRewardsDistributor.WorkLockPeriodSet.selector, "no event for an unchanged window"
            );
        }
        vm.prank(federator);
        network.setMinWorkLockPeriod(10 days);
        _submit(poolId, node, keccak256("second"), 1);
        assertEq(rewards.getPoolWork(poolId).lockPeriod, WINDOW, "the pool keeps its window");
        (,, uint256 unlockAt,) = rewards.getWork(node, keccak256("second"));
        assertEq(unlockAt, _unlockOfNow(), "and its works unlock on it");
    }
}
