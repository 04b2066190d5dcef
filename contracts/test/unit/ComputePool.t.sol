// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IComputeRegistry} from "../../src/interfaces/IComputeRegistry.sol";
import {IDomainRegistry} from "../../src/interfaces/IDomainRegistry.sol";
import {IPrimeNetwork} from "../../src/interfaces/IPrimeNetwork.sol";
import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract ComputePoolTest is BaseTest {
    uint256 internal domainId;
    uint256 internal poolId;
    address internal nodeA;
    address internal nodeB;
    address internal nodeC;
    address internal nodeP2;

    /// @dev An active unfunded pool; provider owns nodes A (1 unit), B (2), C (3), provider2 owns P2 (4).
    function setUp() public override {
        super.setUp();
        _registerWhitelisted(provider, 6);
        _registerWhitelisted(provider2, 4);
        nodeA = _addValidatedNode(provider, "nodeA", 1);
        nodeB = _addValidatedNode(provider, "nodeB", 2);
        nodeC = _addValidatedNode(provider, "nodeC", 3);
        nodeP2 = _addValidatedNode(provider2, "nodeP2", 4);
        domainId = _createDomain();
        poolId = _createPool(domainId, 0);
        vm.prank(creator);
        pools.startComputePool(poolId);
    }

    /* HELPERS */

    function _joinMany(address provider_, uint256 poolId_, IComputePool.Invite[] memory invites) internal {
        vm.prank(provider_);
        pools.joinComputePool(poolId_, invites);
    }

    function _invites(IComputePool.Invite memory a) internal pure returns (IComputePool.Invite[] memory l) {
        l = new IComputePool.Invite[](1);
        l[0] = a;
    }

    function _invites(IComputePool.Invite memory a, IComputePool.Invite memory b)
        internal
        pure
        returns (IComputePool.Invite[] memory l)
    {
        l = new IComputePool.Invite[](2);
        (l[0], l[1]) = (a, b);
    }

    function _invites(IComputePool.Invite memory a, IComputePool.Invite memory b, IComputePool.Invite memory c)
        internal
        pure
        returns (IComputePool.Invite[] memory l)
    {
        l = new IComputePool.Invite[](3);
        (l[0], l[1], l[2]) = (a, b, c);
    }

    function _startedPool(uint256 computeLimit) internal returns (uint256 id) {
        id = _createPool(domainId, computeLimit);
        vm.prank(creator);
        pools.startComputePool(id);
    }

    function _assertPoolLedger(uint256 id, uint256 totalCompute, uint256 nodeCount) internal view {
        IRewardsDistributor.PoolRewards memory r = rewards.getPoolRewards(id);
        assertEq(r.totalCompute, totalCompute, "totalCompute");
        assertEq(r.nodeCount, nodeCount, "nodeCount");
    }

    function _activeNodes(address provider_) internal view returns (uint256) {
        return registry.getProvider(provider_).activeNodeCount;
    }

    /// @dev The invites are built (which calls the pool's digest view) before the revert is expected.
    function _expectJoinManyRevert(
        address provider_,
        uint256 poolId_,
        IComputePool.Invite[] memory invites,
        bytes memory err
    ) internal {
        vm.expectRevert(err);
        _joinMany(provider_, poolId_, invites);
    }

    function _expectJoinRevert(address provider_, IComputePool.Invite memory invite, bytes memory err) internal {
        vm.expectRevert(err);
        _joinMany(provider_, poolId, _invites(invite));
    }

    /* CREATE */

    function test_createComputePool_storesPool() public {
        vm.warp(1000);
        vm.expectEmit(address(pools));
        emit IComputePool.PoolCreated(2, domainId, stranger, manager, 77, "second", "ipfs://second");
        vm.prank(stranger);
        uint256 id = pools.createComputePool(domainId, manager, "second", "ipfs://second", 77);
        assertEq(id, 2, "id");
        assertEq(pools.poolCount(), 2, "poolCount");

        IComputePool.Pool memory pool = pools.getPool(id);
        assertEq(pool.creator, stranger, "creator");
        assertEq(pool.domainId, domainId, "domainId");
        assertEq(uint8(pool.status), uint8(IComputePool.PoolStatus.PENDING), "status");
        assertEq(pool.startedAt, 0, "startedAt");
        assertEq(pool.computeManagerKey, manager, "manager");
        assertEq(pool.endedAt, 0, "endedAt");
        assertEq(pool.computeLimit, 77, "computeLimit");
        assertEq(pool.name, "second", "name");
        assertEq(pool.poolDataURI, "ipfs://second", "poolDataURI");
        assertEq(pools.poolCreator(id), stranger, "poolCreator");
    }

    function test_createComputePool_idsStartAtOne() public {
        // A fresh deployment's first pool is the one setUp created.
        assertEq(poolId, 1, "first id");
        assertEq(_createPool(domainId, 0), 2, "second id");
        assertEq(_createPool(domainId, 0), 3, "third id");
        assertEq(pools.poolCount(), 3, "poolCount");
    }

    function test_createComputePool_revertsIfDomainNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IDomainRegistry.DomainNotFound.selector, 0));
        pools.createComputePool(0, manager, "p", "", 0);
        vm.expectRevert(abi.encodeWithSelector(IDomainRegistry.DomainNotFound.selector, domainId + 1));
        pools.createComputePool(domainId + 1, manager, "p", "", 0);
    }

    function test_createComputePool_revertsIfZeroManager() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        pools.createComputePool(domainId, address(0), "p", "", 0);
    }

    function test_createComputePool_acceptsMaxComputeLimit() public {
        testFuzz_createComputePool_computeLimit(type(uint64).max);
    }

    function testFuzz_createComputePool_computeLimit(uint256 limit) public {
        if (limit > type(uint64).max) {
            vm.expectRevert(
                abi.encodeWithSelector(IComputePool.ComputeLimitTooLarge.selector, limit, uint256(type(uint64).max))
            );
            pools.createComputePool(domainId, manager, "p", "", limit);
        } else {
            uint256 id = pools.createComputePool(domainId, manager, "p", "", limit);
            assertEq(pools.getPool(id).computeLimit, limit, "limit");
        }
    }

    function test_createComputePool_revertsIfComputeLimitTooLarge() public {
        testFuzz_createComputePool_computeLimit(uint256(type(uint64).max) + 1);
    }

    function test_getPool_revertsIfNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IComputePool.PoolNotFound.selector, 0));
        pools.getPool(0);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.PoolNotFound.selector, 2));
        pools.getPool(2);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.PoolNotFound.selector, 2));
        pools.poolCreator(2);
    }

    function test_operations_revertIfPoolNotFound() public {
        bytes memory err = abi.encodeWithSelector(IComputePool.PoolNotFound.selector, 9);
        vm.startPrank(creator);
        vm.expectRevert(err);
        pools.startComputePool(9);
        vm.expectRevert(err);
        pools.endComputePool(9);
        vm.expectRevert(err);
        pools.setComputeManagerKey(9, manager);
        vm.expectRevert(err);
        pools.cancelInviteNonce(9, 0);
        vm.expectRevert(err);
        pools.ejectNode(9, nodeA);
        vm.stopPrank();
        // An invite for a pool that does not exist cannot even be digested.
        vm.expectRevert(err);
        pools.inviteDigest(9, nodeA, provider, 0, block.timestamp);
        IComputePool.Invite memory invite =
            IComputePool.Invite({nodeKey: nodeA, nonce: 0, expiry: block.timestamp, signature: new bytes(65)});
        _expectJoinManyRevert(provider, 9, _invites(invite), err);
        vm.expectRevert(err);
        _leave(provider, 9, nodeA);
        // Every batch function names the unknown pool, moves from and to one included.
        vm.startPrank(creator);
        vm.expectRevert(err);
        pools.blacklistProviders(9, _one(provider), new address[](0));
        vm.expectRevert(err);
        pools.blacklistNodes(9, _one(nodeA), true);
        vm.stopPrank();
        uint256 started = _startedPool(0);
        _join(provider, started, nodeA, 0);
        vm.expectRevert(err);
        vm.prank(provider);
        pools.moveComputeNodes(9, started, _invites(invite));
        vm.expectRevert(err);
        vm.prank(provider);
        pools.moveComputeNodes(started, 9, _invites(invite));
        assertTrue(registry.getNode(nodeA).active, "nothing moved");
    }

    /* LIFECYCLE */

    function test_startComputePool_byCreatorOrManager() public {
        uint256 id = _createPool(domainId, 0);
        vm.warp(5000);
        vm.expectEmit(address(pools));
        emit IComputePool.PoolStarted(id);
        vm.prank(manager);
        pools.startComputePool(id);
        IComputePool.Pool memory pool = pools.getPool(id);
        assertEq(uint8(pool.status), uint8(IComputePool.PoolStatus.ACTIVE), "status");
        assertEq(pool.startedAt, 5000, "startedAt");
    }

    /// @dev Timestamps past 2^32 - 1 (year 2106) must not wrap: the RewardsDistributor already
    /// reverts there (SafeCast), so a start that stored a wrapped startedAt would be the one silent
    /// truncation. Either the call reverts or it stores the real time.
    function test_startComputePool_neverStoresWrappedTimestamp() public {
        uint256 id = _createPool(domainId, 0);
        vm.warp(uint256(type(uint32).max) + 1);
        vm.prank(creator);
        try pools.startComputePool(id) {
            assertEq(pools.getPool(id).startedAt, block.timestamp, "startedAt wrapped");
        } catch {}
    }

    function test_startComputePool_revertsIfNotOperator() public {
        uint256 id = _createPool(domainId, 0);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CallerNotPoolOperator.selector, id, stranger));
        vm.prank(stranger);
        pools.startComputePool(id);
    }

    function test_startComputePool_revertsIfActive() public {
        vm.expectRevert(
            abi.encodeWithSelector(IComputePool.InvalidPoolStatus.selector, poolId, IComputePool.PoolStatus.ACTIVE)
        );
        vm.prank(creator);
        pools.startComputePool(poolId);
    }

    function test_startComputePool_revertsIfCompleted() public {
        vm.startPrank(creator);
        pools.endComputePool(poolId);
        vm.expectRevert(
            abi.encodeWithSelector(IComputePool.InvalidPoolStatus.selector, poolId, IComputePool.PoolStatus.COMPLETED)
        );
        pools.startComputePool(poolId);
        vm.stopPrank();
    }

    function test_endComputePool_fromActive() public {
        vm.warp(9000);
        vm.expectEmit(address(pools));
        emit IComputePool.PoolEnded(poolId);
        vm.prank(manager);
        pools.endComputePool(poolId);
        IComputePool.Pool memory pool = pools.getPool(poolId);
        assertEq(uint8(pool.status), uint8(IComputePool.PoolStatus.COMPLETED), "status");
        assertEq(pool.endedAt, 9000, "endedAt");
        assertTrue(rewards.getPoolRewards(poolId).ended, "ledger ended");
    }

    function test_endComputePool_fromPending() public {
        uint256 id = _createPool(domainId, 0);
        vm.prank(creator);
        pools.endComputePool(id);
        IComputePool.Pool memory pool = pools.getPool(id);
        assertEq(uint8(pool.status), uint8(IComputePool.PoolStatus.COMPLETED), "status");
        assertEq(pool.startedAt, 0, "never started");
        assertEq(pool.endedAt, block.timestamp, "endedAt");
    }

    function test_endComputePool_revertsIfEndedTwice() public {
        vm.startPrank(creator);
        pools.endComputePool(poolId);
        vm.expectRevert(
            abi.encodeWithSelector(IComputePool.InvalidPoolStatus.selector, poolId, IComputePool.PoolStatus.COMPLETED)
        );
        pools.endComputePool(poolId);
        vm.stopPrank();
    }

    function test_endComputePool_revertsIfNotOperator() public {
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CallerNotPoolOperator.selector, poolId, provider));
        vm.prank(provider);
        pools.endComputePool(poolId);
    }

    /* JOIN: REJECTIONS, ONE RULE AT A TIME */

    function test_joinComputePool_revertsIfPending() public {
        uint256 id = _createPool(domainId, 0);
        _expectJoinManyRevert(
            provider,
            id,
            _invites(_invite(id, nodeA, 0)),
            abi.encodeWithSelector(IComputePool.InvalidPoolStatus.selector, id, IComputePool.PoolStatus.PENDING)
        );
    }

    function test_joinComputePool_revertsIfCompleted() public {
        vm.prank(creator);
        pools.endComputePool(poolId);
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeA, 0),
            abi.encodeWithSelector(IComputePool.InvalidPoolStatus.selector, poolId, IComputePool.PoolStatus.COMPLETED)
        );
    }

    function test_joinComputePool_revertsIfEmptyBatch() public {
        vm.expectRevert(ICommonErrors.EmptyBatch.selector);
        _joinMany(provider, poolId, new IComputePool.Invite[](0));
    }

    function test_joinComputePool_revertsIfProviderBlacklisted() public {
        vm.prank(creator);
        pools.blacklistProviders(poolId, _one(provider), new address[](0));
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeA, 0),
            abi.encodeWithSelector(IComputePool.ProviderBlacklisted.selector, poolId, provider)
        );
    }

    function test_joinComputePool_revertsIfNodeBlacklisted() public {
        vm.prank(manager);
        pools.blacklistNodes(poolId, _one(nodeA), false);
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeA, 0),
            abi.encodeWithSelector(IComputePool.NodeBlacklisted.selector, poolId, nodeA)
        );
        // The provider's other nodes are unaffected.
        _join(provider, poolId, nodeB, 1);
        assertTrue(registry.getNode(nodeB).active, "B joined");
    }

    function test_joinComputePool_revertsIfInviteExpired() public {
        uint256 expiry = block.timestamp - 1;
        _expectJoinRevert(
            provider,
            _inviteSignedBy(managerPk, poolId, nodeA, 0, expiry),
            abi.encodeWithSelector(IComputePool.InviteExpired.selector, poolId, nodeA, expiry)
        );
    }

    function test_joinComputePool_revertsIfNonceReused() public {
        _join(provider, poolId, nodeA, 5);
        _leave(provider, poolId, nodeA);
        // A fresh, correctly signed invite with the used nonce, even for the same node.
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeA, 5),
            abi.encodeWithSelector(IComputePool.InviteNonceUsed.selector, poolId, 5)
        );
        // And for another node.
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeB, 5),
            abi.encodeWithSelector(IComputePool.InviteNonceUsed.selector, poolId, 5)
        );
    }

    function test_joinComputePool_revertsIfNonceRepeatedInBatch() public {
        _expectJoinManyRevert(
            provider,
            poolId,
            _invites(_invite(poolId, nodeA, 3), _invite(poolId, nodeB, 3)),
            abi.encodeWithSelector(IComputePool.InviteNonceUsed.selector, poolId, 3)
        );
        // The whole batch reverted: nonce 3 is still free.
        assertFalse(pools.isInviteNonceUsed(poolId, 3), "nonce free");
        assertFalse(registry.getNode(nodeA).active, "A not joined");
    }

    function test_joinComputePool_revertsIfWrongSigner() public {
        (, uint256 otherPk) = makeAddrAndKey("impostor");
        _expectJoinRevert(
            provider,
            _inviteSignedBy(otherPk, poolId, nodeA, 0, block.timestamp + 1),
            abi.encodeWithSelector(IComputePool.InvalidInviteSignature.selector, poolId, nodeA)
        );
    }

    function test_joinComputePool_revertsIfInviteForAnotherNode() public {
        IComputePool.Invite memory invite = _invite(poolId, nodeA, 0);
        invite.nodeKey = nodeB;
        _expectJoinRevert(
            provider, invite, abi.encodeWithSelector(IComputePool.InvalidInviteSignature.selector, poolId, nodeB)
        );
    }

    function test_joinComputePool_revertsIfCallerNotNodeProvider() public {
        // Even with an invite made out to it, a provider cannot join a node that is not its own.
        _expectJoinRevert(
            provider2,
            _inviteFor(poolId, nodeA, provider2, 0),
            abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, nodeA, provider2)
        );
        // And another provider's invite does not verify for it.
        _expectJoinRevert(
            provider2,
            _invite(poolId, nodeA, 0),
            abi.encodeWithSelector(IComputePool.InvalidInviteSignature.selector, poolId, nodeA)
        );
        // The failed attempt did not burn the provider's invite.
        _join(provider, poolId, nodeA, 0);
        assertTrue(registry.getNode(nodeA).active, "A joined");
    }

    function test_joinComputePool_revertsIfNodeNotRegistered() public {
        (address ghost,) = _nodeKey("ghost");
        _expectJoinRevert(
            provider,
            _inviteFor(poolId, ghost, provider, 0),
            abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, ghost)
        );
    }

    function test_joinComputePool_revertsIfNodeNotValidated() public {
        vm.prank(validator);
        network.invalidateNode(nodeA, _noEvictions());
        _expectJoinRevert(
            provider, _invite(poolId, nodeA, 0), abi.encodeWithSelector(IComputePool.NodeNotValidated.selector, nodeA)
        );
    }

    function test_joinComputePool_revertsIfProviderNotWhitelisted() public {
        vm.prank(validator);
        network.blacklistProvider(provider, _noEvictions());
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeA, 0),
            abi.encodeWithSelector(IComputePool.ProviderNotWhitelisted.selector, provider)
        );
    }

    function test_joinComputePool_revertsIfAlreadyInThisPool() public {
        _join(provider, poolId, nodeA, 0);
        _expectJoinRevert(
            provider, _invite(poolId, nodeA, 1), abi.encodeWithSelector(IComputeRegistry.NodeActive.selector, nodeA)
        );
    }

    function test_joinComputePool_revertsIfInAnotherPool() public {
        uint256 other = _startedPool(0);
        _join(provider, other, nodeA, 0);
        _expectJoinRevert(
            provider, _invite(poolId, nodeA, 0), abi.encodeWithSelector(IComputeRegistry.NodeActive.selector, nodeA)
        );
    }

    function test_joinComputePool_revertsIfSameNodeTwiceInBatch() public {
        _expectJoinManyRevert(
            provider,
            poolId,
            _invites(_invite(poolId, nodeA, 0), _invite(poolId, nodeA, 1)),
            abi.encodeWithSelector(IComputeRegistry.NodeActive.selector, nodeA)
        );
    }

    function test_joinComputePool_revertsIfComputeLimitExceeded() public {
        uint256 id = _startedPool(5);
        _join(provider, id, nodeC, 0); // 3 units
        _expectJoinManyRevert(
            provider2,
            id,
            _invites(_invite(id, nodeP2, 1)),
            abi.encodeWithSelector(IComputePool.PoolComputeLimitExceeded.selector, id, 7, 5)
        ); // +4 = 7 > 5
    }

    function test_joinComputePool_batchRevertsIfComputeLimitExceeded() public {
        uint256 id = _startedPool(5);
        _expectJoinManyRevert(
            provider,
            id,
            _invites(_invite(id, nodeA, 0), _invite(id, nodeB, 1), _invite(id, nodeC, 2)),
            abi.encodeWithSelector(IComputePool.PoolComputeLimitExceeded.selector, id, 6, 5)
        );
        _assertPoolLedger(id, 0, 0);
        assertEq(_activeNodes(provider), 0, "nothing joined");
    }

    function test_joinComputePool_exactlyAtComputeLimit() public {
        uint256 id = _startedPool(6);
        _joinMany(provider, id, _invites(_invite(id, nodeA, 0), _invite(id, nodeB, 1), _invite(id, nodeC, 2)));
        _assertPoolLedger(id, 6, 3);
        // One more unit is too many.
        _expectJoinManyRevert(
            provider2,
            id,
            _invites(_invite(id, nodeP2, 3)),
            abi.encodeWithSelector(IComputePool.PoolComputeLimitExceeded.selector, id, 10, 6)
        );
    }

    function test_joinComputePool_limitOneBelowBatch() public {
        testFuzz_joinComputePool_computeLimit(5);
    }

    function test_joinComputePool_limitEqualToBatch() public {
        testFuzz_joinComputePool_computeLimit(6);
    }

    /// @dev A batch of 6 units joins a pool with limit `limit` exactly when the limit is 0 or >= 6.
    /// Half the runs take limits near the batch, half anywhere in the stored range.
    function testFuzz_joinComputePool_computeLimit(uint256 limit) public {
        limit = limit % 2 == 0 ? bound(limit, 0, 12) : bound(limit, 0, type(uint64).max);
        uint256 id = _startedPool(limit);
        IComputePool.Invite[] memory invites =
            _invites(_invite(id, nodeA, 0), _invite(id, nodeB, 1), _invite(id, nodeC, 2));
        if (limit != 0 && limit < 6) {
            _expectJoinManyRevert(
                provider,
                id,
                invites,
                abi.encodeWithSelector(IComputePool.PoolComputeLimitExceeded.selector, id, 6, limit)
            );
            _assertPoolLedger(id, 0, 0);
        } else {
            _joinMany(provider, id, invites);
            _assertPoolLedger(id, 6, 3);
        }
    }

    function test_joinComputePool_limitFreedByLeave() public {
        uint256 id = _startedPool(4);
        _join(provider, id, nodeC, 0);
        _leave(provider, id, nodeC);
        _join(provider2, id, nodeP2, 1);
        _assertPoolLedger(id, 4, 1);
    }

    function test_joinComputePool_revertsIfPaused() public {
        vm.prank(federator);
        network.pause();
        _expectJoinRevert(
            provider, _invite(poolId, nodeA, 0), abi.encodeWithSelector(ICommonErrors.NetworkPaused.selector)
        );
    }

    /* JOIN: SUCCESS */

    function test_joinComputePool_batch() public {
        IComputePool.Invite[] memory invites =
            _invites(_invite(poolId, nodeA, 10), _invite(poolId, nodeB, 11), _invite(poolId, nodeC, 12));
        vm.expectEmit(address(pools));
        emit IComputePool.NodeJoinedPool(poolId, provider, nodeA, 10);
        vm.expectEmit(address(pools));
        emit IComputePool.NodeJoinedPool(poolId, provider, nodeB, 11);
        vm.expectEmit(address(pools));
        emit IComputePool.NodeJoinedPool(poolId, provider, nodeC, 12);
        _joinMany(provider, poolId, invites);

        assertTrue(registry.getNode(nodeA).active, "A active");
        assertTrue(registry.getNode(nodeB).active, "B active");
        assertTrue(registry.getNode(nodeC).active, "C active");
        assertEq(_activeNodes(provider), 3, "activeNodeCount");
        _assertPoolLedger(poolId, 6, 3);
        assertTrue(pools.isInviteNonceUsed(poolId, 10), "nonce 10");
        assertTrue(pools.isInviteNonceUsed(poolId, 11), "nonce 11");
        assertTrue(pools.isInviteNonceUsed(poolId, 12), "nonce 12");

        IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, nodeB);
        assertEq(record.provider, provider, "record provider");
        assertEq(record.computeUnits, 2, "record units");
        assertEq(record.joinedAt, block.timestamp, "record joinedAt");
    }

    function test_joinComputePool_twoProviders() public {
        _join(provider, poolId, nodeA, 0);
        _join(provider2, poolId, nodeP2, 1);
        assertEq(_activeNodes(provider), 1, "provider active");
        assertEq(_activeNodes(provider2), 1, "provider2 active");
        _assertPoolLedger(poolId, 5, 2);
    }

    function test_joinComputePool_batchRevertsAsAWhole() public {
        vm.prank(validator);
        network.invalidateNode(nodeC, _noEvictions());
        _expectJoinManyRevert(
            provider,
            poolId,
            _invites(_invite(poolId, nodeA, 0), _invite(poolId, nodeB, 1), _invite(poolId, nodeC, 2)),
            abi.encodeWithSelector(IComputePool.NodeNotValidated.selector, nodeC)
        );
        assertFalse(registry.getNode(nodeA).active, "A not active");
        assertEq(_activeNodes(provider), 0, "no active nodes");
        _assertPoolLedger(poolId, 0, 0);
        assertFalse(pools.isInviteNonceUsed(poolId, 0), "nonce 0 free");
    }

    /* LEAVE */

    function test_leaveComputePool_someNodes() public {
        _joinMany(
            provider, poolId, _invites(_invite(poolId, nodeA, 0), _invite(poolId, nodeB, 1), _invite(poolId, nodeC, 2))
        );
        skip(100);
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeB, address(0));
        _leave(provider, poolId, nodeB);

        assertFalse(registry.getNode(nodeB).active, "B inactive");
        assertTrue(registry.getNode(nodeA).active, "A active");
        assertEq(_activeNodes(provider), 2, "activeNodeCount");
        _assertPoolLedger(poolId, 4, 2);
        IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, nodeB);
        assertEq(record.joinedAt, 0, "joinedAt cleared");
        assertEq(record.activeSeconds, 100, "activeSeconds");
    }

    function test_leaveComputePool_allNodes() public {
        _joinMany(
            provider, poolId, _invites(_invite(poolId, nodeA, 0), _invite(poolId, nodeB, 1), _invite(poolId, nodeC, 2))
        );
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeA, address(0));
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeB, address(0));
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeC, address(0));
        vm.prank(provider);
        pools.leaveComputePool(poolId, _list(nodeA, nodeB, nodeC));
        assertEq(_activeNodes(provider), 0, "activeNodeCount");
        _assertPoolLedger(poolId, 0, 0);
    }

    function test_leaveComputePool_worksWhenPaused() public {
        _join(provider, poolId, nodeA, 0);
        vm.prank(federator);
        network.pause();
        _leave(provider, poolId, nodeA);
        assertFalse(registry.getNode(nodeA).active, "left while paused");
    }

    function test_leaveComputePool_worksAfterPoolEnded() public {
        _join(provider, poolId, nodeA, 0);
        skip(50);
        vm.prank(creator);
        pools.endComputePool(poolId);
        skip(50);
        _leave(provider, poolId, nodeA);
        assertFalse(registry.getNode(nodeA).active, "left");
        // Time stopped counting at the end.
        assertEq(rewards.getNodeRecord(poolId, nodeA).activeSeconds, 50, "activeSeconds");
        // The node is free for another pool.
        uint256 other = _startedPool(0);
        _join(provider, other, nodeA, 0);
    }

    function test_leaveComputePool_skipsNodeInAnotherPool() public {
        uint256 other = _startedPool(0);
        _join(provider, other, nodeA, 0);
        vm.prank(provider);
        assertEq(pools.leaveComputePool(poolId, _one(nodeA)), 0, "nothing left this pool");
        assertTrue(registry.getNode(nodeA).active, "still active");
        _assertPoolLedger(other, 1, 1);
    }

    function test_leaveComputePool_revertsIfCallerNotNodeProvider() public {
        _join(provider, poolId, nodeA, 0);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, nodeA, provider2));
        _leave(provider2, poolId, nodeA);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, nodeA, creator));
        _leave(creator, poolId, nodeA);
        assertTrue(registry.getNode(nodeA).active, "still active");
    }

    function test_leaveComputePool_skipsNodeInNoPool() public {
        vm.recordLogs();
        vm.prank(provider);
        assertEq(pools.leaveComputePool(poolId, _one(nodeA)), 0, "nothing to leave");
        assertEq(vm.getRecordedLogs().length, 0, "no event");
    }

    function test_leaveComputePool_revertsIfEmptyBatch() public {
        vm.expectRevert(ICommonErrors.EmptyBatch.selector);
        vm.prank(provider);
        pools.leaveComputePool(poolId, new address[](0));
    }

    /* EJECT AND BLACKLIST */

    function test_ejectNode_removesNode() public {
        _join(provider, poolId, nodeA, 0);
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeA, manager);
        vm.prank(manager);
        pools.ejectNode(poolId, nodeA);
        assertFalse(registry.getNode(nodeA).active, "inactive");
        assertEq(_activeNodes(provider), 0, "activeNodeCount");
        _assertPoolLedger(poolId, 0, 0);
        // Ejected, not blacklisted: it may come back with a new invite.
        _join(provider, poolId, nodeA, 1);
    }

    function test_ejectNode_revertsIfNotOperator() public {
        _join(provider, poolId, nodeA, 0);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CallerNotPoolOperator.selector, poolId, provider));
        vm.prank(provider);
        pools.ejectNode(poolId, nodeA);
    }

    function test_ejectNode_revertsIfNodeInAnotherPool() public {
        uint256 other = _startedPool(0);
        _join(provider, other, nodeA, 0);
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NodeNotInPool.selector, poolId, nodeA));
        vm.prank(creator);
        pools.ejectNode(poolId, nodeA);
    }

    function test_blacklistProvider_purgesListedNodes() public {
        _joinMany(
            provider, poolId, _invites(_invite(poolId, nodeA, 0), _invite(poolId, nodeB, 1), _invite(poolId, nodeC, 2))
        );
        _join(provider2, poolId, nodeP2, 3);

        vm.expectEmit(address(pools));
        emit IComputePool.PoolProviderBlacklisted(poolId, provider);
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeA, creator);
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeC, creator);
        vm.prank(creator);
        pools.blacklistProviders(poolId, _one(provider), _list(nodeA, nodeC));

        assertTrue(pools.isProviderBlacklisted(poolId, provider), "blacklisted");
        assertFalse(pools.isProviderBlacklisted(poolId, provider2), "provider2 not blacklisted");
        assertFalse(registry.getNode(nodeA).active, "A ejected");
        assertTrue(registry.getNode(nodeB).active, "B not listed, stays");
        assertFalse(registry.getNode(nodeC).active, "C ejected");
        assertEq(_activeNodes(provider), 1, "activeNodeCount");
        _assertPoolLedger(poolId, 6, 2);
    }

    function test_blacklistProvider_withoutPurgeOnlyBlocksJoins() public {
        _join(provider, poolId, nodeA, 0);
        vm.prank(manager);
        pools.blacklistProviders(poolId, _one(provider), new address[](0));
        assertTrue(registry.getNode(nodeA).active, "A stays");
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeB, 1),
            abi.encodeWithSelector(IComputePool.ProviderBlacklisted.selector, poolId, provider)
        );
        // Only in this pool.
        uint256 other = _startedPool(0);
        _join(provider, other, nodeB, 1);
    }

    function test_blacklistProvider_revertsIfNodeOfAnotherProvider() public {
        _join(provider, poolId, nodeA, 0);
        _join(provider2, poolId, nodeP2, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IComputePool.NodeProviderNotBlacklisted.selector, poolId, nodeP2, provider2)
        );
        vm.prank(creator);
        pools.blacklistProviders(poolId, _one(provider), _list(nodeA, nodeP2));
        // All or nothing.
        assertFalse(pools.isProviderBlacklisted(poolId, provider), "not blacklisted");
        assertTrue(registry.getNode(nodeA).active, "A stays");
        assertTrue(registry.getNode(nodeP2).active, "P2 stays");
    }

    function test_blacklistProvider_revertsIfNotOperator() public {
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CallerNotPoolOperator.selector, poolId, stranger));
        vm.prank(stranger);
        pools.blacklistProviders(poolId, _one(provider), new address[](0));
    }

    function test_blacklistProvider_revertsIfZeroAddress() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        vm.prank(creator);
        pools.blacklistProviders(poolId, _one(address(0)), new address[](0));
    }

    function test_blacklistNode_withPurge() public {
        _join(provider, poolId, nodeA, 0);
        vm.expectEmit(address(pools));
        emit IComputePool.PoolNodeBlacklisted(poolId, nodeA);
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeA, manager);
        vm.prank(manager);
        pools.blacklistNodes(poolId, _one(nodeA), true);
        assertTrue(pools.isNodeBlacklisted(poolId, nodeA), "blacklisted");
        assertFalse(registry.getNode(nodeA).active, "ejected");
        _assertPoolLedger(poolId, 0, 0);
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeA, 1),
            abi.encodeWithSelector(IComputePool.NodeBlacklisted.selector, poolId, nodeA)
        );
    }

    function test_blacklistNode_withoutPurge() public {
        _join(provider, poolId, nodeA, 0);
        vm.prank(creator);
        pools.blacklistNodes(poolId, _one(nodeA), false);
        assertTrue(pools.isNodeBlacklisted(poolId, nodeA), "blacklisted");
        assertTrue(registry.getNode(nodeA).active, "stays");
        _leave(provider, poolId, nodeA);
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeA, 1),
            abi.encodeWithSelector(IComputePool.NodeBlacklisted.selector, poolId, nodeA)
        );
    }

    function test_blacklistNodes_purgeSkipsNodesNotInPool() public {
        _join(provider, poolId, nodeB, 0);
        vm.recordLogs();
        vm.prank(creator);
        pools.blacklistNodes(poolId, _list(nodeA, nodeB), true);
        assertEq(vm.getRecordedLogs().length, 3, "two blacklists, one ejection");
        assertTrue(pools.isNodeBlacklisted(poolId, nodeA), "A blacklisted though it was not in the pool");
        assertTrue(pools.isNodeBlacklisted(poolId, nodeB), "B blacklisted");
        assertFalse(registry.getNode(nodeB).active, "B purged");
        _assertPoolLedger(poolId, 0, 0);
    }

    function test_blacklistNode_revertsIfNotOperatorOrZero() public {
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CallerNotPoolOperator.selector, poolId, provider));
        vm.prank(provider);
        pools.blacklistNodes(poolId, _one(nodeA), false);
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        vm.prank(creator);
        pools.blacklistNodes(poolId, _one(address(0)), false);
    }

    /* UPDATE */

    function test_updatePool_setsLimitAndDataURI() public {
        _join(provider, poolId, nodeC, 0);
        vm.expectEmit(address(pools));
        emit IComputePool.PoolUpdated(poolId, 3, "ipfs://v2");
        vm.prank(creator);
        pools.updatePool(poolId, 3, "ipfs://v2");
        IComputePool.Pool memory pool = pools.getPool(poolId);
        assertEq(pool.computeLimit, 3, "limit: exactly the compute in the pool is allowed");
        assertEq(pool.poolDataURI, "ipfs://v2", "data URI");
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeA, 1),
            abi.encodeWithSelector(IComputePool.PoolComputeLimitExceeded.selector, poolId, 4, 3)
        );

        vm.prank(creator);
        pools.updatePool(poolId, 0, "");
        _join(provider, poolId, nodeA, 1);
        _assertPoolLedger(poolId, 4, 2);
    }

    function test_updatePool_revertsBelowTheComputeInThePool() public {
        _join(provider, poolId, nodeC, 0);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ComputeLimitBelowTotal.selector, poolId, 2, 3));
        vm.prank(creator);
        pools.updatePool(poolId, 2, "ipfs://v2");
    }

    function test_updatePool_revertsForOthersAndBadInput() public {
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotPoolCreator.selector, poolId, manager));
        vm.prank(manager);
        pools.updatePool(poolId, 10, "");
        uint256 max = type(uint64).max;
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ComputeLimitTooLarge.selector, max + 1, max));
        vm.prank(creator);
        pools.updatePool(poolId, max + 1, "");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.PoolNotFound.selector, 9));
        vm.prank(creator);
        pools.updatePool(9, 1, "");
    }

    /* MOVE */

    function test_moveComputeNodes_leavesOnePoolAndJoinsTheOther() public {
        uint256 target = _startedPool(0);
        _joinMany(provider, poolId, _invites(_invite(poolId, nodeA, 0), _invite(poolId, nodeB, 1)));
        skip(100);

        IComputePool.Invite[] memory invites = _invites(_invite(target, nodeA, 0), _invite(target, nodeB, 1));
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeA, address(0));
        vm.prank(provider);
        pools.moveComputeNodes(poolId, target, invites);

        _assertPoolLedger(poolId, 0, 0);
        _assertPoolLedger(target, 3, 2);
        assertEq(rewards.getNodeRecord(poolId, nodeA).activeSeconds, 100, "time in the old pool counted");
        assertEq(rewards.getNodeRecord(target, nodeB).joinedAt, vm.getBlockTimestamp(), "in the new pool now");
        assertEq(_activeNodes(provider), 2, "still two active nodes");
    }

    function test_moveComputeNodes_isAllOrNothing() public {
        uint256 target = _startedPool(0);
        _join(provider, poolId, nodeA, 0);
        // The second invite is signed by a stranger: the whole move reverts, A stays where it was.
        (, uint256 strangerPk) = makeAddrAndKey("notTheManager");
        IComputePool.Invite[] memory invites = _invites(_invite(target, nodeA, 0));
        invites[0] = _inviteSignedBy(strangerPk, target, nodeA, 0, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidInviteSignature.selector, target, nodeA));
        vm.prank(provider);
        pools.moveComputeNodes(poolId, target, invites);
        _assertPoolLedger(poolId, 1, 1);
        _assertPoolLedger(target, 0, 0);
    }

    /// @dev Finding 8: an operator ejected one node of the batch first, and the whole move reverted.
    /// Like leave and purge, move now skips it (it neither leaves nor joins, its invite stays unused)
    /// and says how many moved.
    function test_moveComputeNodes_skipsNodesAlreadyOutOfTheSourcePool() public {
        uint256 target = _startedPool(0);
        _join(provider, poolId, nodeA, 0);
        _join(provider, poolId, nodeB, 1);
        vm.prank(manager);
        pools.ejectNode(poolId, nodeA);

        IComputePool.Invite[] memory invites = new IComputePool.Invite[](2);
        (invites[0], invites[1]) = (_invite(target, nodeA, 0), _invite(target, nodeB, 1));
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeB, address(0));
        vm.expectEmit(address(pools));
        emit IComputePool.NodeJoinedPool(target, provider, nodeB, 1);
        vm.prank(provider);
        assertEq(pools.moveComputeNodes(poolId, target, invites), 1, "one moved");
        assertEq(rewards.getNodeRecord(target, nodeB).joinedAt, vm.getBlockTimestamp(), "B moved");
        assertEq(rewards.getNodeRecord(target, nodeA).joinedAt, 0, "A skipped, not joined");
        assertFalse(pools.isInviteNonceUsed(target, 0), "A's invite unused");

        // Nothing left to move: nothing happens, nothing reverts.
        vm.prank(provider);
        assertEq(pools.moveComputeNodes(poolId, target, _invites(_invite(target, nodeA, 0))), 0, "none moved");
        assertFalse(registry.getNode(nodeA).active, "A stays out");
    }

    function test_moveComputeNodes_revertsForAnotherProvidersNodesOrTheSamePool() public {
        uint256 target = _startedPool(0);
        _join(provider2, poolId, nodeP2, 0);
        IComputePool.Invite[] memory moveP2 = _invites(_invite(target, nodeP2, 0));
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, nodeP2, provider));
        vm.prank(provider);
        pools.moveComputeNodes(poolId, target, moveP2);

        IComputePool.Invite[] memory stay = _invites(_invite(poolId, nodeP2, 1));
        vm.expectRevert(abi.encodeWithSelector(IComputePool.SamePool.selector, poolId));
        vm.prank(provider2);
        pools.moveComputeNodes(poolId, poolId, stay);
    }

    /* ELIGIBILITY */

    /// @dev Finding: joining never checked stake, so a provider slashed to zero could still join.
    function test_joinComputePool_revertsWhenStakeIsBelowTheMinimum() public {
        vm.prank(validator);
        network.slash(provider, 1, _noEvictions());
        (uint256 required, uint256 active) = network.stakeStatus(provider);
        assertEq(required, STAKE_MINIMUM * 7, "required for 6 units");
        assertEq(active, STAKE_MINIMUM * 7 - 1, "one short");
        _expectJoinRevert(
            provider,
            _invite(poolId, nodeA, 0),
            abi.encodeWithSelector(IPrimeNetwork.InsufficientStake.selector, provider, required, active)
        );
        vm.prank(provider);
        network.increaseStake(1);
        _join(provider, poolId, nodeA, 0);
    }

    function test_ejectIneligibleNodes_takesOutOnlyIneligibleMembers() public {
        uint256 other = _startedPool(0);
        _joinMany(provider, poolId, _invites(_invite(poolId, nodeA, 0), _invite(poolId, nodeB, 1)));
        _join(provider2, other, nodeP2, 0);
        vm.prank(validator);
        network.invalidateNode(nodeA, _noEvictions());

        IComputePool.PoolNode[] memory listed = new IComputePool.PoolNode[](4);
        listed[0] = IComputePool.PoolNode({poolId: poolId, nodeKey: nodeA}); // invalidated: out
        listed[1] = IComputePool.PoolNode({poolId: poolId, nodeKey: nodeB}); // eligible: stays
        listed[2] = IComputePool.PoolNode({poolId: other, nodeKey: nodeP2}); // eligible: stays
        listed[3] = IComputePool.PoolNode({poolId: poolId, nodeKey: nodeC}); // in no pool: skipped
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeA, stranger);
        vm.prank(stranger);
        assertEq(pools.ejectIneligibleNodes(listed), 1, "one ejected");
        assertFalse(registry.getNode(nodeA).active, "A out");
        assertTrue(registry.getNode(nodeB).active, "B stays");
        assertTrue(registry.getNode(nodeP2).active, "P2 stays");
        _assertPoolLedger(poolId, 2, 1);
    }

    function test_ejectIneligibleNodes_coversEveryReason() public {
        uint256[4] memory ids;
        for (uint256 i; i < 4; ++i) {
            ids[i] = _startedPool(0);
        }
        _join(provider, ids[0], nodeA, 0);
        _join(provider, ids[1], nodeB, 0);
        _join(provider, ids[2], nodeC, 0);
        _join(provider2, ids[3], nodeP2, 0);
        vm.startPrank(creator);
        pools.blacklistNodes(ids[0], _one(nodeA), false); // node blacklisted from its pool
        pools.blacklistProviders(ids[1], _one(provider), new address[](0)); // provider blacklisted there
        vm.stopPrank();
        vm.prank(validator);
        network.blacklistProvider(provider2, _noEvictions()); // off the network whitelist

        IComputePool.PoolNode[] memory listed = new IComputePool.PoolNode[](4);
        listed[0] = IComputePool.PoolNode({poolId: ids[0], nodeKey: nodeA});
        listed[1] = IComputePool.PoolNode({poolId: ids[1], nodeKey: nodeB});
        listed[2] = IComputePool.PoolNode({poolId: ids[2], nodeKey: nodeC}); // eligible
        listed[3] = IComputePool.PoolNode({poolId: ids[3], nodeKey: nodeP2});
        assertEq(pools.ejectIneligibleNodes(listed), 3, "all but C");
        assertTrue(registry.getNode(nodeC).active, "C stays");

        // Short of stake: C goes too.
        vm.prank(validator);
        network.slash(provider, 1, _noEvictions());
        assertEq(pools.ejectIneligibleNodes(listed), 1, "C, for the stake");
        assertEq(_activeNodes(provider), 0, "provider has nothing in pools");
    }

    /* BATCH BLACKLISTS */

    function test_blacklistProviders_manyAtOnce() public {
        _join(provider, poolId, nodeA, 0);
        _join(provider2, poolId, nodeP2, 1);
        vm.prank(manager);
        pools.blacklistProviders(poolId, _list(provider, provider2), _list(nodeA, nodeP2));
        assertTrue(pools.isProviderBlacklisted(poolId, provider), "provider");
        assertTrue(pools.isProviderBlacklisted(poolId, provider2), "provider2");
        _assertPoolLedger(poolId, 0, 0);
    }

    /* VIEWS */

    function test_getNodeRecords_returnsEachRecordSettled() public {
        _joinMany(provider, poolId, _invites(_invite(poolId, nodeA, 0), _invite(poolId, nodeC, 1)));
        vm.prank(creator);
        rewards.setRewardRate(poolId, 5);
        vm.prank(funder);
        rewards.fundPool(poolId, 1e18);
        skip(10);
        IRewardsDistributor.NodeRecord[] memory records = rewards.getNodeRecords(poolId, _list(nodeA, nodeB, nodeC));
        assertEq(records.length, 3, "one per key");
        assertEq(records[0].unclaimed, 5 * 1 * 10, "A settled");
        assertEq(records[1].provider, address(0), "B never joined");
        assertEq(records[2].unclaimed, 5 * 3 * 10, "C settled");
        assertEq(records[2].provider, provider, "C's provider");
    }

    /* MANAGER KEY */

    function test_setComputeManagerKey_rotatesKey() public {
        (address newKey, uint256 newPk) = makeAddrAndKey("newManager");
        IComputePool.Invite memory oldInvite = _invite(poolId, nodeA, 0);

        vm.expectEmit(address(pools));
        emit IComputePool.ComputeManagerKeyUpdated(poolId, newKey, 1);
        vm.prank(creator);
        pools.setComputeManagerKey(poolId, newKey);
        assertEq(pools.getPool(poolId).computeManagerKey, newKey, "key");

        _expectJoinRevert(
            provider, oldInvite, abi.encodeWithSelector(IComputePool.InvalidInviteSignature.selector, poolId, nodeA)
        );
        _joinMany(provider, poolId, _invites(_inviteSignedBy(newPk, poolId, nodeA, 0, block.timestamp)));
        assertTrue(registry.getNode(nodeA).active, "joined with new key");

        // The old key no longer runs the pool either.
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CallerNotPoolOperator.selector, poolId, manager));
        vm.prank(manager);
        pools.ejectNode(poolId, nodeA);
        vm.prank(newKey);
        pools.ejectNode(poolId, nodeA);
    }

    function test_setComputeManagerKey_revertsIfNotCreator() public {
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotPoolCreator.selector, poolId, manager));
        vm.prank(manager);
        pools.setComputeManagerKey(poolId, stranger);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotPoolCreator.selector, poolId, stranger));
        vm.prank(stranger);
        pools.setComputeManagerKey(poolId, stranger);
    }

    function test_setComputeManagerKey_revertsIfZero() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        vm.prank(creator);
        pools.setComputeManagerKey(poolId, address(0));
    }

    /* INVITE NONCES */

    function test_cancelInviteNonce_blocksInvite() public {
        IComputePool.Invite memory invite = _invite(poolId, nodeA, 42);
        vm.expectEmit(address(pools));
        emit IComputePool.InviteNonceCancelled(poolId, 42);
        vm.prank(manager);
        pools.cancelInviteNonce(poolId, 42);
        assertTrue(pools.isInviteNonceUsed(poolId, 42), "used");
        _expectJoinRevert(provider, invite, abi.encodeWithSelector(IComputePool.InviteNonceUsed.selector, poolId, 42));
    }

    function test_cancelInviteNonce_revertsIfCancelledTwice() public {
        vm.startPrank(creator);
        pools.cancelInviteNonce(poolId, 42);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InviteNonceUsed.selector, poolId, 42));
        pools.cancelInviteNonce(poolId, 42);
        vm.stopPrank();
    }

    function test_cancelInviteNonce_revertsIfAlreadyUsed() public {
        _join(provider, poolId, nodeA, 7);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InviteNonceUsed.selector, poolId, 7));
        vm.prank(creator);
        pools.cancelInviteNonce(poolId, 7);
    }

    function test_cancelInviteNonce_revertsIfNotOperator() public {
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CallerNotPoolOperator.selector, poolId, provider));
        vm.prank(provider);
        pools.cancelInviteNonce(poolId, 1);
    }

    function test_isInviteNonceUsed_wordBoundaries() public {
        uint256[4] memory nonces = [uint256(255), 256, 1 << 255, type(uint256).max];
        vm.startPrank(creator);
        for (uint256 i; i < nonces.length; ++i) {
            pools.cancelInviteNonce(poolId, nonces[i]);
        }
        vm.stopPrank();
        for (uint256 i; i < nonces.length; ++i) {
            assertTrue(pools.isInviteNonceUsed(poolId, nonces[i]), "cancelled");
        }
        uint256[6] memory neighbours = [uint256(0), 254, 257, 511, (1 << 255) - 1, (1 << 255) + 1];
        for (uint256 i; i < neighbours.length; ++i) {
            assertFalse(pools.isInviteNonceUsed(poolId, neighbours[i]), "neighbour untouched");
        }
        // Nonces are per pool.
        uint256 other = _startedPool(0);
        assertFalse(pools.isInviteNonceUsed(other, 255), "other pool");
        // And each one still works as an invite nonce in the other pool.
        _join(provider, other, nodeA, 1 << 255);
    }

    function test_isInviteNonceUsed_marksOnlyThatNonce() public {
        testFuzz_isInviteNonceUsed_marksOnlyThatNonce(256, 255);
    }

    function testFuzz_isInviteNonceUsed_marksOnlyThatNonce(uint256 nonce, uint256 other) public {
        vm.assume(nonce != other);
        assertFalse(pools.isInviteNonceUsed(poolId, nonce), "fresh");
        vm.prank(creator);
        pools.cancelInviteNonce(poolId, nonce);
        assertTrue(pools.isInviteNonceUsed(poolId, nonce), "cancelled");
        assertFalse(pools.isInviteNonceUsed(poolId, other), "other untouched");
    }

    /* CONSTRUCTOR */

    function test_constructor_setsCoordinator() public view {
        assertEq(pools.primeNetwork(), address(network), "primeNetwork");
    }

    function test_constructor_revertsOnZeroModules() public {
        address one = address(0x1);
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("ComputePool", abi.encode(one, address(0), one, one));
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("ComputePool", abi.encode(one, one, address(0), one));
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("ComputePool", abi.encode(one, one, one, address(0)));
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("ComputePool", abi.encode(address(0), one, one, one));
    }
}
