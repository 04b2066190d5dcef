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

    function _assertBalanceMatchesLedger() internal view {
        assertEq(
            token.balanceOf(address(stakeManager)),
            stakeManager.activeStake(provider) + stakeManager.unbondingStake(provider),
            "StakeManager balance == active + unbonding"
        );
    }

    /* SLASH */

    /// @dev Two unbonds (the first possibly matured), then a slash: active stake goes first, then the
    /// unbonds oldest first; the treasury gets exactly that and the rest is still withdrawable.
    function testFuzz_slash_takesActiveThenUnbonds(
        uint256 stake,
        uint256 reclaim1,
        uint256 reclaim2,
        uint256 amount,
        uint256 gap
    ) public {
        stake = bound(stake, STAKE_MINIMUM + 2, INITIAL_BALANCE);
        _registerProvider(provider, stake);
        reclaim1 = bound(reclaim1, 1, stake - STAKE_MINIMUM - 1);
        uint64 unlock1 = _reclaim(reclaim1);
        skip(bound(gap, 0, 2 * UNBONDING_PERIOD));
        reclaim2 = bound(reclaim2, 1, stake - STAKE_MINIMUM - reclaim1);
        uint64 unlock2 = _reclaim(reclaim2);
        uint256 active = stake - reclaim1 - reclaim2;
        amount = bound(amount, 1, 2 * stake);

        uint256 fromActive = _min(active, amount);
        uint256 take1 = _min(reclaim1, amount - fromActive);
        uint256 take2 = _min(reclaim2, amount - fromActive - take1);

        vm.expectEmit(true, true, true, true, address(stakeManager));
        emit IStakeManager.Slashed(provider, fromActive, take1 + take2, treasury);
        vm.prank(validator);
        uint256 slashed = network.slash(provider, amount, _noEvictions());

        assertEq(slashed, fromActive + take1 + take2, "slashed amount");
        assertEq(slashed, _min(amount, stake), "never more than the provider had");
        assertEq(token.balanceOf(treasury), slashed, "treasury received the slash");
        assertEq(stakeManager.activeStake(provider), active - fromActive, "active after");
        uint256 left1 = reclaim1 - take1;
        uint256 left2 = reclaim2 - take2;
        assertEq(stakeManager.unbondingStake(provider), left1 + left2, "unbonding after");

        IStakeManager.Unbond[] memory list = stakeManager.pendingUnbonds(provider);
        assertEq(list.length, (left1 != 0 ? 1 : 0) + (left2 != 0 ? 1 : 0), "emptied entries removed");
        if (left1 != 0) {
            assertEq(list[0].amount, left1, "oldest entry");
            assertEq(list[0].unlockTime, unlock1, "oldest unlock");
        }
        if (left2 != 0) {
            assertEq(list[list.length - 1].amount, left2, "newest entry");
            assertEq(list[list.length - 1].unlockTime, unlock2, "newest unlock");
        }
        _assertBalanceMatchesLedger();

        vm.warp(unlock2);
        uint256 before = token.balanceOf(provider);
        if (left1 + left2 == 0) {
            vm.expectRevert(abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, provider));
            vm.prank(provider);
            network.withdraw();
        } else {
            vm.prank(provider);
            assertEq(network.withdraw(), left1 + left2, "withdraw returns what survived");
            assertEq(token.balanceOf(provider) - before, left1 + left2, "provider paid what survived");
        }
        _assertBalanceMatchesLedger();
    }

    function test_slash_takesActiveThenUnbonds_example() public {
        // Active 100e18 + 300e18 + 50e18 unbonding; slashing 420e18 takes all active, all of the
        // first (matured) unbond and 20e18 of the second.
        testFuzz_slash_takesActiveThenUnbonds(450e18, 300e18, 50e18, 420e18, 8 days);
    }

    function test_slash_takesActiveThenUnbonds_activeOnlyExample() public {
        testFuzz_slash_takesActiveThenUnbonds(1000e18, 100e18, 100e18, 10e18, 0);
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

    /// @dev Three unbonds, then an increase: it rebonds the newest unbonds first and pulls only the
    /// rest from the wallet.
    function testFuzz_rebond(uint256 stake, uint256 r1, uint256 r2, uint256 r3, uint256 increase) public {
        stake = bound(stake, STAKE_MINIMUM + 3, 100_000e18);
        _registerProvider(provider, stake);
        uint256 room = stake - STAKE_MINIMUM;
        uint256[3] memory left;
        left[0] = bound(r1, 1, room - 2);
        left[1] = bound(r2, 1, room - left[0] - 1);
        left[2] = bound(r3, 1, room - left[0] - left[1]);
        uint64[3] memory unlocks;
        for (uint256 i; i < 3; ++i) {
            unlocks[i] = _reclaim(left[i]);
            skip(1 days);
        }
        uint256 active = stake - left[0] - left[1] - left[2];
        increase = bound(increase, 1, 200_000e18);

        uint256 fromWallet = increase;
        for (uint256 i = 3; i != 0; --i) {
            uint256 take = _min(left[i - 1], fromWallet);
            left[i - 1] -= take;
            fromWallet -= take;
        }

        uint256 before = token.balanceOf(provider);
        vm.expectEmit(true, true, true, true, address(stakeManager));
        emit IStakeManager.Staked(provider, increase, increase - fromWallet, active + increase);
        vm.prank(provider);
        network.increaseStake(increase);

        assertEq(before - token.balanceOf(provider), fromWallet, "only the rest came from the wallet");
        assertEq(stakeManager.activeStake(provider), active + increase, "active after");
        assertEq(stakeManager.unbondingStake(provider), left[0] + left[1] + left[2], "unbonding after");
        IStakeManager.Unbond[] memory list = stakeManager.pendingUnbonds(provider);
        uint256 n;
        for (uint256 i; i < 3; ++i) {
            if (left[i] == 0) continue;
            assertEq(list[n].amount, left[i], "remaining entry amount");
            assertEq(list[n].unlockTime, unlocks[i], "remaining entry keeps its unlock time");
            ++n;
        }
        assertEq(list.length, n, "consumed entries removed");
        _assertBalanceMatchesLedger();
    }

    function test_rebond_example() public {
        // Unbonds 10e18, 20e18, 30e18; increasing by 45e18 rebonds 30e18 and 15e18 of the 20e18 one.
        testFuzz_rebond(1000e18, 10e18, 20e18, 30e18, 45e18);
    }

    function test_rebond_beyondUnbondsExample() public {
        testFuzz_rebond(1000e18, 10e18, 20e18, 30e18, 100e18);
    }
}
