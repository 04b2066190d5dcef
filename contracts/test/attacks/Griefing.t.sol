// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Nobody can make someone else's join, leave, eject or claim more expensive by growing a
/// pool, and every list a caller walks is bounded by what the caller owns.
/// @dev Costs are compared between a pool with 1 other node and a pool with 100 other nodes. Both
/// calls run from the same state snapshot (vm.snapshotState / vm.revertToState), so they start with
/// the same warm accounts and slots; any difference is work that grows with the pool.
contract GriefingTest is BaseTest {
    uint256 internal constant CROWD = 100;
    /// @dev Allowed difference between the small-pool and big-pool cost of the same call.
    uint256 internal constant GAS_MARGIN = 100;
    uint256 internal constant RATE = 1e12;

    address internal provider3 = makeAddr("provider3");

    uint256 internal smallPool;
    uint256 internal bigPool;
    address[] internal crowd;
    /// @dev In each pool: a member to eject / leave / claim with, and a node ready to join.
    address internal smallMember;
    address internal bigMember;
    address internal smallJoiner;
    address internal bigJoiner;

    function setUp() public override {
        super.setUp();
        token.mint(provider3, INITIAL_BALANCE);
        vm.prank(provider3);
        token.approve(address(stakeManager), type(uint256).max);

        _registerWhitelisted(provider2, CROWD + 1);
        _registerWhitelisted(provider, 2);
        _registerWhitelisted(provider3, 2);

        for (uint256 i; i <= CROWD; ++i) {
            crowd.push(_addValidatedNode(provider2, string.concat("crowd", vm.toString(i)), 1));
        }
        smallMember = _addValidatedNode(provider, "smallMember", 1);
        smallJoiner = _addValidatedNode(provider, "smallJoiner", 1);
        bigMember = _addValidatedNode(provider3, "bigMember", 1);
        bigJoiner = _addValidatedNode(provider3, "bigJoiner", 1);

        smallPool = _activePool(RATE, 1000e18);
        bigPool = _activePool(RATE, 1000e18);

        // Small pool: one crowd node. Big pool: the other hundred, in one batch.
        _join(provider2, smallPool, crowd[CROWD], 0);
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](CROWD);
        for (uint256 i; i < CROWD; ++i) {
            invites[i] = _invite(bigPool, crowd[i], i);
        }
        vm.prank(provider2);
        pools.joinComputePool(bigPool, invites);

        _join(provider, smallPool, smallMember, 1000);
        _join(provider3, bigPool, bigMember, 1000);
        assertEq(rewards.getPoolRewards(smallPool).nodeCount, 2, "small pool size");
        assertEq(rewards.getPoolRewards(bigPool).nodeCount, CROWD + 1, "big pool size");
        skip(1 hours);
    }

    /* HELPERS */

    /// @dev A measured call in a small or a big pool; `big` picks the side.
    function _ejectGas(bool big) internal returns (uint256 gasUsed) {
        (uint256 poolId, address nodeKey) = big ? (bigPool, bigMember) : (smallPool, smallMember);
        vm.prank(creator);
        gasUsed = gasleft();
        pools.ejectNode(poolId, nodeKey);
        gasUsed -= gasleft();
    }

    function _leaveGas(bool big) internal returns (uint256 gasUsed) {
        (address owner, uint256 poolId, address nodeKey) =
            big ? (provider3, bigPool, bigMember) : (provider, smallPool, smallMember);
        address[] memory list = _one(nodeKey);
        vm.prank(owner);
        gasUsed = gasleft();
        pools.leaveComputePool(poolId, list);
        gasUsed -= gasleft();
    }

    function _claimGas(bool big) internal returns (uint256 gasUsed) {
        (address owner, uint256 poolId, address nodeKey) =
            big ? (provider3, bigPool, bigMember) : (provider, smallPool, smallMember);
        address[] memory list = _one(nodeKey);
        uint256 before = token.balanceOf(owner);
        vm.prank(owner);
        gasUsed = gasleft();
        rewards.claimRewards(poolId, list);
        gasUsed -= gasleft();
        assertEq(token.balanceOf(owner) - before, RATE * 1 hours, "claimed an hour of one unit");
    }

    function _joinGas(bool big) internal returns (uint256 gasUsed) {
        (address owner, uint256 poolId, address nodeKey) =
            big ? (provider3, bigPool, bigJoiner) : (provider, smallPool, smallJoiner);
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, nodeKey, 2000);
        vm.prank(owner);
        gasUsed = gasleft();
        pools.joinComputePool(poolId, invites);
        gasUsed -= gasleft();
        assertTrue(registry.getNode(nodeKey).active, "joined");
    }

    function _endGas(bool big) internal returns (uint256 gasUsed) {
        uint256 poolId = big ? bigPool : smallPool;
        vm.prank(creator);
        gasUsed = gasleft();
        pools.endComputePool(poolId);
        gasUsed -= gasleft();
    }

    function _purgeOneGas(bool big) internal returns (uint256 gasUsed) {
        (uint256 poolId, address nodeKey) = big ? (bigPool, crowd[0]) : (smallPool, crowd[CROWD]);
        address[] memory list = _one(nodeKey);
        vm.prank(creator);
        gasUsed = gasleft();
        pools.blacklistProviders(poolId, _one(provider2), list);
        gasUsed -= gasleft();
        assertFalse(registry.getNode(nodeKey).active, "purged");
    }

    /// @dev Runs `measure` on the small and on the big pool from the same snapshot.
    function _compare(function(bool) internal returns (uint256) measure) internal returns (uint256 small, uint256 big) {
        uint256 snapshot = vm.snapshotState();
        small = measure(false);
        vm.revertToState(snapshot);
        big = measure(true);
        assertGt(small, 0, "measured");
    }

    function _slice(address[] storage list, uint256 from, uint256 to) internal view returns (address[] memory out) {
        out = new address[](to - from);
        for (uint256 i = from; i < to; ++i) {
            out[i - from] = list[i];
        }
    }

    /* COSTS DO NOT GROW WITH POOL SIZE */

    function test_ejectNode_costIndependentOfPoolSize() public {
        (uint256 small, uint256 big) = _compare(_ejectGas);
        assertFalse(registry.getNode(bigMember).active, "ejected");
        assertEq(rewards.getPoolRewards(bigPool).nodeCount, CROWD, "pool shrank");
        assertApproxEqAbs(big, small, GAS_MARGIN, "eject cost");
    }

    function test_leaveComputePool_costIndependentOfPoolSize() public {
        (uint256 small, uint256 big) = _compare(_leaveGas);
        assertFalse(registry.getNode(bigMember).active, "left");
        assertApproxEqAbs(big, small, GAS_MARGIN, "leave cost");
    }

    function test_claimRewards_costIndependentOfPoolSize() public {
        (uint256 small, uint256 big) = _compare(_claimGas);
        assertApproxEqAbs(big, small, GAS_MARGIN, "claim cost");
    }

    function test_joinComputePool_costIndependentOfPoolSize() public {
        (uint256 small, uint256 big) = _compare(_joinGas);
        assertEq(rewards.getPoolRewards(bigPool).nodeCount, CROWD + 2, "joined");
        assertApproxEqAbs(big, small, GAS_MARGIN, "join cost");
    }

    function test_endComputePool_costIndependentOfPoolSize() public {
        (uint256 small, uint256 big) = _compare(_endGas);
        assertTrue(rewards.getPoolRewards(bigPool).ended, "ended");
        assertApproxEqAbs(big, small, GAS_MARGIN, "end cost");
    }

    function test_blacklistProvider_purgeCostIndependentOfProviderSize() public {
        // Purging 1 node of a provider with 100 in the pool costs what purging its only node does.
        (uint256 small, uint256 big) = _compare(_purgeOneGas);
        assertApproxEqAbs(big, small, GAS_MARGIN, "purge cost");
    }

    /* PENDING UNBONDS ARE CAPPED */

    function test_reclaimStake_pendingUnbondsCapped() public {
        uint256 max = stakeManager.MAX_PENDING_UNBONDS();
        assertEq(max, 16, "cap");
        // provider has STAKE_MINIMUM x 3 staked and needs STAKE_MINIMUM x 3 for its two nodes.
        vm.prank(provider);
        network.increaseStake(max * 1e18 + 1e18);

        vm.startPrank(provider);
        for (uint256 i; i < max; ++i) {
            network.reclaimStake(1e18);
        }
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.TooManyPendingUnbonds.selector, provider, max));
        network.reclaimStake(1e18);
        vm.stopPrank();
        assertEq(stakeManager.pendingUnbonds(provider).length, max, "pending");
        assertEq(stakeManager.unbondingStake(provider), max * 1e18, "unbonding");

        // A full list is still cleared in one bounded call once it matures, and the slot frees up.
        skip(UNBONDING_PERIOD);
        uint256 before = token.balanceOf(provider);
        vm.prank(provider);
        uint256 gasUsed = gasleft();
        network.withdraw();
        gasUsed -= gasleft();
        assertEq(token.balanceOf(provider) - before, max * 1e18, "withdrawn");
        assertEq(stakeManager.pendingUnbonds(provider).length, 0, "cleared");
        assertLt(gasUsed, 300_000, "withdraw of a full list is bounded");
        vm.prank(provider);
        network.reclaimStake(1e18);
        assertEq(stakeManager.pendingUnbonds(provider).length, 1, "unbonding again");
    }

    function test_slash_fullPendingListBounded() public {
        uint256 max = stakeManager.MAX_PENDING_UNBONDS();
        vm.prank(provider);
        network.increaseStake(max * 1e18);
        vm.startPrank(provider);
        for (uint256 i; i < max; ++i) {
            network.reclaimStake(1e18);
        }
        vm.stopPrank();
        uint256 active = stakeManager.activeStake(provider);

        uint256 before = token.balanceOf(treasury);
        vm.prank(validator);
        uint256 gasUsed = gasleft();
        uint256 slashed = network.slash(provider, type(uint128).max, _noEvictions());
        gasUsed -= gasleft();
        assertEq(slashed, active + max * 1e18, "slashed everything");
        assertEq(token.balanceOf(treasury) - before, slashed, "to treasury");
        assertEq(stakeManager.pendingUnbonds(provider).length, 0, "list emptied");
        assertLt(gasUsed, 300_000, "slash of a full list is bounded");
    }

    /* PURGING A BIG PROVIDER IN BATCHES */

    function test_blacklistProvider_purgeInBoundedBatches() public {
        address[] memory first = _slice(crowd, 0, CROWD / 2);
        address[] memory second = _slice(crowd, CROWD / 2, CROWD);

        // Either half, purged first, costs the same: a batch pays for its own nodes only.
        uint256 snapshot = vm.snapshotState();
        vm.prank(creator);
        uint256 secondCost = gasleft();
        pools.blacklistProviders(bigPool, _one(provider2), second);
        secondCost -= gasleft();
        vm.revertToState(snapshot);

        vm.prank(creator);
        uint256 firstCost = gasleft();
        pools.blacklistProviders(bigPool, _one(provider2), first);
        firstCost -= gasleft();
        // Within 0.1%: the nodes' addresses differ, which moves a few gas per node and nothing more.
        assertApproxEqRel(secondCost, firstCost, 0.001e18, "equal batches cost the same");
        assertEq(rewards.getPoolRewards(bigPool).nodeCount, CROWD / 2 + 1, "first half purged");
        assertEq(registry.getProvider(provider2).activeNodeCount, CROWD / 2 + 1, "provider's active count");

        // The second half in a later transaction finishes the job.
        vm.prank(creator);
        pools.blacklistProviders(bigPool, _one(provider2), second);
        assertTrue(pools.isProviderBlacklisted(bigPool, provider2), "blacklisted");
        for (uint256 i; i < CROWD; ++i) {
            assertFalse(registry.getNode(crowd[i]).active, "purged");
        }
        assertEq(registry.getProvider(provider2).activeNodeCount, 1, "only the other pool's node");
        // Other members and the provider's node in another pool are untouched.
        assertTrue(registry.getNode(bigMember).active, "other provider stays");
        assertTrue(registry.getNode(crowd[CROWD]).active, "other pool untouched");
        assertEq(rewards.getPoolRewards(bigPool).nodeCount, 1, "one node left");
        assertEq(rewards.getPoolRewards(bigPool).totalCompute, 1, "one unit left");

        // The purged provider cannot come back.
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(bigPool, crowd[0], 5000);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ProviderBlacklisted.selector, bigPool, provider2));
        vm.prank(provider2);
        pools.joinComputePool(bigPool, invites);
    }

    /* NOBODY BURNS SOMEONE ELSE'S INVITE */

    function test_joinComputePool_frontRunnerCannotBurnInvite() public {
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(smallPool, smallJoiner, 77);
        // Another provider copies the invite from the mempool: it is made out to the node's provider.
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidInviteSignature.selector, smallPool, smallJoiner));
        vm.prank(provider3);
        pools.joinComputePool(smallPool, invites);
        assertFalse(pools.isInviteNonceUsed(smallPool, 77), "nonce still free");
        vm.prank(provider);
        pools.joinComputePool(smallPool, invites);
        assertTrue(registry.getNode(smallJoiner).active, "owner joined");
    }

    /* FRONT-RUNNING BATCHES */

    /// @dev Two more nodes of `provider` (with the stake they need) in a fresh funded pool.
    function _twoNodesInPool() internal returns (uint256 poolId, address a, address b) {
        vm.prank(provider);
        network.increaseStake(2 * STAKE_MINIMUM);
        poolId = _activePool(RATE, 10e18);
        a = _addValidatedNode(provider, "frontA", 1);
        b = _addValidatedNode(provider, "frontB", 1);
        _join(provider, poolId, a, 900);
        _join(provider, poolId, b, 901);
    }

    /// @dev Finding: an operator ejecting one node made the provider's batch leave revert.
    function test_leaveComputePool_batchSurvivesAnEjectionFirst() public {
        (uint256 poolId, address a, address b) = _twoNodesInPool();

        vm.prank(creator);
        pools.ejectNode(poolId, a); // lands first
        vm.prank(provider);
        assertEq(pools.leaveComputePool(poolId, _list(a, b)), 1, "b left; a was already out");
        assertFalse(registry.getNode(b).active, "b out");
    }

    /// @dev Finding: a provider leaving one node first made blacklist-with-purge revert, blacklist
    /// flag included, so the provider could rejoin.
    function test_blacklistProviders_landsWhenTheProviderLeavesFirst() public {
        (uint256 poolId, address a, address b) = _twoNodesInPool();

        _leave(provider, poolId, a); // lands first
        vm.prank(creator);
        pools.blacklistProviders(poolId, _one(provider), _list(a, b));
        assertTrue(pools.isProviderBlacklisted(poolId, provider), "blacklisted anyway");
        assertFalse(registry.getNode(b).active, "b purged");

        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, a, 902);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ProviderBlacklisted.selector, poolId, provider));
        vm.prank(provider);
        pools.joinComputePool(poolId, invites);
    }

    /// @dev A provider cannot make a validator's slash revert by leaving or restaking first: evictions
    /// skip nodes already out and nodes still eligible.
    function test_slash_survivesTheProviderActingFirst() public {
        (uint256 poolId, address a, address b) = _twoNodesInPool();
        IComputePool.PoolNode[] memory evictions = new IComputePool.PoolNode[](2);
        evictions[0] = IComputePool.PoolNode({poolId: poolId, nodeKey: a});
        evictions[1] = IComputePool.PoolNode({poolId: poolId, nodeKey: b});

        _leave(provider, poolId, a); // the provider leaves one node first
        vm.prank(provider);
        network.increaseStake(1e18); // and restakes so the slash leaves it covered
        vm.prank(validator);
        assertEq(network.slash(provider, 1e18, evictions), 1e18, "the slash lands");
        assertTrue(registry.getNode(b).active, "b, still covered, stays");
    }
}
