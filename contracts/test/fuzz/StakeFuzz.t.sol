// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPrimeNetwork} from "../../src/interfaces/IPrimeNetwork.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Stake properties under random amounts and times: slashing order, the reclaim floor and
/// rebonding. Each is fuzzed here only; the unit tests hold the concrete cases.
contract StakeFuzzTest is BaseTest {
    /* HELPERS */

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }

    function _reclaim(uint256 amount) internal returns (uint64 unlockTime) {
        unlockTime = uint64(vm.getBlockTimestamp() + UNBONDING_PERIOD);
        vm.prank(provider);
        network.reclaimStake(amount);
    }

    /// @dev Up to MAX_PENDING_UNBONDS unbonds, each under its own unbonding period (so unlock times
    /// fall out of order) with random gaps: the list order is the order they were made.
    struct Unbonds {
        uint256 count;
        uint256[16] amounts;
        uint64[16] unlocks;
        uint64 lastUnlock;
    }

    function _unbondMany(uint256 stake, uint256 count, uint256 seed) internal returns (Unbonds memory u) {
        u.count = count;
        uint256 room = stake - STAKE_MINIMUM;
        for (uint256 i; i < count; ++i) {
            uint256 word = uint256(keccak256(abi.encode(seed, i)));
            // Leave at least 1 wei for each later entry.
            u.amounts[i] = bound(word, 1, room - (count - 1 - i));
            room -= u.amounts[i];
            uint256 period = bound(word >> 128, 1 hours, stakeManager.MAX_UNBONDING_PERIOD());
            vm.prank(federator);
            network.setUnbondingPeriod(period);
            u.unlocks[i] = uint64(vm.getBlockTimestamp() + period);
            if (u.unlocks[i] > u.lastUnlock) u.lastUnlock = u.unlocks[i];
            vm.prank(provider);
            network.reclaimStake(u.amounts[i]);
            skip(bound(word >> 64, 0, 2 days));
        }
    }

    /// @dev The pending list holds exactly the entries of `u` with something left, in order.
    function _assertPending(Unbonds memory u) internal view {
        IStakeManager.Unbond[] memory list = stakeManager.pendingUnbonds(provider);
        uint256 n;
        uint256 total;
        for (uint256 i; i < u.count; ++i) {
            if (u.amounts[i] == 0) continue;
            assertEq(list[n].amount, u.amounts[i], "remaining entry amount");
            assertEq(list[n].unlockTime, u.unlocks[i], "remaining entry keeps its unlock time");
            total += u.amounts[i];
            ++n;
        }
        assertEq(list.length, n, "emptied entries removed");
        assertEq(stakeManager.unbondingStake(provider), total, "unbonding == the entries left");
    }

    function _assertBalanceMatchesLedger() internal view {
        assertEq(
            token.balanceOf(address(stakeManager)),
            stakeManager.activeStake(provider) + stakeManager.unbondingStake(provider),
            "StakeManager balance == active + unbonding"
        );
    }

    /* SLASH */

    /// @dev Up to 16 unbonds under varying periods (some matured), then a slash: active stake goes
    /// first, then the unbonds oldest first; the treasury gets exactly that and whatever survived is
    /// withdrawable once the last unlock passes.
    function testFuzz_slash_takesActiveThenUnbonds(uint256 stake, uint256 count, uint256 seed, uint256 amount) public {
        count = bound(count, 1, stakeManager.MAX_PENDING_UNBONDS());
        stake = bound(stake, STAKE_MINIMUM + count, INITIAL_BALANCE);
        _registerProvider(provider, stake);
        Unbonds memory u = _unbondMany(stake, count, seed);
        uint256 active = stakeManager.activeStake(provider);
        amount = bound(amount, 1, 2 * stake);

        uint256 fromActive = _min(active, amount);
        uint256 rest = amount - fromActive;
        for (uint256 i; i < count; ++i) {
            uint256 take = _min(u.amounts[i], rest);
            u.amounts[i] -= take;
            rest -= take;
        }
        uint256 expected = amount - rest;

        vm.expectEmit(true, true, true, true, address(stakeManager));
        emit IStakeManager.Slashed(provider, fromActive, expected - fromActive, treasury);
        vm.prank(validator);
        uint256 slashed = network.slash(provider, amount, _noEvictions());

        assertEq(slashed, expected, "slashed amount");
        assertEq(slashed, _min(amount, stake), "never more than the provider had");
        assertEq(token.balanceOf(treasury), slashed, "treasury received the slash");
        assertEq(stakeManager.activeStake(provider), active - fromActive, "active after");
        _assertPending(u);
        _assertBalanceMatchesLedger();

        vm.warp(u.lastUnlock);
        uint256 survived = stakeManager.unbondingStake(provider);
        uint256 before = token.balanceOf(provider);
        if (survived == 0) {
            vm.expectRevert(abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, provider));
            vm.prank(provider);
            network.withdraw();
        } else {
            vm.prank(provider);
            assertEq(network.withdraw(), survived, "withdraw returns what survived");
            assertEq(token.balanceOf(provider) - before, survived, "provider paid what survived");
        }
        _assertBalanceMatchesLedger();
    }

    function test_slash_takesActiveThenUnbonds_example() public {
        testFuzz_slash_takesActiveThenUnbonds(450e18, 2, 7, 420e18);
    }

    function test_slash_takesActiveThenUnbonds_sixteenUnbondsExample() public {
        testFuzz_slash_takesActiveThenUnbonds(10_000e18, 16, 11, 9500e18);
    }

    function test_slash_takesActiveThenUnbonds_activeOnlyExample() public {
        testFuzz_slash_takesActiveThenUnbonds(1000e18, 2, 3, 1);
    }

    /* RECLAIM */

    function testFuzz_reclaimNeverBelowMinimum(uint256 units, uint256 extra, uint256 amount) public {
        units = bound(units, 1, 1000);
        extra = bound(extra, 0, 1000e18);
        uint256 required = STAKE_MINIMUM * (1 + units);
        uint256 stake = required + extra;
        _registerProvider(provider, stake);
        (, uint256 pk) = _nodeKey("node");
        _addNode(provider, pk, units);
        assertEq(network.minimumStakeFor(provider), required, "required stake");
        amount = bound(amount, 1, stake + 1000e18);

        if (amount > stake) {
            vm.expectRevert(
                abi.encodeWithSelector(IStakeManager.InsufficientActiveStake.selector, provider, amount, stake)
            );
        } else if (stake - amount < required) {
            vm.expectRevert(
                abi.encodeWithSelector(IPrimeNetwork.InsufficientStake.selector, provider, required, stake - amount)
            );
        }
        vm.prank(provider);
        network.reclaimStake(amount);

        uint256 active = stakeManager.activeStake(provider);
        assertGe(active, required, "never below the minimum");
        if (amount <= extra) {
            assertEq(active, stake - amount, "reclaimed");
            assertEq(stakeManager.unbondingStake(provider), amount, "unbonding");
        } else {
            assertEq(active, stake, "unchanged after the revert");
            assertEq(stakeManager.unbondingStake(provider), 0, "nothing unbonding");
        }
        _assertBalanceMatchesLedger();
    }

    function test_reclaimNeverBelowMinimum_example() public {
        testFuzz_reclaimNeverBelowMinimum(10, 50e18, 50e18);
    }

    function test_reclaimNeverBelowMinimum_belowMinimumExample() public {
        testFuzz_reclaimNeverBelowMinimum(10, 50e18, 50e18 + 1);
    }

    function test_reclaimNeverBelowMinimum_aboveActiveExample() public {
        testFuzz_reclaimNeverBelowMinimum(10, 0, 1100e18 + 1);
    }

    /* REBOND */

    /// @dev Up to 16 unbonds under varying periods, then an increase: it rebonds the newest unbonds
    /// first and pulls only the rest from the wallet; the entries left keep their unlock times.
    function testFuzz_rebond(uint256 stake, uint256 count, uint256 seed, uint256 increase) public {
        count = bound(count, 1, stakeManager.MAX_PENDING_UNBONDS());
        stake = bound(stake, STAKE_MINIMUM + count, 100_000e18);
        _registerProvider(provider, stake);
        Unbonds memory u = _unbondMany(stake, count, seed);
        uint256 active = stakeManager.activeStake(provider);
        increase = bound(increase, 1, 200_000e18);

        uint256 fromWallet = increase;
        for (uint256 i = count; i != 0; --i) {
            uint256 take = _min(u.amounts[i - 1], fromWallet);
            u.amounts[i - 1] -= take;
            fromWallet -= take;
        }

        uint256 before = token.balanceOf(provider);
        vm.expectEmit(true, true, true, true, address(stakeManager));
        emit IStakeManager.Staked(provider, increase, increase - fromWallet, active + increase);
        vm.prank(provider);
        network.increaseStake(increase);

        assertEq(before - token.balanceOf(provider), fromWallet, "only the rest came from the wallet");
        assertEq(stakeManager.activeStake(provider), active + increase, "active after");
        _assertPending(u);
        _assertBalanceMatchesLedger();
    }

    function test_rebond_example() public {
        testFuzz_rebond(1000e18, 3, 5, 45e18);
    }

    function test_rebond_sixteenUnbondsExample() public {
        testFuzz_rebond(10_000e18, 16, 9, 4000e18);
    }

    function test_rebond_beyondUnbondsExample() public {
        testFuzz_rebond(1000e18, 3, 5, 100_000e18);
    }
}
