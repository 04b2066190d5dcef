// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IPrimeNetwork} from "../../src/interfaces/IPrimeNetwork.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice A minimal ERC-1271 wallet: a signature is valid when its owner EOA made it.
contract OwnerWallet is IERC1271 {
    address public immutable owner;

    constructor(address owner_) {
        owner = owner_;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, signature);
        if (err == ECDSA.RecoverError.NoError && recovered == owner) return IERC1271.isValidSignature.selector;
        return 0xffffffff;
    }
}

/// @notice Node-ownership and pool-invite signatures must work once, on one chain, for one deployment.
contract SignatureReplayTest is BaseTest {
    bytes32 internal constant EIP712_DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant NODE_OWNERSHIP_TYPEHASH =
        keccak256("NodeOwnership(address provider,address nodeKey,uint256 nonce,uint256 deadline)");
    bytes32 internal constant POOL_INVITE_TYPEHASH = keccak256(
        "PoolInvite(uint256 poolId,address nodeKey,address provider,uint256 nonce,uint256 expiry,uint256 keyVersion)"
    );
    /// @dev secp256k1 group order.
    uint256 internal constant HOME_CHAIN_ID = 31_337;
    uint256 internal constant OTHER_CHAIN_ID = 1;
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    address internal nodeKey;
    uint256 internal nodePk;
    uint256 internal poolId;

    function setUp() public override {
        super.setUp();
        assertEq(block.chainid, HOME_CHAIN_ID, "tests run on the default chain id");
        (nodeKey, nodePk) = _nodeKey("node");
        _registerWhitelisted(provider, 10);
        _registerWhitelisted(provider2, 10);
        poolId = _activePool(0, 0);
    }

    /* HELPERS */

    function _domainSeparator(string memory name, address verifyingContract) internal view returns (bytes32) {
        return keccak256(
            abi.encode(EIP712_DOMAIN_TYPEHASH, keccak256(bytes(name)), keccak256("1"), block.chainid, verifyingContract)
        );
    }

    function _typed(bytes32 domainSeparator, bytes32 structHash) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }

    function _expectedOwnershipDigest(address network_, address provider_, address nodeKey_, uint256 nonce)
        internal
        view
        returns (bytes32)
    {
        return _typed(
            _domainSeparator("Prime Network", network_),
            keccak256(abi.encode(NODE_OWNERSHIP_TYPEHASH, provider_, nodeKey_, nonce, CONSENT_DEADLINE))
        );
    }

    /// @dev For a pool whose manager key was never rotated (key version 0).
    function _expectedInviteDigest(
        address pools_,
        uint256 poolId_,
        address nodeKey_,
        address provider_,
        uint256 nonce,
        uint256 expiry
    ) internal view returns (bytes32) {
        return _typed(
            _domainSeparator("Prime Network ComputePool", pools_),
            keccak256(abi.encode(POOL_INVITE_TYPEHASH, poolId_, nodeKey_, provider_, nonce, expiry, uint256(0)))
        );
    }

    function _addWithSignature(address provider_, address nodeKey_, bytes memory signature) internal {
        vm.prank(provider_);
        network.addComputeNode(nodeKey_, "ipfs://node-specs", 1, CONSENT_DEADLINE, signature);
    }

    function _expectAddRevert(address provider_, address nodeKey_, bytes memory signature) internal {
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider_, nodeKey_));
        _addWithSignature(provider_, nodeKey_, signature);
    }

    function _joinWith(address provider_, uint256 poolId_, IComputePool.Invite memory invite) internal {
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = invite;
        vm.prank(provider_);
        pools.joinComputePool(poolId_, invites);
    }

    function _expectJoinRevert(address provider_, uint256 poolId_, IComputePool.Invite memory invite, bytes memory err)
        internal
    {
        vm.expectRevert(err);
        _joinWith(provider_, poolId_, invite);
    }

    function _invalidInvite(uint256 poolId_, address nodeKey_) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IComputePool.InvalidInviteSignature.selector, poolId_, nodeKey_);
    }

    /// @dev The same signature with s mirrored to the upper half: ecrecover still accepts it.
    function _malleate(bytes memory signature) internal pure returns (bytes memory) {
        (bytes32 r, bytes32 s, uint8 v) = _split(signature);
        return abi.encodePacked(r, bytes32(N - uint256(s)), v == 27 ? uint8(28) : uint8(27));
    }

    function _split(bytes memory signature) internal pure returns (bytes32 r, bytes32 s, uint8 v) {
        assembly {
            r := mload(add(signature, 0x20))
            s := mload(add(signature, 0x40))
            v := byte(0, mload(add(signature, 0x60)))
        }
    }

    /// @dev EIP-2098 compact form (r, yParity|s): 64 bytes.
    function _compact(bytes memory signature) internal pure returns (bytes memory) {
        (bytes32 r, bytes32 s, uint8 v) = _split(signature);
        return abi.encodePacked(r, bytes32(uint256(s) | (uint256(v - 27) << 255)));
    }

    /// @dev A node of `provider` registered and validated, ready to join.
    function _readyNode() internal returns (address) {
        _addNode(provider, nodePk, 1);
        vm.prank(validator);
        network.validateNode(nodeKey);
        return nodeKey;
    }

    /* DIGESTS ARE THE SPEC'S EIP-712 HASHES */

    function test_nodeOwnershipDigest_isEip712() public view {
        assertEq(
            network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE),
            _expectedOwnershipDigest(address(network), provider, nodeKey, 0),
            "ownership digest"
        );
    }

    function test_inviteDigest_isEip712() public view {
        assertEq(
            pools.inviteDigest(poolId, nodeKey, provider, 7, 1234),
            _expectedInviteDigest(address(pools), poolId, nodeKey, provider, 7, 1234),
            "invite digest"
        );
    }

    /* (a) ANOTHER CHAIN */

    function test_nodeOwnership_rejectedOnAnotherChain() public {
        bytes32 digest = network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE);
        bytes memory signature = _signDigest(nodePk, digest);

        vm.chainId(OTHER_CHAIN_ID);
        bytes32 forkDigest = network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE);
        assertTrue(forkDigest != digest, "digest depends on chain id");
        _expectAddRevert(provider, nodeKey, signature);

        // A signature made for the other chain works there, and only there.
        bytes memory forkSignature = _signDigest(nodePk, forkDigest);
        vm.chainId(HOME_CHAIN_ID);
        _expectAddRevert(provider, nodeKey, forkSignature);
        _addWithSignature(provider, nodeKey, signature);
        assertEq(registry.getNode(nodeKey).provider, provider, "added at home");
    }

    function test_poolInvite_rejectedOnAnotherChain() public {
        _readyNode();
        uint256 expiry = block.timestamp + 1 hours;
        bytes32 digest = pools.inviteDigest(poolId, nodeKey, provider, 0, expiry);
        IComputePool.Invite memory invite = _inviteSignedBy(managerPk, poolId, nodeKey, 0, expiry);

        vm.chainId(OTHER_CHAIN_ID);
        assertTrue(pools.inviteDigest(poolId, nodeKey, provider, 0, expiry) != digest, "digest depends on chain id");
        _expectJoinRevert(provider, poolId, invite, _invalidInvite(poolId, nodeKey));

        vm.chainId(HOME_CHAIN_ID);
        _joinWith(provider, poolId, invite);
        assertTrue(registry.getNode(nodeKey).active, "joined at home");
    }

    /* (b) ANOTHER DEPLOYMENT */

    function test_signatures_rejectedByAnotherDeployment() public {
        Protocol memory other = _deployProtocol(address(this), _params(address(token)));
        assertTrue(address(other.primeNetwork) != address(network), "distinct deployment");

        // The same provider, federator and manager set up the same state on the second deployment.
        vm.startPrank(provider);
        token.approve(address(other.stakeManager), type(uint256).max);
        other.primeNetwork.registerProvider(STAKE_MINIMUM * 11);
        vm.stopPrank();
        vm.prank(validator);
        other.primeNetwork.whitelistProvider(provider);
        vm.prank(federator);
        uint256 otherDomain = other.primeNetwork.createDomain("inference", address(0), "ipfs://domain-params");
        vm.startPrank(creator);
        uint256 otherPool = other.computePool.createComputePool(otherDomain, manager, "pool", "ipfs://pool-data", 0);
        other.computePool.startComputePool(otherPool);
        vm.stopPrank();
        assertEq(otherPool, poolId, "same pool id");

        // Ownership consent given to deployment 1 is refused by deployment 2.
        bytes memory consent = _ownershipSignature(provider, nodePk);
        assertTrue(
            other.primeNetwork.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE)
                != network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE),
            "ownership digests differ"
        );
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider, nodeKey));
        vm.prank(provider);
        other.primeNetwork.addComputeNode(nodeKey, "ipfs://node-specs", 1, CONSENT_DEADLINE, consent);

        // With its own consent the node is added there too, and validated.
        bytes memory otherConsent =
            _signDigest(nodePk, other.primeNetwork.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE));
        vm.prank(provider);
        other.primeNetwork.addComputeNode(nodeKey, "ipfs://node-specs", 1, CONSENT_DEADLINE, otherConsent);
        vm.prank(validator);
        other.primeNetwork.validateNode(nodeKey);

        // An invite to pool 1 of deployment 1 does not admit the node to pool 1 of deployment 2.
        IComputePool.Invite memory invite = _inviteFor(poolId, nodeKey, provider, 0);
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = invite;
        vm.expectRevert(_invalidInvite(poolId, nodeKey));
        vm.prank(provider);
        other.computePool.joinComputePool(otherPool, invites);

        // A fresh struct: `invites[0]` aliases `invite`, which deployment 1 still needs unchanged.
        invites[0] = IComputePool.Invite(
            nodeKey,
            0,
            invite.expiry,
            _signDigest(managerPk, other.computePool.inviteDigest(otherPool, nodeKey, provider, 0, invite.expiry))
        );
        vm.prank(provider);
        other.computePool.joinComputePool(otherPool, invites);
        assertTrue(other.computeRegistry.getNode(nodeKey).active, "joined deployment 2");

        // And deployment 1 still takes its own signatures, untouched by what happened on deployment 2.
        _addWithSignature(provider, nodeKey, consent);
        vm.prank(validator);
        network.validateNode(nodeKey);
        _joinWith(provider, poolId, invite);
        assertTrue(registry.getNode(nodeKey).active, "joined deployment 1");
    }

    /* (c) OWNERSHIP CONSENT AFTER REMOVAL */

    function test_nodeOwnership_boundToProvider() public {
        bytes memory consent = _ownershipSignature(provider, nodePk);
        _expectAddRevert(provider2, nodeKey, consent);
    }

    function test_nodeOwnership_notReplayableAfterRemoval() public {
        bytes memory consent = _ownershipSignature(provider, nodePk);
        _addWithSignature(provider, nodeKey, consent);
        vm.prank(provider);
        network.removeComputeNode(nodeKey);
        assertEq(registry.nodeKeyNonce(nodeKey), 1, "nonce");
        _expectAddRevert(provider, nodeKey, consent);
    }

    function test_nodeOwnership_unusedConsentDiesWhenKeyMovesElsewhere() public {
        // The key once consented to `provider`, who never used it.
        bytes memory staleConsent = _ownershipSignature(provider, nodePk);

        // The key goes to provider2 and leaves it again.
        bytes memory consent2 = _ownershipSignature(provider2, nodePk);
        _addWithSignature(provider2, nodeKey, consent2);
        vm.prank(provider2);
        network.removeComputeNode(nodeKey);
        assertEq(registry.nodeKeyNonce(nodeKey), 1, "nonce");

        // Neither old consent can claim the key now.
        _expectAddRevert(provider, nodeKey, staleConsent);
        _expectAddRevert(provider2, nodeKey, consent2);

        // A fresh consent can.
        _addWithSignature(provider, nodeKey, _ownershipSignature(provider, nodePk));
        assertEq(registry.getNode(nodeKey).provider, provider, "fresh consent");
    }

    /* (d) INVITES */

    function test_invite_notReusable() public {
        _readyNode();
        IComputePool.Invite memory invite = _invite(poolId, nodeKey, 9);
        _joinWith(provider, poolId, invite);
        _leave(provider, poolId, nodeKey);
        _expectJoinRevert(
            provider, poolId, invite, abi.encodeWithSelector(IComputePool.InviteNonceUsed.selector, poolId, 9)
        );
    }

    function test_invite_boundToPool() public {
        _readyNode();
        uint256 otherPool = _createPool(_createDomain(), 0);
        vm.prank(creator);
        pools.startComputePool(otherPool);
        IComputePool.Invite memory invite = _invite(poolId, nodeKey, 0);
        _expectJoinRevert(provider, otherPool, invite, _invalidInvite(otherPool, nodeKey));
    }

    function test_invite_boundToFields() public {
        _readyNode();
        IComputePool.Invite memory invite = _invite(poolId, nodeKey, 0);

        IComputePool.Invite memory tampered =
            IComputePool.Invite(invite.nodeKey, invite.nonce, invite.expiry + 1, invite.signature);
        _expectJoinRevert(provider, poolId, tampered, _invalidInvite(poolId, nodeKey));
        tampered = IComputePool.Invite(invite.nodeKey, invite.nonce + 1, invite.expiry, invite.signature);
        _expectJoinRevert(provider, poolId, tampered, _invalidInvite(poolId, nodeKey));

        _joinWith(provider, poolId, invite);
    }

    function test_invite_expiryIsInclusive() public {
        testFuzz_invite_expiry(0);
    }

    function test_invite_expiredOneSecondLater() public {
        testFuzz_invite_expiry(1);
    }

    function testFuzz_invite_expiry(uint256 lateBy) public {
        lateBy = bound(lateBy, 0, 365 days);
        _readyNode();
        uint256 expiry = block.timestamp + 1 hours;
        IComputePool.Invite memory invite = _inviteSignedBy(managerPk, poolId, nodeKey, 0, expiry);
        vm.warp(expiry + lateBy);
        if (lateBy != 0) {
            _expectJoinRevert(
                provider,
                poolId,
                invite,
                abi.encodeWithSelector(IComputePool.InviteExpired.selector, poolId, nodeKey, expiry)
            );
        } else {
            _joinWith(provider, poolId, invite);
            assertTrue(registry.getNode(nodeKey).active, "joined at expiry");
        }
    }

    function test_invite_cancelledNonce() public {
        _readyNode();
        IComputePool.Invite memory invite = _invite(poolId, nodeKey, 3);
        vm.prank(manager);
        pools.cancelInviteNonce(poolId, 3);
        _expectJoinRevert(
            provider, poolId, invite, abi.encodeWithSelector(IComputePool.InviteNonceUsed.selector, poolId, 3)
        );
    }

    function test_invite_deadAfterManagerKeyRotation() public {
        _readyNode();
        (address newKey, uint256 newPk) = makeAddrAndKey("newManager");
        IComputePool.Invite memory oldInvite = _invite(poolId, nodeKey, 0);
        vm.prank(creator);
        pools.setComputeManagerKey(poolId, newKey);
        _expectJoinRevert(provider, poolId, oldInvite, _invalidInvite(poolId, nodeKey));
        IComputePool.Invite memory newInvite = _inviteSignedBy(newPk, poolId, nodeKey, 0, block.timestamp + 1);
        _joinWith(provider, poolId, newInvite);
        assertTrue(registry.getNode(nodeKey).active, "joined with new key");
    }

    /// @dev Finding: rotating the key away and back made the old key's unused invites work again.
    function test_invite_staysDeadWhenTheKeyRotatesBack() public {
        _readyNode();
        IComputePool.Invite memory oldInvite = _invite(poolId, nodeKey, 0);
        vm.startPrank(creator);
        pools.setComputeManagerKey(poolId, makeAddr("interimManager"));
        pools.setComputeManagerKey(poolId, manager);
        vm.stopPrank();
        assertEq(pools.getPool(poolId).computeManagerKey, manager, "the old key is back");
        assertEq(pools.getPool(poolId).keyVersion, 2, "two rotations");

        _expectJoinRevert(provider, poolId, oldInvite, _invalidInvite(poolId, nodeKey));
        _joinWith(provider, poolId, _invite(poolId, nodeKey, 0));
        assertTrue(registry.getNode(nodeKey).active, "a fresh invite of the same key works");
    }

    /* (e) CONTRACT SIGNERS AND MALFORMED SIGNATURES */

    function test_invite_erc1271ComputeManager() public {
        _readyNode();
        (address owner, uint256 ownerPk) = makeAddrAndKey("walletOwner");
        OwnerWallet wallet = new OwnerWallet(owner);
        vm.prank(creator);
        uint256 id = pools.createComputePool(domains.domainCount(), address(wallet), "wallet pool", "", 0);
        vm.prank(address(wallet));
        pools.startComputePool(id);

        uint256 expiry = block.timestamp + 1 hours;
        // The wallet's owner signs; an EOA signature of the wallet's address is impossible.
        (, uint256 otherPk) = makeAddrAndKey("notTheOwner");
        _expectJoinRevert(provider, id, _inviteSignedBy(otherPk, id, nodeKey, 0, expiry), _invalidInvite(id, nodeKey));
        _joinWith(provider, id, _inviteSignedBy(ownerPk, id, nodeKey, 0, expiry));
        assertTrue(registry.getNode(nodeKey).active, "joined via ERC-1271 manager");
    }

    function test_nodeOwnership_erc1271NodeKey() public {
        (address owner, uint256 ownerPk) = makeAddrAndKey("walletOwner");
        address walletNode = address(new OwnerWallet(owner));
        bytes32 digest = network.nodeOwnershipDigest(provider, walletNode, CONSENT_DEADLINE);

        (, uint256 otherPk) = makeAddrAndKey("notTheOwner");
        _expectAddRevert(provider, walletNode, _signDigest(otherPk, digest));

        _addWithSignature(provider, walletNode, _signDigest(ownerPk, digest));
        assertEq(registry.getNode(walletNode).provider, provider, "contract node key added");

        // The contract node works like any other: validated, invited, joined.
        vm.prank(validator);
        network.validateNode(walletNode);
        _join(provider, poolId, walletNode, 0);
        assertTrue(registry.getNode(walletNode).active, "contract node joined");
    }

    function test_invite_rejectsMalleableSignature() public {
        _readyNode();
        IComputePool.Invite memory invite = _invite(poolId, nodeKey, 0);
        bytes memory malleable = _malleate(invite.signature);
        // The mirrored signature is one ecrecover accepts for the manager ...
        (bytes32 r, bytes32 s, uint8 v) = _split(malleable);
        assertEq(
            ecrecover(pools.inviteDigest(poolId, nodeKey, provider, 0, invite.expiry), v, r, s), manager, "malleable"
        );
        // ... but the pool does not.
        _expectJoinRevert(
            provider, poolId, IComputePool.Invite(nodeKey, 0, invite.expiry, malleable), _invalidInvite(poolId, nodeKey)
        );
        _joinWith(provider, poolId, invite);
    }

    function test_invite_rejectsInvalidLength() public {
        _readyNode();
        IComputePool.Invite memory invite = _invite(poolId, nodeKey, 0);
        bytes[4] memory bad =
            [bytes(""), _compact(invite.signature), abi.encodePacked(invite.signature, uint8(0)), new bytes(65)];
        for (uint256 i; i < bad.length; ++i) {
            _expectJoinRevert(
                provider,
                poolId,
                IComputePool.Invite(nodeKey, 0, invite.expiry, bad[i]),
                _invalidInvite(poolId, nodeKey)
            );
        }
        assertFalse(pools.isInviteNonceUsed(poolId, 0), "nonce not burned");
    }

    function test_nodeOwnership_rejectsMalleableSignature() public {
        bytes32 digest = network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE);
        bytes memory signature = _signDigest(nodePk, digest);
        bytes memory malleable = _malleate(signature);
        (bytes32 r, bytes32 s, uint8 v) = _split(malleable);
        assertEq(ecrecover(digest, v, r, s), nodeKey, "malleable");
        _expectAddRevert(provider, nodeKey, malleable);
        _addWithSignature(provider, nodeKey, signature);
    }

    function test_nodeOwnership_rejectsInvalidLength() public {
        bytes memory signature = _ownershipSignature(provider, nodePk);
        _expectAddRevert(provider, nodeKey, "");
        _expectAddRevert(provider, nodeKey, _compact(signature));
        _expectAddRevert(provider, nodeKey, abi.encodePacked(signature, uint8(0)));
        _expectAddRevert(provider, nodeKey, new bytes(65));
    }

    function test_erc1271Wallet_rejectsMalleableOwnerSignature() public {
        (address owner, uint256 ownerPk) = makeAddrAndKey("walletOwner");
        address walletNode = address(new OwnerWallet(owner));
        bytes32 digest = network.nodeOwnershipDigest(provider, walletNode, CONSENT_DEADLINE);
        _expectAddRevert(provider, walletNode, _malleate(_signDigest(ownerPk, digest)));
    }

    /// @dev Finding 10: invites were bound to the pool key's version but not to the provider, so a
    /// node key that moved to another provider kept its invites. An invite now names the provider.
    function test_invite_doesNotFollowTheNodeKeyToAnotherProvider() public {
        _readyNode();
        IComputePool.Invite memory invite = _invite(poolId, nodeKey, 0); // made out to `provider`
        vm.prank(provider);
        network.removeComputeNode(nodeKey);
        _addWithSignature(provider2, nodeKey, _ownershipSignature(provider2, nodePk));
        vm.prank(validator);
        network.validateNode(nodeKey);

        _expectJoinRevert(provider2, poolId, invite, _invalidInvite(poolId, nodeKey));
        _joinWith(provider2, poolId, _invite(poolId, nodeKey, 1));
        assertTrue(registry.getNode(nodeKey).active, "joined with an invite of its own");
    }
}
