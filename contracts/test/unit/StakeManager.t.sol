// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IPrimeNetworkModule} from "../../src/interfaces/IPrimeNetworkModule.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice StakeManager, driven through PrimeNetwork (its only caller) wherever a flow allows it.
contract StakeManagerTest is BaseTest {
    uint256 internal constant STAKE = 1000e18;

    /* HELPERS */

    function _reclaim(address provider_, uint256 amount) internal {
        vm.prank(provider_);
        network.reclaimStake(amount);
    }

    function _increase(address provider_, uint256 amount) internal {
        vm.prank(provider_);
        network.increaseStake(amount);
    }

    function _withdraw(address provider_) internal returns (uint256) {
        vm.prank(provider_);
        return network.withdraw();
    }

    function _slash(address provider_, uint256 amount) internal returns (uint256) {
        vm.prank(validator);
        return network.slash(provider_, amount, _noEvictions());
    }

    function _assertUnbond(address provider_, uint256 i, uint256 amount, uint256 unlockTime) internal view {
        IStakeManager.Unbond[] memory list = stakeManager.pendingUnbonds(provider_);
        assertGt(list.length, i, "unbond index out of range");
        assertEq(list[i].amount, amount, string.concat("unbond amount #", vm.toString(i)));
        assertEq(list[i].unlockTime, unlockTime, string.concat("unbond unlockTime #", vm.toString(i)));
    }

    function _assertStake(address provider_, uint256 active, uint256 unbonding, uint256 pendingCount) internal view {
        assertEq(stakeManager.activeStake(provider_), active, "activeStake");
        assertEq(stakeManager.unbondingStake(provider_), unbonding, "unbondingStake");
        assertEq(stakeManager.pendingUnbonds(provider_).length, pendingCount, "pendingUnbonds length");
    }

    /// @dev The StakeManager holds exactly what the two providers are owed.
    function _assertBacked() internal view {
        uint256 owed = stakeManager.activeStake(provider) + stakeManager.unbondingStake(provider)
            + stakeManager.activeStake(provider2) + stakeManager.unbondingStake(provider2);
        assertEq(token.balanceOf(address(stakeManager)), owed, "stakeManager balance == active + unbonding");
    }

    /// @dev Registers `provider` with STAKE and unbonds 100e18, 200e18, 300e18 one hour apart.
    /// @return t0 The time of the first unbond.
    function _threeUnbonds() internal returns (uint256 t0) {
        _registerProvider(provider, STAKE);
        t0 = vm.getBlockTimestamp();
        _reclaim(provider, 100e18);
        skip(1 hours);
        _reclaim(provider, 200e18);
        skip(1 hours);
        _reclaim(provider, 300e18);
    }

    /* CONSTRUCTOR */

    function test_constructor_setsParameters() public view {
        assertEq(stakeManager.primeNetwork(), address(network), "primeNetwork");
        assertEq(stakeManager.token(), address(token), "token");
        assertEq(stakeManager.treasury(), treasury, "treasury");
        assertEq(stakeManager.unbondingPeriod(), UNBONDING_PERIOD, "unbondingPeriod");
        assertEq(stakeManager.MAX_PENDING_UNBONDS(), 16, "MAX_PENDING_UNBONDS");
        assertEq(stakeManager.MAX_UNBONDING_PERIOD(), 365 days, "MAX_UNBONDING_PERIOD");
    }

    function test_constructor_emitsParameterEvents() public {
        address next = vm.computeCreateAddress(address(this), vm.getNonce(address(this)));
        vm.expectEmit(next);
        emit IStakeManager.TreasurySet(treasury);
        vm.expectEmit(next);
        emit IStakeManager.UnbondingPeriodSet(3 days);
        _deployArtifact("StakeManager", abi.encode(address(network), address(token), treasury, 3 days));
    }

    function test_constructor_revertsOnZeroPrimeNetwork() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("StakeManager", abi.encode(address(0), address(token), treasury, UNBONDING_PERIOD));
    }

    function test_constructor_revertsOnZeroToken() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("StakeManager", abi.encode(address(network), address(0), treasury, UNBONDING_PERIOD));
    }

    function test_constructor_revertsOnZeroTreasury() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("StakeManager", abi.encode(address(network), address(token), address(0), UNBONDING_PERIOD));
    }

    function test_constructor_revertsOnProtocolContractTreasury() public {
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.InvalidTreasury.selector, address(rewards)));
        _deployArtifact("StakeManager", abi.encode(address(network), address(token), address(rewards), 3 days));
    }

    function test_constructor_revertsOnTooLongPeriod() public {
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.UnbondingPeriodTooLong.selector, 365 days + 1, 365 days));
        _deployArtifact("StakeManager", abi.encode(address(network), address(token), treasury, 365 days + 1));
    }

    /* STAKE */

    function test_stake_pullsFromWallet() public {
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Staked(provider, STAKE, 0, STAKE);
        _registerProvider(provider, STAKE);

        _assertStake(provider, STAKE, 0, 0);
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - STAKE, "provider balance");
        assertEq(token.balanceOf(address(stakeManager)), STAKE, "stakeManager balance");
        _assertBacked();
    }

    function test_stake_increaseWithoutUnbondsPullsFromWallet() public {
        _registerProvider(provider, STAKE);
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Staked(provider, 250e18, 0, STAKE + 250e18);
        _increase(provider, 250e18);

        _assertStake(provider, STAKE + 250e18, 0, 0);
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - STAKE - 250e18, "provider balance");
        _assertBacked();
    }

    function test_stake_rebondsNewestUnbondsFirst() public {
        uint256 t0 = _threeUnbonds();
        _assertStake(provider, 400e18, 600e18, 3);

        // 300 (newest) entirely, then 50 of the 200; the oldest is untouched.
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Staked(provider, 350e18, 350e18, 750e18);
        _increase(provider, 350e18);

        _assertStake(provider, 750e18, 250e18, 2);
        _assertUnbond(provider, 0, 100e18, t0 + UNBONDING_PERIOD);
        _assertUnbond(provider, 1, 150e18, t0 + 1 hours + UNBONDING_PERIOD);
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - STAKE, "nothing pulled from the wallet");
        assertEq(token.balanceOf(address(stakeManager)), STAKE, "stakeManager balance");
        _assertBacked();
    }

    function test_stake_rebondExactlyTheNewestEntryRemovesIt() public {
        uint256 t0 = _threeUnbonds();

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Staked(provider, 300e18, 300e18, 700e18);
        _increase(provider, 300e18);

        _assertStake(provider, 700e18, 300e18, 2);
        _assertUnbond(provider, 0, 100e18, t0 + UNBONDING_PERIOD);
        _assertUnbond(provider, 1, 200e18, t0 + 1 hours + UNBONDING_PERIOD);
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - STAKE, "nothing pulled from the wallet");
        _assertBacked();
    }

    function test_stake_partialRebondOfNewest() public {
        uint256 t0 = _threeUnbonds();

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Staked(provider, 40e18, 40e18, 440e18);
        _increase(provider, 40e18);

        _assertStake(provider, 440e18, 560e18, 3);
        _assertUnbond(provider, 0, 100e18, t0 + UNBONDING_PERIOD);
        _assertUnbond(provider, 1, 200e18, t0 + 1 hours + UNBONDING_PERIOD);
        _assertUnbond(provider, 2, 260e18, t0 + 2 hours + UNBONDING_PERIOD);
        _assertBacked();
    }

    function test_stake_rebondsAllPendingThenPullsTheRest() public {
        _threeUnbonds();

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Staked(provider, 800e18, 600e18, 1200e18);
        _increase(provider, 800e18);

        _assertStake(provider, 1200e18, 0, 0);
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 1200e18, "only the remainder pulled");
        assertEq(token.balanceOf(address(stakeManager)), 1200e18, "stakeManager balance");
        _assertBacked();
    }

    function test_stake_rebondsMaturedUnwithdrawnUnbonds() public {
        _registerProvider(provider, STAKE);
        _reclaim(provider, 100e18);
        skip(UNBONDING_PERIOD);
        assertEq(stakeManager.withdrawableStake(provider), 100e18, "withdrawable before rebond");

        _increase(provider, 100e18);

        _assertStake(provider, STAKE, 0, 0);
        assertEq(stakeManager.withdrawableStake(provider), 0, "withdrawable after rebond");
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, provider));
        _withdraw(provider);
    }

    function test_stake_revertsOnZeroAmount() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(ICommonErrors.ZeroAmount.selector);
        _increase(provider, 0);
    }

    function test_stake_revertsAboveUint128() public {
        _registerProvider(provider, STAKE);
        uint256 room = type(uint128).max - STAKE;
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, room + 1, room));
        _increase(provider, room + 1);
    }

    /// @dev The boundary itself: active stake may fill 128 bits exactly, one more unit is refused.
    function test_stake_fillsUint128Exactly() public {
        _registerProvider(provider, STAKE);
        uint256 room = type(uint128).max - STAKE;
        token.mint(provider, room);
        _increase(provider, room);
        assertEq(stakeManager.activeStake(provider), type(uint128).max, "exactly full");
        assertEq(token.balanceOf(address(stakeManager)), type(uint128).max, "backed");
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, 1, 0));
        _increase(provider, 1);
    }

    function test_stake_revertsWithoutAllowance() public {
        _registerProvider(provider, STAKE);
        vm.prank(provider);
        token.approve(address(stakeManager), 10e18);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(stakeManager), 10e18, 11e18
            )
        );
        _increase(provider, 11e18);
    }

    function test_stake_rebondNeedsNoAllowance() public {
        _threeUnbonds();
        vm.prank(provider);
        token.approve(address(stakeManager), 0);
        _increase(provider, 600e18);
        _assertStake(provider, STAKE, 0, 0);
    }

    /* UNBOND */

    function test_unbond_movesActiveToPending() public {
        _registerProvider(provider, STAKE);
        uint256 unlock = vm.getBlockTimestamp() + UNBONDING_PERIOD;

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.UnbondStarted(provider, 300e18, uint64(unlock), 700e18);
        _reclaim(provider, 300e18);

        _assertStake(provider, 700e18, 300e18, 1);
        _assertUnbond(provider, 0, 300e18, unlock);
        assertEq(stakeManager.withdrawableStake(provider), 0, "withdrawable");
        assertEq(token.balanceOf(address(stakeManager)), STAKE, "tokens stay in the stakeManager");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - STAKE, "provider balance");
        _assertBacked();
    }

    function test_unbond_unlockTimeIsNowPlusCurrentPeriod() public {
        _registerProvider(provider, STAKE);
        vm.warp(1_700_000_000);
        vm.prank(federator);
        network.setUnbondingPeriod(2 days);
        _reclaim(provider, 1e18);
        _assertUnbond(provider, 0, 1e18, 1_700_000_000 + 2 days);
    }

    function test_unbond_zeroPeriodIsWithdrawableAtOnce() public {
        _registerProvider(provider, STAKE);
        vm.prank(federator);
        network.setUnbondingPeriod(0);
        _reclaim(provider, 5e18);
        assertEq(stakeManager.withdrawableStake(provider), 5e18, "withdrawable");
        assertEq(_withdraw(provider), 5e18, "withdrawn");
    }

    function test_unbond_revertsAboveActiveStake() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(
            abi.encodeWithSelector(IStakeManager.InsufficientActiveStake.selector, provider, STAKE + 1, STAKE)
        );
        _reclaim(provider, STAKE + 1);
    }

    function test_unbond_revertsOnZeroAmount() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(ICommonErrors.ZeroAmount.selector);
        _reclaim(provider, 0);
    }

    function test_unbond_revertsAtMaxPendingUnbonds() public {
        _registerProvider(provider, STAKE);
        uint256 max = stakeManager.MAX_PENDING_UNBONDS();
        for (uint256 i; i < max; ++i) {
            _reclaim(provider, 1e18);
        }
        _assertStake(provider, STAKE - max * 1e18, max * 1e18, max);

        vm.expectRevert(abi.encodeWithSelector(IStakeManager.TooManyPendingUnbonds.selector, provider, max));
        _reclaim(provider, 1e18);

        // Matured but not yet withdrawn entries still count.
        skip(UNBONDING_PERIOD);
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.TooManyPendingUnbonds.selector, provider, max));
        _reclaim(provider, 1e18);

        assertEq(_withdraw(provider), max * 1e18, "withdrawn");
        _reclaim(provider, 1e18);
        _assertStake(provider, STAKE - (max + 1) * 1e18, 1e18, 1);
    }

    function test_unbond_rebondFreesASlot() public {
        _registerProvider(provider, STAKE);
        uint256 max = stakeManager.MAX_PENDING_UNBONDS();
        for (uint256 i; i < max; ++i) {
            _reclaim(provider, 1e18);
        }
        _increase(provider, 1e18);
        _reclaim(provider, 2e18);
        _assertStake(provider, STAKE - (max + 1) * 1e18, (max + 1) * 1e18, max);
        _assertUnbond(provider, max - 1, 2e18, vm.getBlockTimestamp() + UNBONDING_PERIOD);
    }

    /* WITHDRAW */

    function test_withdraw_transfersOnlyMaturedUnbonds() public {
        _registerProvider(provider, STAKE);
        uint256 t0 = vm.getBlockTimestamp();
        _reclaim(provider, 100e18);
        skip(3 days);
        _reclaim(provider, 200e18);
        vm.warp(t0 + UNBONDING_PERIOD);
        assertEq(stakeManager.withdrawableStake(provider), 100e18, "withdrawable");

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Withdrawn(provider, 100e18);
        assertEq(_withdraw(provider), 100e18, "withdrawn");

        _assertStake(provider, 700e18, 200e18, 1);
        _assertUnbond(provider, 0, 200e18, t0 + 3 days + UNBONDING_PERIOD);
        assertEq(stakeManager.withdrawableStake(provider), 0, "withdrawable after");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - STAKE + 100e18, "provider balance");
        assertEq(token.balanceOf(address(stakeManager)), 900e18, "stakeManager balance");
        _assertBacked();
    }

    function test_withdraw_maturesExactlyAtUnlockTime() public {
        _registerProvider(provider, STAKE);
        uint256 unlock = vm.getBlockTimestamp() + UNBONDING_PERIOD;
        _reclaim(provider, 100e18);

        vm.warp(unlock - 1);
        assertEq(stakeManager.withdrawableStake(provider), 0, "withdrawable one second early");
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, provider));
        _withdraw(provider);

        vm.warp(unlock);
        assertEq(stakeManager.withdrawableStake(provider), 100e18, "withdrawable at unlock");
        assertEq(_withdraw(provider), 100e18, "withdrawn");
        _assertStake(provider, 900e18, 0, 0);
    }

    function test_withdraw_revertsWithNoUnbonds() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, provider));
        _withdraw(provider);
    }

    function test_withdraw_revertsForStranger() public {
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, stranger));
        _withdraw(stranger);
    }

    function test_withdraw_takesAllMaturedEntries() public {
        _threeUnbonds();
        skip(UNBONDING_PERIOD);
        assertEq(_withdraw(provider), 600e18, "withdrawn");
        _assertStake(provider, 400e18, 0, 0);
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 400e18, "provider balance");
        _assertBacked();
    }

    function test_withdraw_keepsOrderOfLockedEntriesWhenUnlockTimesAreOutOfOrder() public {
        _registerProvider(provider, STAKE);
        uint256 t0 = vm.getBlockTimestamp();
        uint256[5] memory periods = [uint256(7 days), 1 days, 10 days, 1 days, 3 days];
        for (uint256 i; i < periods.length; ++i) {
            vm.prank(federator);
            network.setUnbondingPeriod(periods[i]);
            _reclaim(provider, (i + 1) * 1e18);
        }
        // [1@7d, 2@1d, 3@10d, 4@1d, 5@3d]

        vm.warp(t0 + 1 days);
        assertEq(_withdraw(provider), 6e18, "day 1: entries 2 and 4");
        _assertStake(provider, STAKE - 15e18, 9e18, 3);
        _assertUnbond(provider, 0, 1e18, t0 + 7 days);
        _assertUnbond(provider, 1, 3e18, t0 + 10 days);
        _assertUnbond(provider, 2, 5e18, t0 + 3 days);

        vm.warp(t0 + 3 days);
        assertEq(_withdraw(provider), 5e18, "day 3: entry 5");
        _assertStake(provider, STAKE - 15e18, 4e18, 2);
        _assertUnbond(provider, 0, 1e18, t0 + 7 days);
        _assertUnbond(provider, 1, 3e18, t0 + 10 days);

        vm.warp(t0 + 7 days);
        assertEq(_withdraw(provider), 1e18, "day 7: entry 1");
        _assertStake(provider, STAKE - 15e18, 3e18, 1);
        _assertUnbond(provider, 0, 3e18, t0 + 10 days);

        vm.warp(t0 + 10 days);
        assertEq(_withdraw(provider), 3e18, "day 10: entry 3");
        _assertStake(provider, STAKE - 15e18, 0, 0);
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - STAKE + 15e18, "provider balance");
        _assertBacked();
    }

    function test_withdraw_worksWhilePaused() public {
        _registerProvider(provider, STAKE);
        _reclaim(provider, 100e18);
        skip(UNBONDING_PERIOD);
        vm.prank(federator);
        network.pause();
        assertEq(_withdraw(provider), 100e18, "withdrawn while paused");
    }

    function test_withdraw_onlyTouchesTheCallersUnbonds() public {
        _registerProvider(provider, STAKE);
        _registerProvider(provider2, STAKE);
        _reclaim(provider, 100e18);
        _reclaim(provider2, 200e18);
        skip(UNBONDING_PERIOD);
        assertEq(_withdraw(provider), 100e18, "provider withdrawn");
        _assertStake(provider2, 800e18, 200e18, 1);
        assertEq(token.balanceOf(provider2), INITIAL_BALANCE - STAKE, "provider2 balance");
        _assertBacked();
    }

    /* SLASH */

    function test_slash_takesFromActiveFirst() public {
        _threeUnbonds();

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Slashed(provider, 300e18, 0, treasury);
        assertEq(_slash(provider, 300e18), 300e18, "slashed");

        _assertStake(provider, 100e18, 600e18, 3);
        assertEq(token.balanceOf(treasury), 300e18, "treasury");
        assertEq(token.balanceOf(address(stakeManager)), 700e18, "stakeManager balance");
        _assertBacked();
    }

    function test_slash_thenTakesUnbondsOldestFirst() public {
        uint256 t0 = _threeUnbonds();

        // 400 active, then the 100 entry and 50 of the 200 entry.
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Slashed(provider, 400e18, 150e18, treasury);
        assertEq(_slash(provider, 550e18), 550e18, "slashed");

        _assertStake(provider, 0, 450e18, 2);
        _assertUnbond(provider, 0, 150e18, t0 + 1 hours + UNBONDING_PERIOD);
        _assertUnbond(provider, 1, 300e18, t0 + 2 hours + UNBONDING_PERIOD);
        assertEq(token.balanceOf(treasury), 550e18, "treasury");
        assertEq(token.balanceOf(address(stakeManager)), 450e18, "stakeManager balance");
        _assertBacked();
    }

    function test_slash_exactlyTheOldestEntryRemovesIt() public {
        uint256 t0 = _threeUnbonds();

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Slashed(provider, 400e18, 100e18, treasury);
        _slash(provider, 500e18);

        _assertStake(provider, 0, 500e18, 2);
        _assertUnbond(provider, 0, 200e18, t0 + 1 hours + UNBONDING_PERIOD);
        _assertUnbond(provider, 1, 300e18, t0 + 2 hours + UNBONDING_PERIOD);
        _assertBacked();
    }

    function test_slash_includesMaturedUnwithdrawnUnbonds() public {
        _registerProvider(provider, STAKE);
        uint256 t0 = vm.getBlockTimestamp();
        _reclaim(provider, 100e18);
        skip(UNBONDING_PERIOD + 1);
        _reclaim(provider, 200e18);
        assertEq(stakeManager.withdrawableStake(provider), 100e18, "matured before slash");

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Slashed(provider, 700e18, 60e18, treasury);
        assertEq(_slash(provider, 760e18), 760e18, "slashed");

        _assertStake(provider, 0, 240e18, 2);
        _assertUnbond(provider, 0, 40e18, t0 + UNBONDING_PERIOD);
        _assertUnbond(provider, 1, 200e18, t0 + 2 * UNBONDING_PERIOD + 1);
        assertEq(stakeManager.withdrawableStake(provider), 40e18, "matured after slash");
        assertEq(_withdraw(provider), 40e18, "withdrawn");
        _assertBacked();
    }

    function test_slash_skipsNoEntryWhenUnlockTimesAreOutOfOrder() public {
        _registerProvider(provider, STAKE);
        uint256 t0 = vm.getBlockTimestamp();
        _reclaim(provider, 100e18); // unlocks t0 + 7d
        vm.prank(federator);
        network.setUnbondingPeriod(1 days);
        _reclaim(provider, 200e18); // unlocks t0 + 1d
        vm.warp(t0 + 1 days);

        // Oldest (still locked) first, then the matured one.
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Slashed(provider, 700e18, 150e18, treasury);
        _slash(provider, 850e18);

        _assertStake(provider, 0, 150e18, 1);
        _assertUnbond(provider, 0, 150e18, t0 + 1 days);
        _assertBacked();
    }

    function test_slash_moreThanExistsTakesWhatExists() public {
        _threeUnbonds();

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Slashed(provider, 400e18, 600e18, treasury);
        assertEq(_slash(provider, 10 * STAKE), STAKE, "slashed the real amount");

        _assertStake(provider, 0, 0, 0);
        assertEq(stakeManager.withdrawableStake(provider), 0, "withdrawable");
        assertEq(token.balanceOf(treasury), STAKE, "treasury");
        assertEq(token.balanceOf(address(stakeManager)), 0, "stakeManager empty");
        _assertBacked();
    }

    function test_slash_providerWithNothingSlashesNothing() public {
        _registerProvider(provider, STAKE);
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Slashed(stranger, 0, 0, treasury);
        assertEq(_slash(stranger, 1e18), 0, "slashed");
        assertEq(token.balanceOf(treasury), 0, "treasury");
        assertEq(token.balanceOf(address(stakeManager)), STAKE, "stakeManager balance");
    }

    function test_slash_revertsOnZeroAmount() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(ICommonErrors.ZeroAmount.selector);
        _slash(provider, 0);
    }

    function test_slash_leavesOtherProvidersAlone() public {
        _registerProvider(provider, STAKE);
        _registerProvider(provider2, STAKE);
        _reclaim(provider2, 100e18);
        _slash(provider, 10 * STAKE);
        _assertStake(provider2, 900e18, 100e18, 1);
        assertEq(token.balanceOf(address(stakeManager)), STAKE, "provider2's stake stays");
        _assertBacked();
    }

    /* PARAMETERS */

    function test_setUnbondingPeriod_appliesToNewUnbondsOnly() public {
        _registerProvider(provider, STAKE);
        _reclaim(provider, 1e18);

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.UnbondingPeriodSet(1 days);
        vm.prank(federator);
        network.setUnbondingPeriod(1 days);
        assertEq(stakeManager.unbondingPeriod(), 1 days, "unbondingPeriod");

        _reclaim(provider, 2e18);
        _assertUnbond(provider, 0, 1e18, vm.getBlockTimestamp() + UNBONDING_PERIOD);
        _assertUnbond(provider, 1, 2e18, vm.getBlockTimestamp() + 1 days);
    }

    function test_setUnbondingPeriod_acceptsMaximumAndZero() public {
        vm.startPrank(federator);
        network.setUnbondingPeriod(365 days);
        assertEq(stakeManager.unbondingPeriod(), 365 days, "max");
        network.setUnbondingPeriod(0);
        assertEq(stakeManager.unbondingPeriod(), 0, "zero");
        vm.stopPrank();
    }

    function test_setUnbondingPeriod_revertsAboveMaximum() public {
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.UnbondingPeriodTooLong.selector, 365 days + 1, 365 days));
        vm.prank(federator);
        network.setUnbondingPeriod(365 days + 1);
        assertEq(stakeManager.unbondingPeriod(), UNBONDING_PERIOD, "unchanged");
    }

    function test_setTreasury_redirectsSlashes() public {
        address newTreasury = makeAddr("newTreasury");
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.TreasurySet(newTreasury);
        vm.prank(federator);
        network.setTreasury(newTreasury);
        assertEq(stakeManager.treasury(), newTreasury, "treasury");

        _registerProvider(provider, STAKE);
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Slashed(provider, 10e18, 0, newTreasury);
        _slash(provider, 10e18);
        assertEq(token.balanceOf(newTreasury), 10e18, "new treasury");
        assertEq(token.balanceOf(treasury), 0, "old treasury");
    }

    function test_setTreasury_revertsOnZeroAddress() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        vm.prank(federator);
        network.setTreasury(address(0));
        assertEq(stakeManager.treasury(), treasury, "unchanged");
    }

    /* ACCESS */

    function test_onlyPrimeNetwork_directCallsRevert() public {
        _registerProvider(provider, STAKE);
        _reclaim(provider, 100e18);
        skip(UNBONDING_PERIOD);

        bytes[6] memory calls = [
            abi.encodeCall(IStakeManager.stake, (provider, 1e18)),
            abi.encodeCall(IStakeManager.unbond, (provider, 1e18)),
            abi.encodeCall(IStakeManager.withdraw, (provider)),
            abi.encodeCall(IStakeManager.slash, (provider, 1e18)),
            abi.encodeCall(IStakeManager.setUnbondingPeriod, (1 days)),
            abi.encodeCall(IStakeManager.setTreasury, (stranger))
        ];
        address[6] memory callers = [stranger, provider, federator, validator, address(pools), address(rewards)];
        for (uint256 c; c < callers.length; ++c) {
            for (uint256 i; i < calls.length; ++i) {
                vm.prank(callers[c]);
                vm.expectRevert(
                    abi.encodeWithSelector(IPrimeNetworkModule.CallerNotPrimeNetwork.selector, callers[c]),
                    address(stakeManager)
                );
                (bool ok,) = address(stakeManager).call(calls[i]);
                assertTrue(ok, "expected revert");
            }
        }
        _assertStake(provider, 900e18, 100e18, 1);
        assertEq(stakeManager.treasury(), treasury, "treasury unchanged");
        assertEq(stakeManager.unbondingPeriod(), UNBONDING_PERIOD, "period unchanged");
    }
}
