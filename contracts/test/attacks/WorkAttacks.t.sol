// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {IWorkValidation} from "../../src/interfaces/IWorkValidation.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @dev Validation logic that does what the test arms it to: revert, report absurd units, or try to
/// re-enter the ComputePool while it is being consulted.
contract HostileValidation is IWorkValidation {
    enum Mode {
        REVERT,
        UNITS,
        REENTER
    }

    error Rejected(bytes data);

    Mode public mode;
    uint256 public units;
    IComputePool public pools;

    function arm(Mode mode_, uint256 units_, IComputePool pools_) external {
        (mode, units, pools) = (mode_, units_, pools_);
    }

    function validateWork(uint256, uint256 poolId, address, address nodeKey, bytes calldata data)
        external
        view
        returns (bytes32, uint256)
    {
        if (mode == Mode.REVERT) revert Rejected(data);
        if (mode == Mode.REENTER) {
            // A view function cannot call a state-changing one: the STATICCALL forbids it, so the
            // attempt fails and the submission with it.
            (bool ok,) = address(pools).staticcall(abi.encodeCall(IComputePool.submitWork, (poolId, nodeKey, data)));
            require(ok, "re-entry blocked");
        }
        return (keccak256(data), units);
    }
}

/// @notice The ways to cheat or break work rewards, each shown to do no harm.
contract WorkAttacksTest is BaseTest {
    uint256 internal constant WORK_RATE = 1e15;
    uint256 internal constant WINDOW = 1 days;

    uint256 internal poolId;
    address internal node;

    function setUp() public override {
        super.setUp();
        _registerWhitelisted(provider, 10);
        _registerWhitelisted(provider2, 10);
        node = _addValidatedNode(provider, "node", 10);
        poolId = _workPool(WORK_RATE, 100e18, WINDOW);
        _join(provider, poolId, node, 0);
    }

    /// @dev A pool in a domain run by the hostile logic, with `node` moved into it.
    function _hostilePool() internal returns (uint256 id, HostileValidation logic) {
        logic = new HostileValidation();
        vm.prank(federator);
        uint256 domainId = network.createDomain("hostile", address(logic), "");
        vm.startPrank(creator);
        id = pools.createComputePool(domainId, manager, "hostile", "", 0);
        rewards.setWorkRewardRate(id, WORK_RATE);
        pools.startComputePool(id);
        vm.stopPrank();
        vm.prank(funder);
        rewards.fundPool(id, 100e18);
        _leave(provider, poolId, node);
        _join(provider, id, node, 1);
    }

    function test_submitWork_forAnotherProvidersNodeIsRefused() public {
        bytes memory data = _workData(keccak256("stolen"), 10);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CallerNotNodeOrProvider.selector, node, provider2));
        vm.prank(provider2);
        pools.submitWork(poolId, node, data);
    }

    function test_submitWork_sameKeyInTwoPoolsIsPaidOnce() public {
        uint256 other = _workPool(WORK_RATE, 100e18, WINDOW);
        address node2 = _addValidatedNode(provider2, "node2", 10);
        _join(provider2, other, node2, 0);
        _submit(poolId, node, keccak256("shared-output"), 10);
        bytes memory data = _workData(keccak256("shared-output"), 10);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkKeyUsed.selector, keccak256("shared-output")));
        vm.prank(node2);
        pools.submitWork(other, node2, data);
    }

    /// @dev Review finding F1: a node copies another's key from the mempool and submits it first.
    /// The copy is caught and invalidated with a penalty; the key is then free for its owner.
    function test_submitWork_frontRunKeyIsFreedByInvalidation() public {
        address thief = _addValidatedNode(provider2, "thief", 10);
        _join(provider2, poolId, thief, 1);
        bytes memory data = _workData(keccak256("honest-output"), 10);
        vm.prank(thief);
        pools.submitWork(poolId, thief, data); // lands first
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkKeyUsed.selector, keccak256("honest-output")));
        vm.prank(node);
        pools.submitWork(poolId, node, data);

        uint256 stake = stakeManager.activeStake(provider2);
        vm.prank(validator);
        network.invalidateWork(keccak256("honest-output"), 50e18, false, _noEvictions());
        assertEq(stakeManager.activeStake(provider2), stake - 50e18, "the thief's provider pays");

        vm.prank(node);
        pools.submitWork(poolId, node, data);
        (IRewardsDistributor.Work memory work,) = rewards.getWork(keccak256("honest-output"));
        assertEq(work.nodeKey, node, "the key is the honest node's now");
        assertEq(uint8(work.status), uint8(IRewardsDistributor.WorkStatus.ACCEPTED), "accepted");
        vm.warp(vm.getBlockTimestamp() + 2 * WINDOW);
        assertEq(_claim(provider, poolId, node), 10 * WORK_RATE, "and paid");
        assertEq(_claim(provider2, poolId, thief), 0, "the thief is paid nothing");
    }

    function test_claimRewards_lockedWorkIsNotPaid() public {
        _submit(poolId, node, keccak256("fresh"), 10);
        skip(WINDOW - 1);
        uint256 before = token.balanceOf(provider);
        assertEq(_claim(provider, poolId, node), 0, "nothing while locked");
        assertEq(token.balanceOf(provider), before, "no tokens moved");
    }

    function test_budgetExhaustedBetweenSubmissionAndClaim_rewardStillPaid() public {
        vm.prank(creator);
        rewards.setRewardRate(poolId, 1e18);
        _submit(poolId, node, keccak256("early"), 10);
        // Time accrual drains what is left of the budget; the reserved work reward is not in it.
        vm.warp(vm.getBlockTimestamp() + 3 * WINDOW);
        assertEq(rewards.getPoolRewards(poolId).budget, 0, "budget drained by time");
        assertEq(_claim(provider, poolId, node), 100e18, "time took the budget, work its reservation: all funded");
        assertEq(token.balanceOf(address(rewards)), 0, "nothing promised beyond what was funded");
    }

    function test_validationLogicThatReverts_rejectsWithItsOwnError() public {
        (uint256 id, HostileValidation logic) = _hostilePool();
        logic.arm(HostileValidation.Mode.REVERT, 0, pools);
        bytes memory data = _workData(keccak256("k"), 1);
        vm.expectRevert(abi.encodeWithSelector(HostileValidation.Rejected.selector, data));
        vm.prank(node);
        pools.submitWork(id, node, data);
    }

    function test_validationLogicThatLies_cannotPayBeyondBoundsOrBudget() public {
        (uint256 id, HostileValidation logic) = _hostilePool();
        bytes memory data = _workData(keccak256("k"), 1);
        logic.arm(HostileValidation.Mode.UNITS, type(uint256).max, pools);
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InvalidWorkUnits.selector, type(uint256).max, type(uint32).max)
        );
        vm.prank(node);
        pools.submitWork(id, node, data);

        logic.arm(HostileValidation.Mode.UNITS, 0, pools);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.InvalidWorkUnits.selector, 0, type(uint32).max));
        vm.prank(node);
        pools.submitWork(id, node, data);

        // Within bounds but more than the budget covers: refused, nothing reserved.
        logic.arm(HostileValidation.Mode.UNITS, 1e6, pools);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.InsufficientBudget.selector, id, 1e21, 100e18));
        vm.prank(node);
        pools.submitWork(id, node, data);
        assertEq(rewards.getPoolRewards(id).budget, 100e18, "budget untouched");
    }

    function test_validationLogicThatReenters_isBlockedByTheStaticCall() public {
        (uint256 id, HostileValidation logic) = _hostilePool();
        logic.arm(HostileValidation.Mode.REENTER, 1, pools);
        bytes memory data = _workData(keccak256("k"), 1);
        vm.expectRevert(bytes("re-entry blocked"));
        vm.prank(node);
        pools.submitWork(id, node, data);
        assertEq(rewards.getPoolWork(id).workCount, 0, "nothing recorded");
    }

    function test_invalidation_afterTheWindowIsRefused() public {
        _submit(poolId, node, keccak256("k"), 10);
        vm.warp(vm.getBlockTimestamp() + 2 * WINDOW);
        (, uint256 unlockAt) = rewards.getWork(keccak256("k"));
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkFinal.selector, keccak256("k"), unlockAt));
        vm.prank(validator);
        network.invalidateWork(keccak256("k"), 1e18, false, _noEvictions());
        assertEq(_claim(provider, poolId, node), 10 * WORK_RATE, "final work is paid");
    }

    /// A pool refilled to the brim while a work's reward is reserved must still take that reward
    /// back on invalidation: funding is capped by what the distributor holds, reserved rewards
    /// included, so the returned reward fits the budget's uint128 exactly.
    function test_refillToTheBrim_cannotBlockInvalidation() public {
        _submit(poolId, node, keccak256("fraud"), 10);
        uint256 held = token.balanceOf(address(rewards));
        uint256 room = type(uint128).max - held;
        token.mint(funder, room + 1);
        vm.startPrank(funder);
        token.approve(address(rewards), room + 1);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, room + 1, room));
        rewards.fundPool(poolId, room + 1);
        rewards.fundPool(poolId, room);
        vm.stopPrank();

        vm.prank(validator);
        network.softInvalidateWork(keccak256("fraud"));
        assertEq(rewards.getPoolRewards(poolId).budget, type(uint128).max, "reward back, budget full");
        assertEq(token.balanceOf(address(rewards)), type(uint128).max, "every token held");
    }

    /// The same for time rewards a validator forfeits after a refill: accrued rewards left the
    /// budget but not the distributor, so they count against the room.
    function test_refillToTheBrim_cannotBlockForfeit() public {
        vm.prank(creator);
        rewards.setRewardRate(poolId, 1e15);
        skip(100);
        uint256 accrued = 100 * 10 * 1e15;
        uint256 budgetNow = 100e18 - accrued;
        uint256 room = type(uint128).max - token.balanceOf(address(rewards));
        uint256 brim = type(uint128).max - budgetNow;
        assertEq(brim - room, accrued, "the room leaves space for what was accrued");
        token.mint(funder, brim);
        vm.startPrank(funder);
        token.approve(address(rewards), brim);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, brim, room));
        rewards.fundPool(poolId, brim);
        rewards.fundPool(poolId, room);
        vm.stopPrank();

        vm.prank(validator);
        assertEq(rewards.forfeitRewards(poolId, node), accrued, "accrued time rewards forfeited");
        assertEq(rewards.getPoolRewards(poolId).budget, type(uint128).max, "back in the budget");
    }

    /// Tokens sent straight to the distributor (no pool's) can only close funding, never wrap it.
    function test_donationAboveTheCap_closesFundingCleanly() public {
        token.mint(address(rewards), type(uint128).max);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, 1, 0));
        vm.prank(funder);
        rewards.fundPool(poolId, 1);
    }
}
