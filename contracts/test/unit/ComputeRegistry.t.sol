// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IComputeRegistry} from "../../src/interfaces/IComputeRegistry.sol";
import {IPrimeNetwork} from "../../src/interfaces/IPrimeNetwork.sol";
import {IPrimeNetworkModule} from "../../src/interfaces/IPrimeNetworkModule.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract ComputeRegistryTest is BaseTest {
    /* HELPERS */

    function _assertProvider(
        address provider_,
        bool registered,
        bool whitelisted,
        uint256 nodeCount,
        uint256 activeNodeCount,
        uint256 totalComputeUnits
    ) internal view {
        IComputeRegistry.Provider memory p = registry.getProvider(provider_);
        assertEq(p.registered, registered, "registered");
        assertEq(p.whitelisted, whitelisted, "whitelisted");
        assertEq(p.nodeCount, nodeCount, "nodeCount");
        assertEq(p.activeNodeCount, activeNodeCount, "activeNodeCount");
        assertEq(p.totalComputeUnits, totalComputeUnits, "totalComputeUnits");
    }

    function _assertNodes(address provider_, address[] memory expected) internal view {
        address[] memory nodes = registry.getProviderNodes(provider_);
        assertEq(nodes.length, expected.length, "node list length");
        for (uint256 i; i < expected.length; ++i) {
            assertEq(nodes[i], expected[i], "node list entry");
            assertEq(registry.getNode(expected[i]).index, i, "node index");
        }
    }

    function _addLabelled(address provider_, string memory label, uint256 units) internal returns (address) {
        (, uint256 pk) = _nodeKey(label);
        return _addNode(provider_, pk, units);
    }

    function _remove(address provider_, address nodeKey) internal {
        vm.prank(provider_);
        network.removeComputeNode(nodeKey);
    }

    /* PROVIDERS */

    function test_getProvider_unknownIsZero() public view {
        _assertProvider(stranger, false, false, 0, 0, 0);
        assertEq(registry.getProviderNodes(stranger).length, 0, "no nodes");
    }

    function test_registerProvider_recordsProvider() public {
        vm.expectEmit(address(registry));
        emit IComputeRegistry.ProviderRegistered(provider);
        _registerProvider(provider, STAKE_MINIMUM);
        _assertProvider(provider, true, false, 0, 0, 0);
    }

    function test_registerProvider_revertsIfCalledTwice() public {
        _registerProvider(provider, STAKE_MINIMUM);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.ProviderAlreadyRegistered.selector, provider));
        _registerProvider(provider, STAKE_MINIMUM);
    }

    function test_whitelistProvider_setsFlagAndEmits() public {
        _registerProvider(provider, STAKE_MINIMUM);
        vm.expectEmit(address(registry));
        emit IComputeRegistry.ProviderWhitelistUpdated(provider, true);
        vm.prank(validator);
        network.whitelistProvider(provider);
        _assertProvider(provider, true, true, 0, 0, 0);
    }

    function test_blacklistProvider_clearsFlagAndEmits() public {
        _registerWhitelisted(provider, 0);
        vm.expectEmit(address(registry));
        emit IComputeRegistry.ProviderWhitelistUpdated(provider, false);
        vm.prank(validator);
        network.blacklistProvider(provider, _noEvictions());
        _assertProvider(provider, true, false, 0, 0, 0);
    }

    function test_whitelistProvider_revertsIfNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.ProviderNotRegistered.selector, stranger));
        vm.prank(validator);
        network.whitelistProvider(stranger);
    }

    function test_blacklistProvider_revertsIfNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.ProviderNotRegistered.selector, stranger));
        vm.prank(validator);
        network.blacklistProvider(stranger, _noEvictions());
    }

    /* ADD NODE */

    function test_addNode_recordsNodeAndProvider() public {
        _registerWhitelisted(provider, 10);
        (address key, uint256 pk) = _nodeKey("node");
        bytes memory signature = _ownershipSignature(provider, pk);

        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeAdded(provider, key, 7, "ipfs://specs-7");
        vm.prank(provider);
        network.addComputeNode(key, "ipfs://specs-7", 7, CONSENT_DEADLINE, signature);

        IComputeRegistry.Node memory node = registry.getNode(key);
        assertEq(node.provider, provider, "provider");
        assertEq(node.computeUnits, 7, "computeUnits");
        assertEq(node.benchmarkScore, 0, "benchmarkScore");
        assertEq(node.index, 0, "index");
        assertFalse(node.active, "active");
        assertFalse(node.validated, "validated");
        assertEq(node.specsURI, "ipfs://specs-7", "specsURI");
        _assertProvider(provider, true, true, 1, 0, 7);
        assertEq(registry.getProviderNodes(provider)[0], key, "listed");
        assertEq(registry.nodeKeyNonce(key), 0, "nonce");
    }

    function test_addNode_accumulatesComputeUnits() public {
        _registerWhitelisted(provider, 10);
        address a = _addLabelled(provider, "a", 3);
        address b = _addLabelled(provider, "b", 5);
        address c = _addLabelled(provider, "c", 2);
        _assertProvider(provider, true, true, 3, 0, 10);
        _assertNodes(provider, _list(a, b, c));
    }

    function test_getNode_unknownIsZero() public {
        (address key,) = _nodeKey("unknown");
        IComputeRegistry.Node memory node = registry.getNode(key);
        assertEq(node.provider, address(0), "provider");
        assertEq(node.computeUnits, 0, "computeUnits");
        assertEq(node.index, 0, "index");
        assertEq(bytes(node.specsURI).length, 0, "specsURI");
    }

    function test_addNode_revertsIfProviderNotRegistered() public {
        (address key, uint256 pk) = _nodeKey("node");
        bytes memory signature = _ownershipSignature(stranger, pk);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.ProviderNotRegistered.selector, stranger));
        vm.prank(stranger);
        network.addComputeNode(key, "ipfs://node-specs", 1, CONSENT_DEADLINE, signature);
    }

    function test_addNode_revertsIfZeroComputeUnits() public {
        _registerWhitelisted(provider, 1);
        (address key, uint256 pk) = _nodeKey("node");
        bytes memory signature = _ownershipSignature(provider, pk);
        vm.expectRevert(
            abi.encodeWithSelector(IComputeRegistry.InvalidComputeUnits.selector, 0, uint256(type(uint32).max))
        );
        vm.prank(provider);
        network.addComputeNode(key, "ipfs://node-specs", 0, CONSENT_DEADLINE, signature);
    }

    function test_addNode_revertsIfComputeUnitsTooLarge() public {
        _registerWhitelisted(provider, 1);
        (address key, uint256 pk) = _nodeKey("node");
        bytes memory signature = _ownershipSignature(provider, pk);
        uint256 tooMany = uint256(type(uint32).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(IComputeRegistry.InvalidComputeUnits.selector, tooMany, uint256(type(uint32).max))
        );
        vm.prank(provider);
        network.addComputeNode(key, "ipfs://node-specs", tooMany, CONSENT_DEADLINE, signature);
    }

    function test_addNode_nodeKeyBelongsToOneProvider() public {
        _registerWhitelisted(provider, 1);
        _registerWhitelisted(provider2, 1);
        (address key, uint256 pk) = _nodeKey("node");
        _addNode(provider, pk, 1);

        // The key consents to provider2 as well, but it is already taken.
        bytes memory signature = _ownershipSignature(provider2, pk);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeAlreadyRegistered.selector, key, provider));
        vm.prank(provider2);
        network.addComputeNode(key, "ipfs://node-specs", 1, CONSENT_DEADLINE, signature);

        // The same provider cannot add it twice either.
        signature = _ownershipSignature(provider, pk);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeAlreadyRegistered.selector, key, provider));
        vm.prank(provider);
        network.addComputeNode(key, "ipfs://node-specs", 1, CONSENT_DEADLINE, signature);

        assertEq(registry.getNode(key).provider, provider, "owner unchanged");
        _assertProvider(provider2, true, true, 0, 0, 0);
    }

    function test_addNode_otherProviderAfterRemoval() public {
        _registerWhitelisted(provider, 1);
        _registerWhitelisted(provider2, 4);
        (address key, uint256 pk) = _nodeKey("node");
        _addNode(provider, pk, 1);
        _remove(provider, key);
        _addNode(provider2, pk, 4);

        assertEq(registry.getNode(key).provider, provider2, "new owner");
        assertEq(registry.getNode(key).computeUnits, 4, "new units");
        _assertProvider(provider, true, true, 0, 0, 0);
        _assertProvider(provider2, true, true, 1, 0, 4);
    }

    /// @dev MAX_NODES_PER_PROVIDER real adds would take 65,536 signatures; the provider's node
    /// count is written straight into its packed slot instead, and the write is checked first.
    function test_addNode_revertsIfTooManyNodes() public {
        _registerWhitelisted(provider, 1);
        uint256 max = registry.MAX_NODES_PER_PROVIDER();
        assertEq(max, 65_536, "max");

        // Provider slot: registered (byte 0), whitelisted (byte 1), nodeCount (bytes 2..5).
        bytes32 slot = keccak256(abi.encode(provider, uint256(0)));
        uint256 word = uint256(vm.load(address(registry), slot));
        word = (word & ~(uint256(type(uint32).max) << 16)) | (max << 16);
        vm.store(address(registry), slot, bytes32(word));
        _assertProvider(provider, true, true, max, 0, 0);

        (address key, uint256 pk) = _nodeKey("one-too-many");
        bytes memory signature = _ownershipSignature(provider, pk);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.TooManyNodes.selector, provider, max));
        vm.prank(provider);
        network.addComputeNode(key, "ipfs://node-specs", 1, CONSENT_DEADLINE, signature);
    }

    /* REMOVE NODE */

    function test_removeNode_clearsNodeAndEmits() public {
        _registerWhitelisted(provider, 3);
        address key = _addLabelled(provider, "node", 3);

        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeRemoved(provider, key);
        _remove(provider, key);

        IComputeRegistry.Node memory node = registry.getNode(key);
        assertEq(node.provider, address(0), "provider");
        assertEq(node.computeUnits, 0, "computeUnits");
        assertEq(bytes(node.specsURI).length, 0, "specsURI");
        _assertProvider(provider, true, true, 0, 0, 0);
        assertEq(registry.getProviderNodes(provider).length, 0, "list empty");
    }

    function test_removeNode_incrementsNodeKeyNonce() public {
        _registerWhitelisted(provider, 1);
        (address key, uint256 pk) = _nodeKey("node");
        for (uint256 i; i < 3; ++i) {
            assertEq(registry.nodeKeyNonce(key), i, "nonce before");
            _addNode(provider, pk, 1);
            _remove(provider, key);
            assertEq(registry.nodeKeyNonce(key), i + 1, "nonce after");
        }
    }

    function test_removeNode_swapAndPopKeepsIndices() public {
        _registerWhitelisted(provider, 15);
        address a = _addLabelled(provider, "a", 1);
        address b = _addLabelled(provider, "b", 2);
        address c = _addLabelled(provider, "c", 3);
        address d = _addLabelled(provider, "d", 4);
        address e = _addLabelled(provider, "e", 5);

        // First: the last node moves into slot 0.
        _remove(provider, a);
        _assertNodes(provider, _list(e, b, c, d));
        _assertProvider(provider, true, true, 4, 0, 14);

        // Middle: the last node moves into slot 2.
        _remove(provider, c);
        _assertNodes(provider, _list(e, b, d));
        _assertProvider(provider, true, true, 3, 0, 11);

        // Last: nothing moves.
        _remove(provider, d);
        _assertNodes(provider, _list(e, b));
        _assertProvider(provider, true, true, 2, 0, 7);

        // The node that moved twice is still removable from where it now sits.
        _remove(provider, e);
        _assertNodes(provider, _one(b));
        _assertProvider(provider, true, true, 1, 0, 2);

        _remove(provider, b);
        _assertNodes(provider, new address[](0));
        _assertProvider(provider, true, true, 0, 0, 0);
    }

    function test_removeNode_anyOrderKeepsIndices() public {
        testFuzz_removeNode_anyOrderKeepsIndices(0x0123456789abcdef);
    }

    /// @dev Removes five nodes in an order drawn from `seed`; after every removal the list holds
    /// exactly the remaining nodes, each at the index its record names, and the units add up.
    function testFuzz_removeNode_anyOrderKeepsIndices(uint256 seed) public {
        uint256 count = 5;
        _registerWhitelisted(provider, 15);
        address[] memory remaining = new address[](count);
        uint256[] memory units = new uint256[](count);
        uint256 total;
        for (uint256 i; i < count; ++i) {
            units[i] = i + 1;
            total += units[i];
            remaining[i] = _addLabelled(provider, string.concat("node", vm.toString(i)), units[i]);
        }
        for (uint256 left = count; left != 0; --left) {
            uint256 pick = uint256(keccak256(abi.encode(seed, left))) % left;
            address removed = remaining[pick];
            total -= registry.getNode(removed).computeUnits;
            _remove(provider, removed);
            (remaining[pick], units[pick]) = (remaining[left - 1], units[left - 1]);

            address[] memory listed = registry.getProviderNodes(provider);
            assertEq(listed.length, left - 1, "length");
            for (uint256 i; i < listed.length; ++i) {
                assertEq(registry.getNode(listed[i]).index, i, "index matches position");
                assertEq(registry.getNode(listed[i]).provider, provider, "listed node registered");
                assertTrue(listed[i] != removed, "removed node gone");
                bool found;
                for (uint256 j; j < left - 1; ++j) {
                    if (remaining[j] == listed[i]) found = true;
                }
                assertTrue(found, "listed node is a remaining node");
            }
            _assertProvider(provider, true, true, left - 1, 0, total);
        }
    }

    function test_removeNode_thenAddReusesSlots() public {
        _registerWhitelisted(provider, 3);
        address a = _addLabelled(provider, "a", 1);
        address b = _addLabelled(provider, "b", 1);
        _remove(provider, a);
        address c = _addLabelled(provider, "c", 1);
        _assertNodes(provider, _list(b, c));
        (, uint256 pkA) = _nodeKey("a");
        _addNode(provider, pkA, 1);
        _assertNodes(provider, _list(b, c, a));
    }

    function test_removeNode_revertsIfNotRegistered() public {
        _registerWhitelisted(provider, 1);
        (address key,) = _nodeKey("unknown");
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, key));
        _remove(provider, key);
    }

    function test_removeNode_revertsIfRemovedTwice() public {
        _registerWhitelisted(provider, 1);
        address key = _addLabelled(provider, "node", 1);
        _remove(provider, key);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, key));
        _remove(provider, key);
    }

    function test_removeNode_revertsIfCallerNotNodeProvider() public {
        _registerWhitelisted(provider, 1);
        _registerWhitelisted(provider2, 1);
        address key = _addLabelled(provider, "node", 1);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, key, provider2));
        _remove(provider2, key);
        assertEq(registry.getNode(key).provider, provider, "still owned");
    }

    function test_removeNode_revertsIfActiveInPool() public {
        _registerWhitelisted(provider, 2);
        address key = _addValidatedNode(provider, "node", 2);
        uint256 poolId = _activePool(0, 0);
        _join(provider, poolId, key, 0);

        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeActive.selector, key));
        _remove(provider, key);

        // After leaving, removal works.
        _leave(provider, poolId, key);
        _remove(provider, key);
        _assertProvider(provider, true, true, 0, 0, 0);
    }

    /* VALIDATION AND BENCHMARK */

    function test_validateNode_setsFlagAndEmits() public {
        _registerWhitelisted(provider, 1);
        address key = _addLabelled(provider, "node", 1);
        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeValidationUpdated(key, true);
        vm.prank(validator);
        network.validateNode(key);
        assertTrue(registry.getNode(key).validated, "validated");

        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeValidationUpdated(key, false);
        vm.prank(validator);
        network.invalidateNode(key, _noEvictions());
        assertFalse(registry.getNode(key).validated, "invalidated");
    }

    function test_validateNode_revertsIfNotRegistered() public {
        (address key,) = _nodeKey("unknown");
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, key));
        vm.prank(validator);
        network.validateNode(key);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, key));
        vm.prank(validator);
        network.invalidateNode(key, _noEvictions());
    }

    function test_setNodeBenchmark_recordsScoreAndEmits() public {
        _registerWhitelisted(provider, 1);
        address key = _addLabelled(provider, "node", 1);
        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeBenchmarkUpdated(key, 4242);
        vm.prank(validator);
        network.setNodeBenchmark(key, 4242);
        assertEq(registry.getNode(key).benchmarkScore, 4242, "score");
    }

    function test_setNodeBenchmark_acceptsMaxScore() public {
        testFuzz_setNodeBenchmark_storesScoreInRange(type(uint32).max);
    }

    function testFuzz_setNodeBenchmark_storesScoreInRange(uint256 score) public {
        score = bound(score, 0, type(uint32).max);
        _registerWhitelisted(provider, 1);
        address key = _addLabelled(provider, "node", 1);
        vm.prank(validator);
        network.setNodeBenchmark(key, score);
        assertEq(registry.getNode(key).benchmarkScore, score, "score");
    }

    function test_setNodeBenchmark_revertsIfScoreTooLarge() public {
        _registerWhitelisted(provider, 1);
        address key = _addLabelled(provider, "node", 1);
        uint256 score = uint256(type(uint32).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(IComputeRegistry.BenchmarkScoreTooLarge.selector, score, uint256(type(uint32).max))
        );
        vm.prank(validator);
        network.setNodeBenchmark(key, score);
    }

    function test_setNodeBenchmark_revertsIfNotRegistered() public {
        (address key,) = _nodeKey("unknown");
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, key));
        vm.prank(validator);
        network.setNodeBenchmark(key, 1);
    }

    /* ACTIVE FLAGS */

    function test_setActive_joinAndLeaveUpdateFlagsAndCounts() public {
        _registerWhitelisted(provider, 3);
        address a = _addValidatedNode(provider, "a", 1);
        address b = _addValidatedNode(provider, "b", 2);
        uint256 poolId = _activePool(0, 0);

        _join(provider, poolId, a, 0);
        assertTrue(registry.getNode(a).active, "a active");
        assertFalse(registry.getNode(b).active, "b inactive");
        _assertProvider(provider, true, true, 2, 1, 3);

        _join(provider, poolId, b, 1);
        _assertProvider(provider, true, true, 2, 2, 3);

        _leave(provider, poolId, a);
        assertFalse(registry.getNode(a).active, "a left");
        _assertProvider(provider, true, true, 2, 1, 3);
    }

    function test_setActive_revertsIfCallerNotComputePool() public {
        _registerWhitelisted(provider, 1);
        address key = _addValidatedNode(provider, "node", 1);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.CallerNotComputePool.selector, stranger));
        vm.prank(stranger);
        registry.setActive(key, true);
        // Not even the coordinator may flip active flags.
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.CallerNotComputePool.selector, address(network)));
        vm.prank(address(network));
        registry.setActive(key, true);
    }

    function test_setActive_returnsWhatThePoolChecks() public {
        _registerWhitelisted(provider, 5);
        address key = _addValidatedNode(provider, "node", 5);
        vm.prank(address(pools));
        (address owner, uint256 units, bool validated_, bool whitelisted, uint256 providerUnits) =
            registry.setActive(key, true);
        assertEq(owner, provider, "provider");
        assertEq(units, 5, "units");
        assertTrue(validated_, "validated");
        assertTrue(whitelisted, "whitelisted");
        assertEq(providerUnits, 5, "the provider's compute units");
        _assertProvider(provider, true, true, 1, 1, 5);
    }

    function test_setActive_revertsIfAlreadyActive() public {
        _registerWhitelisted(provider, 1);
        address key = _addValidatedNode(provider, "node", 1);
        vm.startPrank(address(pools));
        registry.setActive(key, true);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeActive.selector, key));
        registry.setActive(key, true);
        vm.stopPrank();
    }

    function test_getProviderNodeRecords_returnsKeysWithTheirRecords() public {
        _registerWhitelisted(provider, 3);
        address a = _addValidatedNode(provider, "a", 1);
        (, uint256 pk) = _nodeKey("b");
        address b = _addNode(provider, pk, 2);
        (address[] memory keys, IComputeRegistry.Node[] memory nodes) = registry.getProviderNodeRecords(provider);
        assertEq(keys.length, 2, "two nodes");
        assertEq(keys[0], a, "first key");
        assertEq(keys[1], b, "second key");
        assertEq(nodes[0].computeUnits, 1, "first units");
        assertTrue(nodes[0].validated, "first validated");
        assertEq(nodes[1].computeUnits, 2, "second units");
        assertFalse(nodes[1].validated, "second not validated");
        (address[] memory none,) = registry.getProviderNodeRecords(stranger);
        assertEq(none.length, 0, "unknown provider");
    }

    function test_nodeEligibility_reportsProviderValidationAndWhitelist() public {
        _registerWhitelisted(provider, 1);
        address key = _addValidatedNode(provider, "node", 1);
        (address owner, bool validated, bool whitelisted, uint256 units) = registry.nodeEligibility(key);
        assertEq(units, 1, "the provider's compute units");
        assertEq(owner, provider, "provider");
        assertTrue(validated && whitelisted, "eligible");
        vm.prank(validator);
        network.blacklistProvider(provider, _noEvictions());
        (, validated, whitelisted,) = registry.nodeEligibility(key);
        assertTrue(validated, "still validated");
        assertFalse(whitelisted, "no longer whitelisted");
        (owner,,,) = registry.nodeEligibility(stranger);
        assertEq(owner, address(0), "unknown node");
    }

    function test_setActive_revertsIfNotActive() public {
        _registerWhitelisted(provider, 1);
        address key = _addValidatedNode(provider, "node", 1);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotActive.selector, key));
        vm.prank(address(pools));
        registry.setActive(key, false);
    }

    function test_setActive_revertsIfNodeNotRegistered() public {
        (address key,) = _nodeKey("unknown");
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, key));
        vm.prank(address(pools));
        registry.setActive(key, true);
    }

    /* ACCESS */

    function test_writes_revertIfCallerNotPrimeNetwork() public {
        bytes memory err = abi.encodeWithSelector(IPrimeNetworkModule.CallerNotPrimeNetwork.selector, stranger);
        vm.startPrank(stranger);
        vm.expectRevert(err);
        registry.registerProvider(stranger);
        vm.expectRevert(err);
        registry.setWhitelisted(provider, true);
        vm.expectRevert(err);
        registry.addNode(stranger, stranger, 1, "");
        vm.expectRevert(err);
        registry.removeNode(stranger, stranger);
        vm.expectRevert(err);
        registry.setValidated(stranger, true);
        vm.expectRevert(err);
        registry.setBenchmarkScore(stranger, 1);
        vm.stopPrank();
    }

    function test_addNode_revertsIfZeroNodeKey() public {
        _registerProvider(provider, STAKE_MINIMUM);
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        vm.prank(address(network));
        registry.addNode(provider, address(0), 1, "");
    }

    function test_addNode_revertsViaNetworkIfZeroNodeKey() public {
        _registerProvider(provider, STAKE_MINIMUM * 2);
        // No key can sign for the zero address, so the coordinator rejects the signature first.
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider, address(0)));
        vm.prank(provider);
        network.addComputeNode(address(0), "", 1, CONSENT_DEADLINE, new bytes(65));
    }

    function test_views_wiring() public view {
        assertEq(registry.computePool(), address(pools), "computePool");
        assertEq(registry.primeNetwork(), address(network), "primeNetwork");
        assertEq(registry.MAX_COMPUTE_UNITS(), type(uint32).max, "MAX_COMPUTE_UNITS");
    }

    /* CONSTRUCTOR */

    function test_constructor_setsCoordinatorAndPool() public view {
        assertEq(registry.primeNetwork(), address(network), "primeNetwork");
        assertEq(registry.computePool(), address(pools), "computePool");
    }

    function test_constructor_revertsOnZeroAddresses() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("ComputeRegistry", abi.encode(address(network), address(0)));
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("ComputeRegistry", abi.encode(address(0), address(pools)));
    }
}
