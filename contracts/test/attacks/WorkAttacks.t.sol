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
        REENTER,
        ECHO
    }

    error Rejected(bytes data);

    Mode public mode;
    uint256 public units;
    IComputePool public pools;

    function arm(Mode mode_, uint256 units_, IComputePool pools_) external {
        (mode, units, pools) = (mode_, units_, pools_);
    }

    function validateWork(uint256 domainId, uint256 poolId, address provider, address nodeKey, bytes calldata data)
        external
        view
        returns (bytes32, uint256)
    {
        if (mode == Mode.REVERT) revert Rejected(data);
        // A key that depends on every argument in its place, so a swap shows.
        if (mode == Mode.ECHO) return (keccak256(abi.encode(domainId, poolId, provider, nodeKey, data)), units);
        if (mode == Mode.REENTER) {
            // A view function cannot call a state-changing one: the STATICCALL forbids it, so the
            // attempt fails and the submission with it.
            (bool ok,) = address(pools)
                .staticcall(abi.encodeCall(IComputePool.submitWork, (poolId, nodeKey, data, 0, type(uint256).max)));
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
        rewards.setWorkRewardRate(id, WORK_RATE, NO_LOCK_LIMIT);
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
        pools.submitWork(poolId, node, data, ANY_RATE, ANY_WINDOW);
    }

    /// @dev The same node's work is paid once, whichever pool it is submitted in.
    function test_submitWork_sameNodeSameKeyInTwoPoolsIsPaidOnce() public {
        _submit(poolId, node, keccak256("shared-output"), 10);
        uint256 other = _workPool(WORK_RATE, 100e18, WINDOW);
        _leave(provider, poolId, node);
        _join(provider, other, node, 0);
        bytes memory data = _workData(keccak256("shared-output"), 10);
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.WorkKeyUsed.selector, node, keccak256("shared-output"))
        );
        vm.prank(node);
        pools.submitWork(other, node, data, ANY_RATE, ANY_WINDOW);
    }

    /// @dev Finding 1 (Medium): a provider copies an honest node's pending submission from the
    /// mempool and lands it first for a node of its own, through a pool it runs in the same domain
    /// with a work rate of 0 and no funding. Before, the copy took the key: the honest submission
    /// reverted and, once the copy's window passed, the honest work could never be paid. A work now
    /// belongs to the node that did it: the copy is the copier's own claim and blocks nothing.
    function test_submitWork_copiedFromTheMempool_neitherTakesNorBlocksTheWork() public {
        uint256 domainId = pools.getPool(poolId).domainId;
        vm.startPrank(provider2);
        uint256 squat = pools.createComputePool(domainId, manager, "squat", "", 0);
        pools.startComputePool(squat);
        vm.stopPrank();
        address copier = _addValidatedNode(provider2, "copier", 10);
        _join(provider2, squat, copier, 0);

        bytes memory data = _workData(keccak256("honest-output"), 10);
        vm.prank(copier);
        pools.submitWork(squat, copier, data, ANY_RATE, ANY_WINDOW); // the copy lands first
        vm.prank(node);
        (bytes32 workKey,) = pools.submitWork(poolId, node, data, ANY_RATE, ANY_WINDOW);
        assertEq(workKey, keccak256("honest-output"), "the honest work is accepted");

        // The copy reserved nothing and owns nothing of the honest node's.
        (IRewardsDistributor.Work memory copy, address copyProvider,,) = rewards.getWork(copier, workKey);
        assertEq(copy.poolId, squat, "the copy is the copier's work, in its pool");
        assertEq(copy.reward, 0, "paid nothing");
        assertEq(copyProvider, provider2, "its provider answers for it");
        (IRewardsDistributor.Work memory honest, address honestProvider,,) = rewards.getWork(node, workKey);
        assertEq(honest.reward, 10 * WORK_RATE, "the honest reward reserved");
        assertEq(honestProvider, provider, "for the honest provider");

        vm.warp(vm.getBlockTimestamp() + 2 * WINDOW);
        assertEq(_claim(provider, poolId, node), 10 * WORK_RATE, "and paid after its window");
    }

    /// @dev Finding 2 (Low): after a soft or hard invalidation the same node resubmitted the same
    /// bytes at no cost and got a fresh window. Invalidated work stays rejected.
    function test_submitWork_invalidatedWorkStaysRejected() public {
        _submit(poolId, node, keccak256("soft"), 10);
        _submit(poolId, node, keccak256("hard"), 10);
        vm.startPrank(validator);
        network.softInvalidateWork(node, keccak256("soft"));
        network.invalidateWork(node, keccak256("hard"), 0, false, _noEvictions());
        vm.stopPrank();

        bytes32[2] memory keys = [keccak256("soft"), keccak256("hard")];
        for (uint256 i; i < keys.length; ++i) {
            bytes memory data = _workData(keys[i], 10);
            vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkKeyUsed.selector, node, keys[i]));
            vm.prank(node);
            pools.submitWork(poolId, node, data, ANY_RATE, ANY_WINDOW);
        }
    }

    /// @dev Finding 3 (Low): the pool creator set the work rate to 0 (or lengthened the first
    /// work's window) just before a submission landed, then restored it; the work was accepted with
    /// no reward and its key burnt. The submitter's terms now make it revert, burning nothing.
    function test_submitWork_termsChangedUnderThePendingSubmission_revertsAndBurnsNothing() public {
        bytes32 key = keccak256("output");
        bytes memory data = _workData(key, 10);
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, 0, NO_LOCK_LIMIT); // front-runs the submission
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkRateBelowTerms.selector, poolId, 0, WORK_RATE));
        vm.prank(node);
        pools.submitWork(poolId, node, data, WORK_RATE, WINDOW);

        vm.startPrank(creator);
        rewards.setWorkRewardRate(poolId, WORK_RATE, NO_LOCK_LIMIT);
        rewards.setWorkLockPeriod(poolId, 30 days); // the first work's window, raised
        vm.stopPrank();
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.WorkLockPeriodAboveTerms.selector, poolId, 30 days, WINDOW)
        );
        vm.prank(node);
        pools.submitWork(poolId, node, data, WORK_RATE, WINDOW);

        vm.prank(creator);
        rewards.setWorkLockPeriod(poolId, WINDOW);
        vm.prank(node);
        pools.submitWork(poolId, node, data, WORK_RATE, WINDOW);
        (IRewardsDistributor.Work memory work,,,) = rewards.getWork(node, key);
        assertEq(work.reward, 10 * WORK_RATE, "the key was not burnt: accepted on the terms it stated");
    }

    /// @dev Finding 4 (Low): one node reserved the pool's whole budget in one block (many works at
    /// the unit cap); time accrual stopped for every node and honest work reverted. The pool now
    /// bounds what one node may have locked, and invalidating the node returns all of it at once.
    function test_oneNodeCannotFreezeThePool() public {
        vm.prank(creator);
        rewards.setWorkRewardRate(poolId, WORK_RATE, 2000 * WORK_RATE);
        address honest = _addValidatedNode(provider2, "honest", 10);
        _join(provider2, poolId, honest, 1);
        _submit(poolId, node, keccak256("greedy-1"), 1000);
        _submit(poolId, node, keccak256("greedy-2"), 1000);
        bytes memory more = _workData(keccak256("greedy-3"), 1000);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRewardsDistributor.NodeLockedWorkAboveLimit.selector, poolId, node, 3000 * WORK_RATE, 2000 * WORK_RATE
            )
        );
        vm.prank(node);
        pools.submitWork(poolId, node, more, ANY_RATE, ANY_WINDOW);
        _submit(poolId, honest, keccak256("honest"), 10); // the budget still has room for others

        uint256 budget = rewards.getPoolRewards(poolId).budget;
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.LockedWorkReturned(poolId, node, 1000 * WORK_RATE);
        vm.prank(validator);
        network.invalidateWork(node, keccak256("greedy-1"), 0, true, _evicting(poolId, node));
        assertEq(rewards.getPoolRewards(poolId).budget, budget + 2000 * WORK_RATE, "every locked reward back at once");
        (uint256 locked,,) = rewards.getNodeWork(poolId, node);
        assertEq(locked, 0, "nothing of the node's left locked");
        assertEq(rewards.getNodeRecord(poolId, node).joinedAt, 0, "and the node is out");
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
        pools.submitWork(id, node, data, ANY_RATE, ANY_WINDOW);
    }

    function test_validationLogicThatLies_cannotPayBeyondBoundsOrBudget() public {
        (uint256 id, HostileValidation logic) = _hostilePool();
        bytes memory data = _workData(keccak256("k"), 1);
        logic.arm(HostileValidation.Mode.UNITS, type(uint256).max, pools);
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InvalidWorkUnits.selector, type(uint256).max, type(uint32).max)
        );
        vm.prank(node);
        pools.submitWork(id, node, data, ANY_RATE, ANY_WINDOW);

        logic.arm(HostileValidation.Mode.UNITS, 0, pools);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.InvalidWorkUnits.selector, 0, type(uint32).max));
        vm.prank(node);
        pools.submitWork(id, node, data, ANY_RATE, ANY_WINDOW);

        // Within bounds but more than the budget covers: refused, nothing reserved.
        logic.arm(HostileValidation.Mode.UNITS, 1e6, pools);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.InsufficientBudget.selector, id, 1e21, 100e18));
        vm.prank(node);
        pools.submitWork(id, node, data, ANY_RATE, ANY_WINDOW);
        assertEq(rewards.getPoolRewards(id).budget, 100e18, "budget untouched");
    }

    function test_validationLogicThatReenters_isBlockedByTheStaticCall() public {
        (uint256 id, HostileValidation logic) = _hostilePool();
        logic.arm(HostileValidation.Mode.REENTER, 1, pools);
        bytes memory data = _workData(keccak256("k"), 1);
        vm.expectRevert(bytes("re-entry blocked"));
        vm.prank(node);
        pools.submitWork(id, node, data, ANY_RATE, ANY_WINDOW);
        (IRewardsDistributor.Work memory work,,,) = rewards.getWork(node, keccak256(data));
        assertEq(uint8(work.status), uint8(IRewardsDistributor.WorkStatus.NONE), "nothing recorded");
    }

    function test_invalidation_afterTheWindowIsRefused() public {
        _submit(poolId, node, keccak256("k"), 10);
        vm.warp(vm.getBlockTimestamp() + 2 * WINDOW);
        (,, uint256 unlockAt,) = rewards.getWork(node, keccak256("k"));
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.WorkFinal.selector, node, keccak256("k"), unlockAt));
        vm.prank(validator);
        network.invalidateWork(node, keccak256("k"), 1e18, false, _noEvictions());
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
        network.softInvalidateWork(node, keccak256("fraud"));
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

    /// @dev The logic receives the domain, the pool, the provider and the node, each in its place.
    function test_validationLogic_receivesItsArgumentsInOrder() public {
        (uint256 id, HostileValidation logic) = _hostilePool();
        logic.arm(HostileValidation.Mode.ECHO, 3, pools);
        bytes memory data = _workData(keccak256("k"), 3);
        vm.prank(node);
        (bytes32 workKey, uint256 units) = pools.submitWork(id, node, data, ANY_RATE, ANY_WINDOW);
        uint256 domainId = pools.getPool(id).domainId;
        assertEq(workKey, keccak256(abi.encode(domainId, id, provider, node, data)), "domain, pool, provider, node");
        assertEq(units, 3, "units");
    }
}
