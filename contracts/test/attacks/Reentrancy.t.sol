// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {HostileToken, ReentrantAccount} from "./HostileToken.sol";

/// @notice The protocol deployed on a token that calls back into it during transfers. Every
/// re-entry into a function that moves tokens hits the reentrancy guard, and every balance stays exact.
contract ReentrancyTest is BaseTest {
    uint256 internal constant BUDGET = 1_000_000;
    uint256 internal constant UNITS = 10;
    uint256 internal constant RATE = 3;

    HostileToken internal hostile;
    ReentrantAccount internal attacker;

    function setUp() public override {
        super.setUp();
        hostile = new HostileToken();
        _useProtocol(address(hostile));
        attacker = new ReentrantAccount();
        hostile.mint(address(attacker), INITIAL_BALANCE);
        _as(address(hostile), abi.encodeCall(IERC20.approve, (address(stakeManager), type(uint256).max)));
        _as(address(hostile), abi.encodeCall(IERC20.approve, (address(rewards), type(uint256).max)));
    }

    /* HELPERS */

    function _as(address to, bytes memory data) internal returns (bytes memory) {
        return attacker.exec(to, data);
    }

    /// @dev Arms the token to make the attacker call `to` with `data` during the next transfer.
    function _armAttacker(address to, bytes memory data, bool bubble) internal {
        hostile.arm(address(attacker), abi.encodeCall(ReentrantAccount.exec, (to, data)), bubble);
    }

    function _assertBlockedByGuard() internal view {
        assertTrue(hostile.reentered(), "callback ran");
        assertFalse(hostile.reentrySucceeded(), "re-entry failed");
        assertEq(
            hostile.reentryResult(),
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector),
            "stopped by the reentrancy guard"
        );
    }

    /// @dev The attacker registered (with `extraStake` above its minimum) and whitelisted, with one validated node.
    function _attackerWithNode(uint256 extraStake) internal returns (address node) {
        _as(address(network), abi.encodeCall(network.registerProvider, (STAKE_MINIMUM * (1 + UNITS) + extraStake)));
        vm.prank(validator);
        network.whitelistProvider(address(attacker));
        (, uint256 pk) = _nodeKey("attacker-node");
        node = vm.addr(pk);
        bytes memory signature = _ownershipSignature(address(attacker), pk);
        _as(
            address(network),
            abi.encodeCall(network.addComputeNode, (node, "ipfs://node-specs", UNITS, CONSENT_DEADLINE, signature))
        );
        vm.prank(validator);
        network.validateNode(node);
    }

    /// @dev The attacker's node in a fresh pool, 100 s in: it is owed RATE x UNITS x 100 = 3000.
    function _attackerEarning(uint256 extraStake) internal returns (uint256 poolId, address node) {
        node = _attackerWithNode(extraStake);
        poolId = _activePool(RATE, BUDGET);
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, node, 0);
        _as(address(pools), abi.encodeCall(pools.joinComputePool, (poolId, invites)));
        skip(100);
    }

    function _claimAsAttacker(uint256 poolId, address node) internal returns (uint256) {
        return abi.decode(_as(address(rewards), abi.encodeCall(rewards.claimRewards, (poolId, _one(node)))), (uint256));
    }

    /* REWARDS */

    function test_claimRewards_reentrantClaimIsBlocked() public {
        (uint256 poolId, address node) = _attackerEarning(0);
        uint256 before = hostile.balanceOf(address(attacker));
        _armAttacker(address(rewards), abi.encodeCall(rewards.claimRewards, (poolId, _one(node))), false);

        assertEq(_claimAsAttacker(poolId, node), 3000, "claimed once");

        _assertBlockedByGuard();
        assertEq(hostile.balanceOf(address(attacker)) - before, 3000, "paid exactly what was owed");
        assertEq(hostile.balanceOf(address(rewards)), BUDGET - 3000, "distributor lost only that");
        assertEq(rewards.calculateRewards(poolId, node), 0, "nothing left to claim");
    }

    function test_claimRewards_reentrantClaimRevertsTheWholeClaimWhenBubbled() public {
        (uint256 poolId, address node) = _attackerEarning(0);
        uint256 before = hostile.balanceOf(address(attacker));
        _armAttacker(address(rewards), abi.encodeCall(rewards.claimRewards, (poolId, _one(node))), true);

        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        attacker.exec(address(rewards), abi.encodeCall(rewards.claimRewards, (poolId, _one(node))));

        assertEq(hostile.balanceOf(address(attacker)), before, "nothing paid");
        assertEq(rewards.calculateRewards(poolId, node), 3000, "still owed");
    }

    function test_claimRewards_reentrantLeaveIsBlocked() public {
        (uint256 poolId, address node) = _attackerEarning(0);
        _armAttacker(address(pools), abi.encodeCall(pools.leaveComputePool, (poolId, _one(node))), false);

        assertEq(_claimAsAttacker(poolId, node), 3000, "claimed");

        _assertBlockedByGuard();
        assertTrue(registry.getNode(node).active, "still active in the registry");
        assertEq(rewards.getNodeRecord(poolId, node).joinedAt, 1, "still in the pool");
        assertEq(rewards.getPoolRewards(poolId).totalCompute, UNITS, "pool compute unchanged");
        assertEq(hostile.balanceOf(address(rewards)), BUDGET - 3000, "distributor balance exact");
    }

    function test_claimRewards_crossContractReentryIntoWithdrawStaysExact() public {
        (uint256 poolId, address node) = _attackerEarning(50e18);
        _as(address(network), abi.encodeCall(network.reclaimStake, (50e18)));
        skip(UNBONDING_PERIOD);
        // The node kept earning during the unbonding period, until the budget ran out.
        uint256 owed = rewards.calculateRewards(poolId, node);
        assertEq(owed, BUDGET, "the whole budget");
        uint256 before = hostile.balanceOf(address(attacker));
        _armAttacker(address(network), abi.encodeCall(network.withdraw, ()), false);

        assertEq(_claimAsAttacker(poolId, node), owed, "claimed");

        assertTrue(hostile.reentrySucceeded(), "withdraw is a different ledger with its own lock");
        assertEq(hostile.balanceOf(address(attacker)) - before, owed + 50e18, "rewards + matured unbond, once each");
        assertEq(hostile.balanceOf(address(rewards)), 0, "distributor paid out exactly");
        assertEq(
            hostile.balanceOf(address(stakeManager)),
            stakeManager.activeStake(address(attacker)),
            "StakeManager holds exactly the active stake"
        );
        assertEq(stakeManager.unbondingStake(address(attacker)), 0, "unbond consumed");
    }

    function test_fundPool_reentrantFundIsBlocked() public {
        uint256 poolId = _activePool(RATE, BUDGET);
        uint256 before = hostile.balanceOf(address(attacker));
        _armAttacker(address(rewards), abi.encodeCall(rewards.fundPool, (poolId, 100)), false);

        _as(address(rewards), abi.encodeCall(rewards.fundPool, (poolId, 500)));

        _assertBlockedByGuard();
        assertEq(rewards.getPoolRewards(poolId).budget, BUDGET + 500, "funded once");
        assertEq(before - hostile.balanceOf(address(attacker)), 500, "paid once");
        assertEq(hostile.balanceOf(address(rewards)), BUDGET + 500, "distributor balance == budget");
    }

    function test_withdrawUnusedBudget_reentrantWithdrawIsBlocked() public {
        uint256 domainId = _createDomain();
        uint256 poolId = abi.decode(
            _as(
                address(pools),
                abi.encodeCall(pools.createComputePool, (domainId, manager, "pool", "ipfs://pool-data", 0))
            ),
            (uint256)
        );
        _as(address(rewards), abi.encodeCall(rewards.fundPool, (poolId, 1000)));
        _as(address(pools), abi.encodeCall(pools.endComputePool, (poolId)));
        uint256 before = hostile.balanceOf(address(attacker));
        _armAttacker(address(rewards), abi.encodeCall(rewards.withdrawUnusedBudget, (poolId)), false);

        bytes memory result = _as(address(rewards), abi.encodeCall(rewards.withdrawUnusedBudget, (poolId)));

        _assertBlockedByGuard();
        assertEq(abi.decode(result, (uint256)), 1000, "withdrawn once");
        assertEq(hostile.balanceOf(address(attacker)) - before, 1000, "creator paid once");
        assertEq(hostile.balanceOf(address(rewards)), 0, "distributor empty");
        assertEq(rewards.getPoolRewards(poolId).budget, 0, "budget empty");
    }

    function test_onNodesJoined_reentrantClaimByPaidOutProviderIsBlocked() public {
        (uint256 poolId, address node) = _attackerEarning(0);
        _as(address(pools), abi.encodeCall(pools.leaveComputePool, (poolId, _one(node))));
        _as(address(network), abi.encodeCall(network.removeComputeNode, (node)));
        (, uint256 pk) = _nodeKey("attacker-node");
        _registerWhitelisted(provider2, UNITS);
        _addNode(provider2, pk, UNITS);
        vm.prank(validator);
        network.validateNode(node);
        uint256 before = hostile.balanceOf(address(attacker));
        _armAttacker(address(rewards), abi.encodeCall(rewards.claimRewards, (poolId, _one(node))), false);

        _join(provider2, poolId, node, 1);

        _assertBlockedByGuard();
        assertEq(hostile.balanceOf(address(attacker)) - before, 3000, "previous provider paid once");
        assertEq(rewards.getNodeRecord(poolId, node).provider, provider2, "new provider");
        assertEq(rewards.calculateRewards(poolId, node), 0, "new provider starts at zero");
        assertEq(hostile.balanceOf(address(rewards)), BUDGET - 3000, "distributor balance exact");
    }

    /* STAKE */

    function test_withdraw_reentrantWithdrawIsBlocked() public {
        _as(address(network), abi.encodeCall(network.registerProvider, (10 * STAKE_MINIMUM)));
        _as(address(network), abi.encodeCall(network.reclaimStake, (5 * STAKE_MINIMUM)));
        skip(UNBONDING_PERIOD);
        uint256 before = hostile.balanceOf(address(attacker));
        _armAttacker(address(network), abi.encodeCall(network.withdraw, ()), false);

        bytes memory result = _as(address(network), abi.encodeCall(network.withdraw, ()));

        _assertBlockedByGuard();
        assertEq(abi.decode(result, (uint256)), 5 * STAKE_MINIMUM, "withdrawn once");
        assertEq(hostile.balanceOf(address(attacker)) - before, 5 * STAKE_MINIMUM, "paid once");
        assertEq(hostile.balanceOf(address(stakeManager)), 5 * STAKE_MINIMUM, "StakeManager keeps the active stake");
        assertEq(stakeManager.unbondingStake(address(attacker)), 0, "nothing unbonding");
    }

    function test_increaseStake_reentrantIncreaseIsBlocked() public {
        _as(address(network), abi.encodeCall(network.registerProvider, (STAKE_MINIMUM)));
        _armAttacker(address(network), abi.encodeCall(network.increaseStake, (STAKE_MINIMUM)), false);

        _as(address(network), abi.encodeCall(network.increaseStake, (2 * STAKE_MINIMUM)));

        _assertBlockedByGuard();
        assertEq(stakeManager.activeStake(address(attacker)), 3 * STAKE_MINIMUM, "staked once");
        assertEq(hostile.balanceOf(address(stakeManager)), 3 * STAKE_MINIMUM, "StakeManager balance == active");
    }
}
