// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IComputeRegistry} from "../../src/interfaces/IComputeRegistry.sol";
import {IDomainRegistry} from "../../src/interfaces/IDomainRegistry.sol";
import {IPrimeNetwork} from "../../src/interfaces/IPrimeNetwork.sol";
import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {Permits} from "../utils/Permits.sol";

/// @dev A contract node key (ERC-1271) that accepts exactly the digest it was told to.
contract ERC1271NodeKey {
    bytes32 public approvedDigest;

    function approve(bytes32 digest) external {
        approvedDigest = digest;
    }

    function isValidSignature(bytes32 digest, bytes calldata) external view returns (bytes4) {
        return digest == approvedDigest ? bytes4(0x1626ba7e) : bytes4(0xffffffff);
    }
}

/// @notice PrimeNetwork: registration, stake, nodes, validator and federator actions, pause and roles.
contract PrimeNetworkTest is BaseTest {
    uint256 internal constant STAKE = 1000e18;
    bytes32 internal constant NODE_OWNERSHIP_TYPEHASH =
        keccak256("NodeOwnership(address provider,address nodeKey,uint256 nonce,uint256 deadline)");

    bytes32 internal FEDERATOR_ROLE;
    bytes32 internal VALIDATOR_ROLE;
    uint256 internal MAX_UNITS;

    address internal permitProvider;
    uint256 internal permitProviderPk;

    function setUp() public override {
        super.setUp();
        FEDERATOR_ROLE = network.FEDERATOR_ROLE();
        VALIDATOR_ROLE = network.VALIDATOR_ROLE();
        MAX_UNITS = registry.MAX_COMPUTE_UNITS();
        (permitProvider, permitProviderPk) = makeAddrAndKey("permitProvider");
        token.mint(permitProvider, INITIAL_BALANCE);
    }

    /* HELPERS */

    function _missingRole(bytes32 role, address account) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(ICommonErrors.MissingRole.selector, role, account);
    }

    function _insufficientStake(address provider_, uint256 required, uint256 actual)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeWithSelector(IPrimeNetwork.InsufficientStake.selector, provider_, required, actual);
    }

    function _pause() internal {
        vm.prank(federator);
        network.pause();
    }

    function _setStakeMinimum(uint256 value) internal {
        vm.prank(federator);
        network.setStakeMinimum(value);
    }

    function _reclaim(address provider_, uint256 amount) internal {
        vm.prank(provider_);
        network.reclaimStake(amount);
    }

    function _permitSignature(uint256 ownerPk, address spender, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        address owner = vm.addr(ownerPk);
        (v, r, s) = vm.sign(ownerPk, Permits.digest(token, owner, spender, value, token.nonces(owner), deadline));
    }

    /// @dev Provider with a node of `units` units, exactly the stake that node requires.
    function _providerWithNode(string memory label, uint256 units) internal returns (address nodeKey) {
        _registerProvider(provider, STAKE_MINIMUM * (1 + units));
        (, uint256 pk) = _nodeKey(label);
        nodeKey = _addNode(provider, pk, units);
    }

    function _modules() internal pure returns (IPrimeNetwork.Modules memory) {
        return IPrimeNetwork.Modules({
            stakeManager: address(0x1001),
            computeRegistry: address(0x1002),
            domainRegistry: address(0x1003),
            computePool: address(0x1004),
            rewardsDistributor: address(0x1005)
        });
    }

    /* CONSTRUCTOR AND VIEWS */

    function test_constructor_wiresModulesRolesAndMinimum() public view {
        assertEq(network.token(), address(token), "token");
        assertEq(network.stakeManager(), address(stakeManager), "stakeManager");
        assertEq(network.computeRegistry(), address(registry), "computeRegistry");
        assertEq(network.domainRegistry(), address(domains), "domainRegistry");
        assertEq(network.computePool(), address(pools), "computePool");
        assertEq(network.rewardsDistributor(), address(rewards), "rewardsDistributor");
        assertEq(network.federator(), federator, "federator");
        assertEq(network.validator(), validator, "validator");
        assertEq(network.stakeMinimum(), STAKE_MINIMUM, "stakeMinimum");
        assertFalse(network.paused(), "paused");
        assertEq(FEDERATOR_ROLE, keccak256("FEDERATOR_ROLE"), "FEDERATOR_ROLE");
        assertEq(VALIDATOR_ROLE, keccak256("VALIDATOR_ROLE"), "VALIDATOR_ROLE");
    }

    function test_constructor_emitsRolesAndMinimum() public {
        address next = vm.computeCreateAddress(address(this), vm.getNonce(address(this)));
        vm.expectEmit(next);
        emit IPrimeNetwork.RoleTransferred(FEDERATOR_ROLE, address(0), federator);
        vm.expectEmit(next);
        emit IPrimeNetwork.RoleTransferred(VALIDATOR_ROLE, address(0), validator);
        vm.expectEmit(next);
        emit IPrimeNetwork.StakeMinimumSet(42);
        _deployArtifact("PrimeNetwork", abi.encode(address(token), _modules(), federator, validator, 42));
    }

    function test_constructor_revertsOnZeroAddresses() public {
        for (uint256 i; i < 8; ++i) {
            IPrimeNetwork.Modules memory m = _modules();
            address token_ = address(token);
            address federator_ = federator;
            address validator_ = validator;
            if (i == 0) token_ = address(0);
            if (i == 1) m.stakeManager = address(0);
            if (i == 2) m.computeRegistry = address(0);
            if (i == 3) m.domainRegistry = address(0);
            if (i == 4) m.computePool = address(0);
            if (i == 5) m.rewardsDistributor = address(0);
            if (i == 6) federator_ = address(0);
            if (i == 7) validator_ = address(0);
            vm.expectRevert(ICommonErrors.ZeroAddress.selector);
            _deployArtifact("PrimeNetwork", abi.encode(token_, m, federator_, validator_, STAKE_MINIMUM));
        }
    }

    function test_constructor_revertsOnStakeMinimumAboveUint128() public {
        uint256 max = type(uint128).max;
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, max + 1, max));
        _deployArtifact("PrimeNetwork", abi.encode(address(token), _modules(), federator, validator, max + 1));
    }

    function test_hasRole_onlyCurrentHolders() public view {
        assertTrue(network.hasRole(FEDERATOR_ROLE, federator), "federator has FEDERATOR_ROLE");
        assertTrue(network.hasRole(VALIDATOR_ROLE, validator), "validator has VALIDATOR_ROLE");
        assertFalse(network.hasRole(FEDERATOR_ROLE, validator), "validator lacks FEDERATOR_ROLE");
        assertFalse(network.hasRole(VALIDATOR_ROLE, federator), "federator lacks VALIDATOR_ROLE");
        assertFalse(network.hasRole(FEDERATOR_ROLE, address(0)), "zero lacks FEDERATOR_ROLE");
        assertFalse(network.hasRole(VALIDATOR_ROLE, stranger), "stranger lacks VALIDATOR_ROLE");
    }

    function testFuzz_hasRole_unknownRoleIsFalse(bytes32 role, address account) public view {
        vm.assume(role != FEDERATOR_ROLE && role != VALIDATOR_ROLE);
        assertFalse(network.hasRole(role, account), "unknown role");
    }

    function test_hasRole_unknownRoleIsFalse() public view {
        testFuzz_hasRole_unknownRoleIsFalse(bytes32(0), federator);
        testFuzz_hasRole_unknownRoleIsFalse(keccak256("MINTER_ROLE"), validator);
        testFuzz_hasRole_unknownRoleIsFalse(keccak256("ADMIN_ROLE"), address(0));
    }

    function test_minimumStakeFor_followsNodesAndMinimum() public {
        assertEq(network.minimumStakeFor(stranger), STAKE_MINIMUM, "unknown provider");
        _registerProvider(provider, STAKE);
        (, uint256 pk1) = _nodeKey("node1");
        (, uint256 pk2) = _nodeKey("node2");
        address node1 = _addNode(provider, pk1, 3);
        _addNode(provider, pk2, 4);
        assertEq(network.minimumStakeFor(provider), 8 * STAKE_MINIMUM, "two nodes");
        vm.prank(provider);
        network.removeComputeNode(node1);
        assertEq(network.minimumStakeFor(provider), 5 * STAKE_MINIMUM, "after removal");
        _setStakeMinimum(7e18);
        assertEq(network.minimumStakeFor(provider), 35e18, "after minimum change");
    }

    function test_nodeOwnershipDigest_isEip712() public {
        (address nodeKey,) = _nodeKey("node1");
        bytes32 domainSeparator = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Prime Network"),
                keccak256("1"),
                block.chainid,
                address(network)
            )
        );
        bytes32 structHash =
            keccak256(abi.encode(NODE_OWNERSHIP_TYPEHASH, provider, nodeKey, uint256(0), CONSENT_DEADLINE));
        assertEq(
            network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE),
            keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash)),
            "digest"
        );
    }

    function test_nodeOwnershipDigest_changesWithChainNonceAndDeadline() public {
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes32 before = network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE);
        assertNotEq(before, network.nodeOwnershipDigest(provider2, nodeKey, CONSENT_DEADLINE), "bound to provider");
        assertNotEq(before, network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE + 1), "bound to deadline");

        _registerProvider(provider, STAKE);
        _addNode(provider, pk, 1);
        vm.prank(provider);
        network.removeComputeNode(nodeKey);
        assertEq(registry.nodeKeyNonce(nodeKey), 1, "nonce");
        bytes32 afterRemoval = network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE);
        assertNotEq(before, afterRemoval, "bound to nonce");

        vm.chainId(block.chainid + 1);
        assertNotEq(afterRemoval, network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE), "bound to chain");
    }

    /* REGISTER */

    function test_registerProvider_registersAndStakes() public {
        vm.expectEmit(address(registry));
        emit IComputeRegistry.ProviderRegistered(provider);
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Staked(provider, STAKE_MINIMUM, 0, STAKE_MINIMUM);
        _registerProvider(provider, STAKE_MINIMUM);

        IComputeRegistry.Provider memory p = registry.getProvider(provider);
        assertTrue(p.registered, "registered");
        assertFalse(p.whitelisted, "whitelisted");
        assertEq(p.nodeCount, 0, "nodeCount");
        assertEq(p.totalComputeUnits, 0, "totalComputeUnits");
        assertEq(stakeManager.activeStake(provider), STAKE_MINIMUM, "activeStake");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - STAKE_MINIMUM, "provider balance");
        assertEq(token.balanceOf(address(stakeManager)), STAKE_MINIMUM, "stakeManager balance");
    }

    function testFuzz_registerProvider_anyAmountFromMinimum(uint256 amount) public {
        amount = bound(amount, STAKE_MINIMUM, INITIAL_BALANCE);
        _registerProvider(provider, amount);
        assertEq(stakeManager.activeStake(provider), amount, "activeStake");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - amount, "provider balance");
    }

    function test_registerProvider_anyAmountFromMinimum() public {
        testFuzz_registerProvider_anyAmountFromMinimum(STAKE);
    }

    function test_registerProvider_revertsBelowMinimum() public {
        vm.expectRevert(_insufficientStake(provider, STAKE_MINIMUM, STAKE_MINIMUM - 1));
        _registerProvider(provider, STAKE_MINIMUM - 1);
        assertFalse(registry.getProvider(provider).registered, "not registered");
    }

    function test_registerProvider_followsStakeMinimum() public {
        _setStakeMinimum(300e18);
        vm.expectRevert(_insufficientStake(provider, 300e18, 299e18));
        _registerProvider(provider, 299e18);
        _registerProvider(provider, 300e18);
        assertEq(stakeManager.activeStake(provider), 300e18, "activeStake");
    }

    function test_registerProvider_revertsWhenAlreadyRegistered() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.ProviderAlreadyRegistered.selector, provider));
        _registerProvider(provider, STAKE);
        assertEq(stakeManager.activeStake(provider), STAKE, "activeStake");
    }

    function test_registerProvider_revertsWhenPaused() public {
        _pause();
        vm.expectRevert(ICommonErrors.NetworkPaused.selector);
        _registerProvider(provider, STAKE);
    }

    function test_registerProvider_revertsWithoutAllowance() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(stakeManager), 0, STAKE_MINIMUM
            )
        );
        vm.prank(permitProvider);
        network.registerProvider(STAKE_MINIMUM);
        assertFalse(registry.getProvider(permitProvider).registered, "not registered");
    }

    /* REGISTER WITH PERMIT */

    function test_registerProviderWithPermit_usesPermit() public {
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permitSignature(permitProviderPk, address(stakeManager), STAKE, deadline);
        assertEq(token.allowance(permitProvider, address(stakeManager)), 0, "no allowance before");

        vm.prank(permitProvider);
        network.registerProviderWithPermit(STAKE, deadline, v, r, s);

        assertTrue(registry.getProvider(permitProvider).registered, "registered");
        assertEq(stakeManager.activeStake(permitProvider), STAKE, "activeStake");
        assertEq(token.nonces(permitProvider), 1, "permit used");
        assertEq(token.allowance(permitProvider, address(stakeManager)), 0, "allowance spent");
        assertEq(token.balanceOf(permitProvider), INITIAL_BALANCE - STAKE, "provider balance");
    }

    function test_registerProviderWithPermit_frontRunPermitDoesNotBlock() public {
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permitSignature(permitProviderPk, address(stakeManager), STAKE, deadline);

        // Someone copies the permit from the mempool and submits it first.
        vm.prank(stranger);
        token.permit(permitProvider, address(stakeManager), STAKE, deadline, v, r, s);
        assertEq(token.nonces(permitProvider), 1, "permit used by the front-runner");

        vm.prank(permitProvider);
        network.registerProviderWithPermit(STAKE, deadline, v, r, s);

        assertTrue(registry.getProvider(permitProvider).registered, "registered");
        assertEq(stakeManager.activeStake(permitProvider), STAKE, "activeStake");
        assertEq(token.allowance(permitProvider, address(stakeManager)), 0, "allowance spent");
    }

    function test_registerProviderWithPermit_badPermitWithoutAllowanceFails() public {
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        (, uint256 otherPk) = makeAddrAndKey("notTheOwner");
        (uint8 v, bytes32 r, bytes32 s) = _permitSignature(otherPk, address(stakeManager), STAKE, deadline);

        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(stakeManager), 0, STAKE)
        );
        vm.prank(permitProvider);
        network.registerProviderWithPermit(STAKE, deadline, v, r, s);
    }

    function test_registerProviderWithPermit_expiredPermitWithoutAllowanceFails() public {
        vm.warp(1_700_000_000);
        uint256 deadline = 1_700_000_000 - 1;
        (uint8 v, bytes32 r, bytes32 s) = _permitSignature(permitProviderPk, address(stakeManager), STAKE, deadline);

        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(stakeManager), 0, STAKE)
        );
        vm.prank(permitProvider);
        network.registerProviderWithPermit(STAKE, deadline, v, r, s);
    }

    function test_registerProviderWithPermit_permitForAnotherSpenderDoesNotHelp() public {
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permitSignature(permitProviderPk, address(network), STAKE, deadline);

        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(stakeManager), 0, STAKE)
        );
        vm.prank(permitProvider);
        network.registerProviderWithPermit(STAKE, deadline, v, r, s);
    }

    function test_registerProviderWithPermit_badPermitFallsBackToAllowance() public {
        vm.prank(permitProvider);
        token.approve(address(stakeManager), STAKE);

        vm.prank(permitProvider);
        network.registerProviderWithPermit(STAKE, 0, 27, bytes32(uint256(1)), bytes32(uint256(2)));

        assertEq(stakeManager.activeStake(permitProvider), STAKE, "activeStake");
        assertEq(token.nonces(permitProvider), 0, "no permit used");
    }

    function test_registerProviderWithPermit_revertsBelowMinimum() public {
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        uint256 amount = STAKE_MINIMUM - 1;
        (uint8 v, bytes32 r, bytes32 s) = _permitSignature(permitProviderPk, address(stakeManager), amount, deadline);
        vm.expectRevert(_insufficientStake(permitProvider, STAKE_MINIMUM, amount));
        vm.prank(permitProvider);
        network.registerProviderWithPermit(amount, deadline, v, r, s);
    }

    function test_registerProviderWithPermit_revertsWhenPaused() public {
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permitSignature(permitProviderPk, address(stakeManager), STAKE, deadline);
        _pause();
        vm.expectRevert(ICommonErrors.NetworkPaused.selector);
        vm.prank(permitProvider);
        network.registerProviderWithPermit(STAKE, deadline, v, r, s);
        assertEq(token.nonces(permitProvider), 0, "permit not consumed");
    }

    /* INCREASE / RECLAIM / WITHDRAW */

    function test_increaseStake_revertsForUnregistered() public {
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.ProviderNotRegistered.selector, provider));
        vm.prank(provider);
        network.increaseStake(STAKE);
    }

    function test_increaseStake_addsFromWallet() public {
        _registerProvider(provider, STAKE);
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Staked(provider, 50e18, 0, STAKE + 50e18);
        vm.prank(provider);
        network.increaseStake(50e18);
        assertEq(stakeManager.activeStake(provider), STAKE + 50e18, "activeStake");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - STAKE - 50e18, "provider balance");
    }

    function test_increaseStake_rebondsPendingFirst() public {
        _registerProvider(provider, STAKE);
        _reclaim(provider, 300e18);

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Staked(provider, 500e18, 300e18, 1200e18);
        vm.prank(provider);
        network.increaseStake(500e18);

        assertEq(stakeManager.activeStake(provider), 1200e18, "activeStake");
        assertEq(stakeManager.unbondingStake(provider), 0, "unbondingStake");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 1200e18, "only 200 pulled");
    }

    function test_reclaimStake_neverBelowWhatNodesRequire() public {
        _registerProvider(provider, STAKE);
        (, uint256 pk) = _nodeKey("node1");
        _addNode(provider, pk, 5);
        uint256 required = 6 * STAKE_MINIMUM;

        vm.expectRevert(_insufficientStake(provider, required, required - 1));
        _reclaim(provider, STAKE - required + 1);

        vm.expectEmit(address(stakeManager));
        emit IStakeManager.UnbondStarted(
            provider, STAKE - required, uint64(vm.getBlockTimestamp() + UNBONDING_PERIOD), required
        );
        _reclaim(provider, STAKE - required);
        assertEq(stakeManager.activeStake(provider), required, "activeStake");

        vm.expectRevert(_insufficientStake(provider, required, required - 1));
        _reclaim(provider, 1);
    }

    function test_reclaimStake_withoutNodesKeepsTheBaseMinimumUnlessLeavingEntirely() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(_insufficientStake(provider, STAKE_MINIMUM, 1));
        _reclaim(provider, STAKE - 1);
        _reclaim(provider, STAKE - STAKE_MINIMUM);
        assertEq(stakeManager.activeStake(provider), STAKE_MINIMUM, "activeStake");
    }

    function test_reclaimStake_providerWithoutNodesCanExitFully() public {
        _registerProvider(provider, STAKE);
        _reclaim(provider, STAKE);
        assertEq(stakeManager.activeStake(provider), 0, "activeStake");
        skip(UNBONDING_PERIOD);
        vm.prank(provider);
        assertEq(network.withdraw(), STAKE, "withdrawn");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE, "everything back");
    }

    function test_reclaimStake_providerWithNodesCannotExitFully() public {
        _providerWithNode("node1", 4);
        uint256 active = stakeManager.activeStake(provider);
        vm.expectRevert(_insufficientStake(provider, 5 * STAKE_MINIMUM, 0));
        _reclaim(provider, active);
    }

    function test_reclaimStake_revertsAboveActiveStake() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(
            abi.encodeWithSelector(IStakeManager.InsufficientActiveStake.selector, provider, STAKE + 1, STAKE)
        );
        _reclaim(provider, STAKE + 1);
    }

    function test_reclaimStake_nodeRemovalFreesStake() public {
        address nodeKey = _providerWithNode("node1", 4);
        vm.expectRevert(_insufficientStake(provider, 5 * STAKE_MINIMUM, 4 * STAKE_MINIMUM));
        _reclaim(provider, STAKE_MINIMUM);
        vm.prank(provider);
        network.removeComputeNode(nodeKey);
        _reclaim(provider, 4 * STAKE_MINIMUM);
        assertEq(stakeManager.activeStake(provider), STAKE_MINIMUM, "activeStake");
    }

    function test_reclaimStake_afterSlashReportsRealActive() public {
        _providerWithNode("node1", 4);
        vm.prank(validator);
        network.slash(provider, 1e18, _noEvictions());
        vm.expectRevert(_insufficientStake(provider, 5 * STAKE_MINIMUM, 5 * STAKE_MINIMUM - 2e18));
        _reclaim(provider, 1e18);
    }

    function test_withdraw_afterUnbondingPeriod() public {
        _registerProvider(provider, STAKE);
        _reclaim(provider, 400e18);
        vm.expectRevert(abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, provider));
        vm.prank(provider);
        network.withdraw();

        skip(UNBONDING_PERIOD);
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Withdrawn(provider, 400e18);
        vm.prank(provider);
        assertEq(network.withdraw(), 400e18, "withdrawn");
        assertEq(token.balanceOf(provider), INITIAL_BALANCE - 600e18, "provider balance");
        assertEq(token.balanceOf(address(stakeManager)), 600e18, "stakeManager balance");
    }

    /* ADD NODE */

    function test_addComputeNode_registersNode() public {
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes memory signature = _ownershipSignature(provider, pk);

        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeAdded(provider, nodeKey, 5, "ipfs://specs");
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 5, CONSENT_DEADLINE, signature);

        IComputeRegistry.Node memory node = registry.getNode(nodeKey);
        assertEq(node.provider, provider, "node provider");
        assertEq(node.computeUnits, 5, "node computeUnits");
        assertEq(node.benchmarkScore, 0, "node benchmarkScore");
        assertEq(node.index, 0, "node index");
        assertFalse(node.active, "node active");
        assertFalse(node.validated, "node validated");
        assertEq(node.specsURI, "ipfs://specs", "node specsURI");
        IComputeRegistry.Provider memory p = registry.getProvider(provider);
        assertEq(p.nodeCount, 1, "nodeCount");
        assertEq(p.totalComputeUnits, 5, "totalComputeUnits");
        assertEq(registry.getProviderNodes(provider)[0], nodeKey, "provider nodes");
        assertEq(network.minimumStakeFor(provider), 6 * STAKE_MINIMUM, "minimumStakeFor");
    }

    function test_addComputeNode_revertsForWrongSigner() public {
        _registerProvider(provider, STAKE);
        (address nodeKey,) = _nodeKey("node1");
        (, uint256 otherPk) = _nodeKey("node2");
        bytes memory signature = _signDigest(otherPk, network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE));

        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider, nodeKey));
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, CONSENT_DEADLINE, signature);
    }

    function test_addComputeNode_revertsForSignatureGivenToAnotherProvider() public {
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes memory signature = _ownershipSignature(provider2, pk);

        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider, nodeKey));
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, CONSENT_DEADLINE, signature);
    }

    function test_addComputeNode_revertsForSignatureFromAnotherChain() public {
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes memory signature = _ownershipSignature(provider, pk);
        vm.chainId(block.chainid + 1);

        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider, nodeKey));
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, CONSENT_DEADLINE, signature);
    }

    function test_addComputeNode_revertsForSignatureFromBeforeRemoval() public {
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes memory oldSignature = _ownershipSignature(provider, pk);
        vm.startPrank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, CONSENT_DEADLINE, oldSignature);
        network.removeComputeNode(nodeKey);

        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider, nodeKey));
        network.addComputeNode(nodeKey, "ipfs://specs", 1, CONSENT_DEADLINE, oldSignature);
        vm.stopPrank();

        _addNode(provider, pk, 2);
        assertEq(registry.getNode(nodeKey).computeUnits, 2, "re-added with a fresh signature");
    }

    /// @dev Finding: a node key's consent never expired and could be used years later.
    function test_addComputeNode_revertsAfterTheConsentDeadline() public {
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        bytes memory signature = _ownershipSignature(provider, pk, deadline);
        skip(1 hours + 1);

        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.NodeSignatureExpired.selector, nodeKey, deadline));
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, deadline, signature);
        assertEq(registry.getNode(nodeKey).provider, address(0), "not added");
    }

    function test_addComputeNode_acceptsConsentAtItsDeadline() public {
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        bytes memory signature = _ownershipSignature(provider, pk, deadline);
        skip(1 hours);

        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, deadline, signature);
        assertEq(registry.getNode(nodeKey).provider, provider, "added at the last second");
    }

    function test_addComputeNode_revertsWhenTheDeadlineIsNotTheSignedOne() public {
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        bytes memory signature = _ownershipSignature(provider, pk, deadline);

        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider, nodeKey));
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, deadline + 365 days, signature);
    }

    function test_addComputeNode_acceptsContractNodeKey() public {
        _registerProvider(provider, STAKE);
        ERC1271NodeKey nodeKey = new ERC1271NodeKey();
        nodeKey.approve(network.nodeOwnershipDigest(provider, address(nodeKey), CONSENT_DEADLINE));

        vm.prank(provider);
        network.addComputeNode(address(nodeKey), "ipfs://specs", 2, CONSENT_DEADLINE, "");
        assertEq(registry.getNode(address(nodeKey)).provider, provider, "node provider");
    }

    function test_addComputeNode_rejectsContractNodeKeyThatDeclines() public {
        _registerProvider(provider, STAKE);
        ERC1271NodeKey nodeKey = new ERC1271NodeKey();
        nodeKey.approve(network.nodeOwnershipDigest(provider2, address(nodeKey), CONSENT_DEADLINE));

        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider, address(nodeKey)));
        vm.prank(provider);
        network.addComputeNode(address(nodeKey), "ipfs://specs", 2, CONSENT_DEADLINE, "");
    }

    function test_addComputeNode_revertsWhenUnitsExceedStake() public {
        _registerProvider(provider, STAKE); // covers 9 units
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes memory signature = _ownershipSignature(provider, pk);
        vm.expectRevert(_insufficientStake(provider, 11 * STAKE_MINIMUM, STAKE));
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 10, CONSENT_DEADLINE, signature);

        _addNode(provider, pk, 9);
        (address nodeKey2, uint256 pk2) = _nodeKey("node2");
        signature = _ownershipSignature(provider, pk2);
        vm.expectRevert(_insufficientStake(provider, 11 * STAKE_MINIMUM, STAKE));
        vm.prank(provider);
        network.addComputeNode(nodeKey2, "ipfs://specs", 1, CONSENT_DEADLINE, signature);
        assertEq(registry.getProvider(provider).totalComputeUnits, 9, "totalComputeUnits");
    }

    function test_addComputeNode_revertsOnZeroUnits() public {
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes memory signature = _ownershipSignature(provider, pk);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.InvalidComputeUnits.selector, 0, MAX_UNITS));
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 0, CONSENT_DEADLINE, signature);
    }

    function test_addComputeNode_revertsAboveMaxUnits() public {
        _setStakeMinimum(1);
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes memory signature = _ownershipSignature(provider, pk);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.InvalidComputeUnits.selector, MAX_UNITS + 1, MAX_UNITS));
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", MAX_UNITS + 1, CONSENT_DEADLINE, signature);

        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", MAX_UNITS, CONSENT_DEADLINE, signature);
        assertEq(registry.getNode(nodeKey).computeUnits, MAX_UNITS, "max units accepted");
        assertEq(network.minimumStakeFor(provider), MAX_UNITS + 1, "minimumStakeFor");
    }

    function test_addComputeNode_revertsWhenNodeAlreadyRegistered() public {
        _registerProvider(provider, STAKE);
        _registerProvider(provider2, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        _addNode(provider, pk, 1);

        bytes memory signature = _ownershipSignature(provider, pk);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeAlreadyRegistered.selector, nodeKey, provider));
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, CONSENT_DEADLINE, signature);

        signature = _ownershipSignature(provider2, pk);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeAlreadyRegistered.selector, nodeKey, provider));
        vm.prank(provider2);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, CONSENT_DEADLINE, signature);
    }

    function test_addComputeNode_revertsForUnregisteredProvider() public {
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes memory signature = _ownershipSignature(stranger, pk);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.ProviderNotRegistered.selector, stranger));
        vm.prank(stranger);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, CONSENT_DEADLINE, signature);
    }

    function test_addComputeNode_revertsForZeroNodeKey() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.InvalidNodeSignature.selector, provider, address(0)));
        vm.prank(provider);
        network.addComputeNode(address(0), "ipfs://specs", 1, CONSENT_DEADLINE, new bytes(65));
    }

    function test_addComputeNode_revertsWhenPaused() public {
        _registerProvider(provider, STAKE);
        (address nodeKey, uint256 pk) = _nodeKey("node1");
        bytes memory signature = _ownershipSignature(provider, pk);
        _pause();
        vm.expectRevert(ICommonErrors.NetworkPaused.selector);
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://specs", 1, CONSENT_DEADLINE, signature);
    }

    /* REMOVE NODE */

    function test_removeComputeNode_removesNode() public {
        address nodeKey = _providerWithNode("node1", 4);
        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeRemoved(provider, nodeKey);
        vm.prank(provider);
        network.removeComputeNode(nodeKey);

        IComputeRegistry.Node memory node = registry.getNode(nodeKey);
        assertEq(node.provider, address(0), "node deleted");
        assertEq(node.computeUnits, 0, "node units deleted");
        assertEq(registry.nodeKeyNonce(nodeKey), 1, "nonce");
        IComputeRegistry.Provider memory p = registry.getProvider(provider);
        assertEq(p.nodeCount, 0, "nodeCount");
        assertEq(p.totalComputeUnits, 0, "totalComputeUnits");
        assertEq(registry.getProviderNodes(provider).length, 0, "provider nodes");
        assertEq(network.minimumStakeFor(provider), STAKE_MINIMUM, "minimumStakeFor");
    }

    function test_removeComputeNode_movesLastNodeIntoTheGap() public {
        _registerProvider(provider, STAKE);
        (, uint256 pk1) = _nodeKey("node1");
        (, uint256 pk2) = _nodeKey("node2");
        (, uint256 pk3) = _nodeKey("node3");
        address node1 = _addNode(provider, pk1, 1);
        address node2 = _addNode(provider, pk2, 2);
        address node3 = _addNode(provider, pk3, 3);

        vm.prank(provider);
        network.removeComputeNode(node1);

        address[] memory nodes = registry.getProviderNodes(provider);
        assertEq(nodes.length, 2, "two left");
        assertEq(nodes[0], node3, "last moved to slot 0");
        assertEq(nodes[1], node2, "slot 1 unchanged");
        assertEq(registry.getNode(node3).index, 0, "moved node index");
        assertEq(registry.getNode(node2).index, 1, "other node index");
        assertEq(registry.getProvider(provider).totalComputeUnits, 5, "totalComputeUnits");
    }

    function test_removeComputeNode_revertsForUnknownNode() public {
        _registerProvider(provider, STAKE);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, stranger));
        vm.prank(provider);
        network.removeComputeNode(stranger);
    }

    function test_removeComputeNode_revertsForAnotherProvider() public {
        address nodeKey = _providerWithNode("node1", 1);
        _registerProvider(provider2, STAKE);
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.CallerNotNodeProvider.selector, nodeKey, provider2));
        vm.prank(provider2);
        network.removeComputeNode(nodeKey);
    }

    function test_removeComputeNode_revertsWhileActiveInAPool() public {
        _registerWhitelisted(provider, 2);
        address nodeKey = _addValidatedNode(provider, "node1", 2);
        uint256 poolId = _activePool(0, 0);
        _join(provider, poolId, nodeKey, 0);

        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeActive.selector, nodeKey));
        vm.prank(provider);
        network.removeComputeNode(nodeKey);

        _leave(provider, poolId, nodeKey);
        vm.prank(provider);
        network.removeComputeNode(nodeKey);
        assertEq(registry.getNode(nodeKey).provider, address(0), "removed after leaving");
    }

    /* WHITELIST / BLACKLIST */

    function test_whitelistProvider_setsFlag() public {
        _registerProvider(provider, STAKE);
        vm.expectEmit(address(registry));
        emit IComputeRegistry.ProviderWhitelistUpdated(provider, true);
        vm.prank(validator);
        network.whitelistProvider(provider);
        assertTrue(registry.getProvider(provider).whitelisted, "whitelisted");
    }

    function test_blacklistProvider_clearsFlagAndBlocksJoins() public {
        _registerWhitelisted(provider, 2);
        address nodeKey = _addValidatedNode(provider, "node1", 2);
        uint256 poolId = _activePool(0, 0);

        vm.expectEmit(address(registry));
        emit IComputeRegistry.ProviderWhitelistUpdated(provider, false);
        vm.prank(validator);
        network.blacklistProvider(provider, _noEvictions());
        assertFalse(registry.getProvider(provider).whitelisted, "whitelisted");

        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, nodeKey, 0);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ProviderNotWhitelisted.selector, provider));
        vm.prank(provider);
        pools.joinComputePool(poolId, invites);
    }

    function test_whitelistProvider_revertsForUnregistered() public {
        vm.startPrank(validator);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.ProviderNotRegistered.selector, stranger));
        network.whitelistProvider(stranger);
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.ProviderNotRegistered.selector, stranger));
        network.blacklistProvider(stranger, _noEvictions());
        vm.stopPrank();
    }

    /* VALIDATE / INVALIDATE / BENCHMARK */

    function test_validateNode_marksValidated() public {
        address nodeKey = _providerWithNode("node1", 3);
        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeValidationUpdated(nodeKey, true);
        vm.prank(validator);
        network.validateNode(nodeKey);
        assertTrue(registry.getNode(nodeKey).validated, "validated");
    }

    function test_validateNode_rechecksStakeAfterMinimumRaised() public {
        address nodeKey = _providerWithNode("node1", 3);
        _setStakeMinimum(2 * STAKE_MINIMUM);
        vm.expectRevert(_insufficientStake(provider, 8 * STAKE_MINIMUM, 4 * STAKE_MINIMUM));
        vm.prank(validator);
        network.validateNode(nodeKey);
        assertFalse(registry.getNode(nodeKey).validated, "not validated");

        vm.prank(provider);
        network.increaseStake(4 * STAKE_MINIMUM);
        vm.prank(validator);
        network.validateNode(nodeKey);
        assertTrue(registry.getNode(nodeKey).validated, "validated after top-up");
    }

    function test_validateNode_rechecksStakeAfterSlash() public {
        address nodeKey = _providerWithNode("node1", 3);
        vm.startPrank(validator);
        network.slash(provider, 1, _noEvictions());
        vm.expectRevert(_insufficientStake(provider, 4 * STAKE_MINIMUM, 4 * STAKE_MINIMUM - 1));
        network.validateNode(nodeKey);
        vm.stopPrank();
    }

    function test_validateNode_revertsForUnknownNode() public {
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, stranger));
        vm.prank(validator);
        network.validateNode(stranger);
    }

    function test_invalidateNode_clearsFlagAndBlocksJoins() public {
        _registerWhitelisted(provider, 2);
        address nodeKey = _addValidatedNode(provider, "node1", 2);
        uint256 poolId = _activePool(0, 0);

        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeValidationUpdated(nodeKey, false);
        vm.prank(validator);
        network.invalidateNode(nodeKey, _noEvictions());
        assertFalse(registry.getNode(nodeKey).validated, "validated");

        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, nodeKey, 0);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NodeNotValidated.selector, nodeKey));
        vm.prank(provider);
        pools.joinComputePool(poolId, invites);
    }

    function test_invalidateNode_revertsForUnknownNode() public {
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, stranger));
        vm.prank(validator);
        network.invalidateNode(stranger, _noEvictions());
    }

    function test_setNodeBenchmark_recordsScore() public {
        address nodeKey = _providerWithNode("node1", 1);
        uint256 max = type(uint32).max;
        vm.expectEmit(address(registry));
        emit IComputeRegistry.NodeBenchmarkUpdated(nodeKey, max);
        vm.prank(validator);
        network.setNodeBenchmark(nodeKey, max);
        assertEq(registry.getNode(nodeKey).benchmarkScore, max, "benchmarkScore");
    }

    function test_setNodeBenchmark_revertsAboveUint32() public {
        address nodeKey = _providerWithNode("node1", 1);
        uint256 max = type(uint32).max;
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.BenchmarkScoreTooLarge.selector, max + 1, max));
        vm.prank(validator);
        network.setNodeBenchmark(nodeKey, max + 1);
    }

    function test_setNodeBenchmark_revertsForUnknownNode() public {
        vm.expectRevert(abi.encodeWithSelector(IComputeRegistry.NodeNotRegistered.selector, stranger));
        vm.prank(validator);
        network.setNodeBenchmark(stranger, 1);
    }

    /* SLASH */

    function test_slash_sendsToTreasuryAndReturnsAmount() public {
        _registerProvider(provider, STAKE);
        vm.expectEmit(address(stakeManager));
        emit IStakeManager.Slashed(provider, 250e18, 0, treasury);
        vm.prank(validator);
        assertEq(network.slash(provider, 250e18, _noEvictions()), 250e18, "slashed");
        assertEq(stakeManager.activeStake(provider), STAKE - 250e18, "activeStake");
        assertEq(token.balanceOf(treasury), 250e18, "treasury");
        assertTrue(registry.getProvider(provider).registered, "still registered");
    }

    /* DOMAINS */

    function test_createDomain_returnsIdAndEmits() public {
        vm.expectEmit(address(domains));
        emit IDomainRegistry.DomainCreated(1, "inference", address(0), "ipfs://params");
        vm.prank(federator);
        assertEq(network.createDomain("inference", address(0), "ipfs://params"), 1, "first id");
        vm.prank(federator);
        assertEq(network.createDomain("training", address(0), ""), 2, "second id");
    }

    function test_updateDomain_updatesAndEmits() public {
        uint256 domainId = _createDomain();
        vm.expectEmit(address(domains));
        emit IDomainRegistry.DomainUpdated(domainId, address(token), "ipfs://v2");
        vm.prank(federator);
        network.updateDomain(domainId, address(token), "ipfs://v2");
        IDomainRegistry.Domain memory domain = domains.getDomain(domainId);
        assertEq(domain.validationLogic, address(token), "validationLogic");
        assertEq(domain.domainParametersURI, "ipfs://v2", "domainParametersURI");
    }

    /* STAKE MINIMUM */

    function test_setStakeMinimum_setsAndEmits() public {
        vm.expectEmit(address(network));
        emit IPrimeNetwork.StakeMinimumSet(5e18);
        _setStakeMinimum(5e18);
        assertEq(network.stakeMinimum(), 5e18, "stakeMinimum");

        _setStakeMinimum(type(uint128).max);
        assertEq(network.stakeMinimum(), type(uint128).max, "uint128 max accepted");
    }

    function test_setStakeMinimum_revertsAboveUint128() public {
        uint256 max = type(uint128).max;
        vm.expectRevert(abi.encodeWithSelector(ICommonErrors.AmountTooLarge.selector, max + 1, max));
        _setStakeMinimum(max + 1);
        assertEq(network.stakeMinimum(), STAKE_MINIMUM, "unchanged");
    }

    /* PAUSE */

    function test_pause_setsAndEmits() public {
        vm.expectEmit(address(network));
        emit IPrimeNetwork.PauseSet(true);
        _pause();
        assertTrue(network.paused(), "paused");
    }

    function test_pause_revertsWhenAlreadyPaused() public {
        _pause();
        vm.expectRevert(IPrimeNetwork.AlreadyPaused.selector);
        _pause();
    }

    function test_unpause_liftsPause() public {
        _pause();
        vm.expectEmit(address(network));
        emit IPrimeNetwork.PauseSet(false);
        vm.prank(federator);
        network.unpause();
        assertFalse(network.paused(), "paused");
        _registerProvider(provider, STAKE);
        assertTrue(registry.getProvider(provider).registered, "registration works again");
    }

    function test_unpause_revertsWhenNotPaused() public {
        vm.expectRevert(IPrimeNetwork.NotPaused.selector);
        vm.prank(federator);
        network.unpause();
    }

    function test_pause_blocksPoolJoins() public {
        _registerWhitelisted(provider, 2);
        address nodeKey = _addValidatedNode(provider, "node1", 2);
        uint256 poolId = _activePool(0, 0);
        _pause();
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, nodeKey, 0);
        vm.expectRevert(ICommonErrors.NetworkPaused.selector);
        vm.prank(provider);
        pools.joinComputePool(poolId, invites);
    }

    function test_pause_neverBlocksGettingOut() public {
        _registerWhitelisted(provider, 3);
        vm.prank(provider);
        network.increaseStake(STAKE);
        address nodeKey = _addValidatedNode(provider, "node1", 2);
        uint256 poolId = _activePool(1e15, 10_000e18);
        _join(provider, poolId, nodeKey, 0);
        _reclaim(provider, 100e18);
        skip(UNBONDING_PERIOD);
        _pause();

        uint256 balance = token.balanceOf(provider);
        vm.prank(provider);
        assertEq(network.withdraw(), 100e18, "withdraw while paused");
        vm.prank(provider);
        network.increaseStake(10e18);
        _reclaim(provider, 50e18);
        assertEq(stakeManager.unbondingStake(provider), 50e18, "reclaim while paused");
        _leave(provider, poolId, nodeKey);
        uint256 earned = 1e15 * 2 * UNBONDING_PERIOD;
        assertEq(_claim(provider, poolId, nodeKey), earned, "claim while paused");
        vm.prank(provider);
        network.removeComputeNode(nodeKey);
        assertEq(token.balanceOf(provider), balance + 100e18 - 10e18 + earned, "provider balance");
    }

    /* VALIDATOR ACTIONS TAKE INELIGIBLE NODES OUT */

    /// @dev A whitelisted provider with two validated nodes (2 units each) in a funded pool.
    function _providerInPool() internal returns (uint256 poolId, address nodeA, address nodeB) {
        _registerWhitelisted(provider, 4);
        nodeA = _addValidatedNode(provider, "nodeA", 2);
        nodeB = _addValidatedNode(provider, "nodeB", 2);
        poolId = _activePool(1e15, 100e18);
        _join(provider, poolId, nodeA, 0);
        _join(provider, poolId, nodeB, 1);
    }

    function _both(uint256 poolId, address a, address b) internal pure returns (IComputePool.PoolNode[] memory l) {
        l = new IComputePool.PoolNode[](2);
        l[0] = IComputePool.PoolNode({poolId: poolId, nodeKey: a});
        l[1] = IComputePool.PoolNode({poolId: poolId, nodeKey: b});
    }

    /// @dev Finding: a provider slashed to zero kept its nodes in their pools, earning.
    function test_slash_belowTheMinimumEvictsTheListedNodes() public {
        (uint256 poolId, address nodeA, address nodeB) = _providerInPool();
        skip(100);
        vm.expectEmit(address(pools));
        emit IComputePool.NodeLeftPool(poolId, provider, nodeA, address(network));
        vm.prank(validator);
        network.slash(provider, type(uint128).max, _both(poolId, nodeA, nodeB));

        assertFalse(registry.getNode(nodeA).active, "A out");
        assertFalse(registry.getNode(nodeB).active, "B out");
        assertEq(rewards.getPoolRewards(poolId).totalCompute, 0, "pool empty");
        uint256 earned = rewards.calculateRewards(poolId, nodeA);
        assertEq(earned, 1e15 * 2 * 100, "earned until the slash");
        skip(1 days);
        assertEq(rewards.calculateRewards(poolId, nodeA), earned, "earns nothing after");
    }

    function test_slash_keepsNodesWhileTheStakeStillCovers() public {
        (uint256 poolId, address nodeA, address nodeB) = _providerInPool();
        vm.prank(provider);
        network.increaseStake(10e18);
        vm.prank(validator);
        network.slash(provider, 10e18, _both(poolId, nodeA, nodeB));
        assertTrue(registry.getNode(nodeA).active && registry.getNode(nodeB).active, "both stay: still covered");
        vm.prank(validator);
        network.slash(provider, 1, _both(poolId, nodeA, nodeB));
        assertFalse(registry.getNode(nodeA).active || registry.getNode(nodeB).active, "one wei short: both out");
    }

    /// @dev Finding: removing a provider from the whitelist left its nodes earning.
    function test_blacklistProvider_evictsTheListedNodes() public {
        (uint256 poolId, address nodeA, address nodeB) = _providerInPool();
        vm.prank(validator);
        network.blacklistProvider(provider, _both(poolId, nodeA, nodeB));
        assertEq(registry.getProvider(provider).activeNodeCount, 0, "no node in a pool");
        assertEq(rewards.getPoolRewards(poolId).nodeCount, 0, "pool empty");
    }

    /// @dev Finding: invalidating a node left it earning.
    function test_invalidateNode_evictsIt() public {
        (uint256 poolId, address nodeA, address nodeB) = _providerInPool();
        vm.prank(validator);
        network.invalidateNode(nodeA, _evicting(poolId, nodeA));
        assertFalse(registry.getNode(nodeA).active, "A out");
        assertTrue(registry.getNode(nodeB).active, "B, still valid, stays");
    }

    /// @dev Without evictions in the same call, anyone cleans up afterwards.
    function test_slashWithoutEvictions_leavesCleanupToAnyone() public {
        (uint256 poolId, address nodeA, address nodeB) = _providerInPool();
        vm.prank(validator);
        network.slash(provider, 1, _noEvictions());
        assertTrue(registry.getNode(nodeA).active, "still in until someone ejects");
        vm.prank(stranger);
        assertEq(pools.ejectIneligibleNodes(_both(poolId, nodeA, nodeB)), 2, "a keeper ejects both");
    }

    function test_stakeStatus_reportsRequiredAndActive() public {
        _registerProvider(provider, STAKE);
        _addNode(provider, uint256(keccak256("node-pk")), 3);
        (uint256 required, uint256 active) = network.stakeStatus(provider);
        assertEq(required, STAKE_MINIMUM * 4, "minimum for 3 units");
        assertEq(active, STAKE, "active stake");
        (required, active) = network.stakeStatus(stranger);
        assertEq(required, STAKE_MINIMUM, "an unknown provider needs the base minimum");
        assertEq(active, 0, "and has nothing");
    }

    /* ROLES */

    function _handOver(bytes32 role, address newHolder) internal {
        vm.prank(federator);
        network.proposeRoleTransfer(role, newHolder);
        vm.prank(newHolder);
        network.acceptRole(role);
    }

    function test_proposeRoleTransfer_changesNothingUntilAccepted() public {
        address newFederator = makeAddr("newFederator");
        vm.expectEmit(address(network));
        emit IPrimeNetwork.RoleTransferProposed(FEDERATOR_ROLE, newFederator);
        vm.prank(federator);
        network.proposeRoleTransfer(FEDERATOR_ROLE, newFederator);

        assertEq(network.pendingRoleHolder(FEDERATOR_ROLE), newFederator, "pending");
        assertEq(network.federator(), federator, "still the federator");
        assertFalse(network.hasRole(FEDERATOR_ROLE, newFederator), "not yet the new holder");
        vm.expectRevert(_missingRole(FEDERATOR_ROLE, newFederator));
        vm.prank(newFederator);
        network.pause();
    }

    function test_acceptRole_movesFederatorRole() public {
        address newFederator = makeAddr("newFederator");
        vm.prank(federator);
        network.proposeRoleTransfer(FEDERATOR_ROLE, newFederator);
        vm.expectEmit(address(network));
        emit IPrimeNetwork.RoleTransferred(FEDERATOR_ROLE, federator, newFederator);
        vm.prank(newFederator);
        network.acceptRole(FEDERATOR_ROLE);

        assertEq(network.federator(), newFederator, "federator");
        assertEq(network.pendingRoleHolder(FEDERATOR_ROLE), address(0), "nothing pending");
        assertTrue(network.hasRole(FEDERATOR_ROLE, newFederator), "new holder");
        assertFalse(network.hasRole(FEDERATOR_ROLE, federator), "old holder");

        vm.expectRevert(_missingRole(FEDERATOR_ROLE, federator));
        _setStakeMinimum(1e18);
        vm.expectRevert(_missingRole(FEDERATOR_ROLE, federator));
        vm.prank(federator);
        network.proposeRoleTransfer(FEDERATOR_ROLE, federator);

        vm.startPrank(newFederator);
        network.setStakeMinimum(1e18);
        network.pause();
        vm.stopPrank();
        assertEq(network.stakeMinimum(), 1e18, "new federator set the minimum");
        assertTrue(network.paused(), "new federator paused");
    }

    function test_acceptRole_movesValidatorRoleInEveryModule() public {
        _registerWhitelisted(provider, 2);
        address nodeKey = _addValidatedNode(provider, "node1", 2);
        uint256 poolId = _activePool(1e15, 100e18);
        _join(provider, poolId, nodeKey, 0);
        skip(100);
        uint256 earned = 1e15 * 2 * 100;

        address newValidator = makeAddr("newValidator");
        vm.prank(federator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, newValidator);
        vm.expectEmit(address(network));
        emit IPrimeNetwork.RoleTransferred(VALIDATOR_ROLE, validator, newValidator);
        vm.prank(newValidator);
        network.acceptRole(VALIDATOR_ROLE);

        assertEq(network.validator(), newValidator, "validator");
        assertFalse(network.hasRole(VALIDATOR_ROLE, validator), "old holder");

        vm.startPrank(validator);
        vm.expectRevert(_missingRole(VALIDATOR_ROLE, validator));
        rewards.forfeitRewards(poolId, nodeKey);
        vm.expectRevert(_missingRole(VALIDATOR_ROLE, validator));
        network.invalidateNode(nodeKey, _noEvictions());
        vm.expectRevert(_missingRole(VALIDATOR_ROLE, validator));
        network.slash(provider, 1, _noEvictions());
        vm.stopPrank();

        uint256 budgetBefore = rewards.getPoolRewards(poolId).budget;
        vm.expectEmit(address(rewards));
        emit IRewardsDistributor.RewardsForfeited(poolId, nodeKey, earned);
        vm.prank(newValidator);
        assertEq(rewards.forfeitRewards(poolId, nodeKey), earned, "forfeited by the new validator");
        assertEq(rewards.calculateRewards(poolId, nodeKey), 0, "nothing left to claim");
        assertEq(rewards.getPoolRewards(poolId).budget, budgetBefore + earned, "back in the budget");

        vm.prank(newValidator);
        network.invalidateNode(nodeKey, _noEvictions());
        assertFalse(registry.getNode(nodeKey).validated, "new validator invalidated");
    }

    /// @dev Finding: with a one-step handover a mistyped address lost the federator role for good.
    /// Now the mistake is harmless: the typo cannot accept, and the federator proposes again.
    function test_proposeRoleTransfer_typoLosesNothing() public {
        address typo = makeAddr("typo");
        address intended = makeAddr("intended");
        vm.startPrank(federator);
        network.proposeRoleTransfer(FEDERATOR_ROLE, typo);
        network.proposeRoleTransfer(FEDERATOR_ROLE, intended);
        vm.stopPrank();
        assertEq(network.pendingRoleHolder(FEDERATOR_ROLE), intended, "the later proposal replaces the typo");
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.CallerNotPendingRoleHolder.selector, FEDERATOR_ROLE, typo));
        vm.prank(typo);
        network.acceptRole(FEDERATOR_ROLE);
        vm.prank(intended);
        network.acceptRole(FEDERATOR_ROLE);
        assertEq(network.federator(), intended, "the intended account holds the role");
    }

    function test_cancelRoleTransfer_voidsTheProposal() public {
        address newValidator = makeAddr("newValidator");
        vm.prank(federator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, newValidator);
        vm.expectEmit(address(network));
        emit IPrimeNetwork.RoleTransferCancelled(VALIDATOR_ROLE, newValidator);
        vm.prank(federator);
        network.cancelRoleTransfer(VALIDATOR_ROLE);

        assertEq(network.pendingRoleHolder(VALIDATOR_ROLE), address(0), "nothing pending");
        vm.expectRevert(
            abi.encodeWithSelector(IPrimeNetwork.CallerNotPendingRoleHolder.selector, VALIDATOR_ROLE, newValidator)
        );
        vm.prank(newValidator);
        network.acceptRole(VALIDATOR_ROLE);
        assertEq(network.validator(), validator, "unchanged");
    }

    /// @dev Finding: only the federator could hand the validator role over, so a validator rotating
    /// its own key needed the federator. Now the holder proposes and cancels; the federator keeps
    /// both powers as the admin; the validator cannot touch the federator role.
    function test_proposeRoleTransfer_validatorHandsOverItsOwnRole() public {
        address newValidator = makeAddr("newValidator");
        vm.prank(validator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, makeAddr("first"));
        vm.prank(federator);
        network.cancelRoleTransfer(VALIDATOR_ROLE);
        vm.prank(validator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, newValidator);
        assertEq(network.pendingRoleHolder(VALIDATOR_ROLE), newValidator, "pending");
        vm.prank(newValidator);
        network.acceptRole(VALIDATOR_ROLE);
        assertEq(network.validator(), newValidator, "handed over");

        vm.startPrank(validator);
        vm.expectRevert(_missingRole(VALIDATOR_ROLE, validator));
        network.proposeRoleTransfer(VALIDATOR_ROLE, validator);
        vm.stopPrank();
        vm.startPrank(newValidator);
        vm.expectRevert(_missingRole(FEDERATOR_ROLE, newValidator));
        network.proposeRoleTransfer(FEDERATOR_ROLE, newValidator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, validator);
        vm.expectRevert(_missingRole(FEDERATOR_ROLE, newValidator));
        network.cancelRoleTransfer(FEDERATOR_ROLE);
        network.cancelRoleTransfer(VALIDATOR_ROLE);
        vm.stopPrank();
        assertEq(network.pendingRoleHolder(VALIDATOR_ROLE), address(0), "cancelled by its holder");
    }

    function test_cancelRoleTransfer_revertsWhenNothingPending() public {
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.NoPendingRoleTransfer.selector, FEDERATOR_ROLE));
        vm.prank(federator);
        network.cancelRoleTransfer(FEDERATOR_ROLE);
    }

    function test_acceptRole_pendingProposalIsPerRole() public {
        address newValidator = makeAddr("newValidator");
        vm.prank(federator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, newValidator);
        vm.expectRevert(
            abi.encodeWithSelector(IPrimeNetwork.CallerNotPendingRoleHolder.selector, FEDERATOR_ROLE, newValidator)
        );
        vm.prank(newValidator);
        network.acceptRole(FEDERATOR_ROLE);
        assertEq(network.federator(), federator, "federator unchanged");
    }

    /// A validator handover proposed under the old federator does not outlive it.
    function test_acceptRole_newFederatorCancelsAPendingValidatorHandover() public {
        address newValidator = makeAddr("newValidator");
        address newFederator = makeAddr("newFederator");
        vm.startPrank(federator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, newValidator);
        network.proposeRoleTransfer(FEDERATOR_ROLE, newFederator);
        vm.stopPrank();

        vm.expectEmit(address(network));
        emit IPrimeNetwork.RoleTransferred(FEDERATOR_ROLE, federator, newFederator);
        vm.expectEmit(address(network));
        emit IPrimeNetwork.RoleTransferCancelled(VALIDATOR_ROLE, newValidator);
        vm.prank(newFederator);
        network.acceptRole(FEDERATOR_ROLE);

        assertEq(network.pendingRoleHolder(VALIDATOR_ROLE), address(0), "stale proposal gone");
        vm.expectRevert(
            abi.encodeWithSelector(IPrimeNetwork.CallerNotPendingRoleHolder.selector, VALIDATOR_ROLE, newValidator)
        );
        vm.prank(newValidator);
        network.acceptRole(VALIDATOR_ROLE);
        assertEq(network.validator(), validator, "validator unchanged");

        // The new federator can still make the same handover, deliberately.
        vm.prank(newFederator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, newValidator);
        vm.prank(newValidator);
        network.acceptRole(VALIDATOR_ROLE);
        assertEq(network.validator(), newValidator, "handed over by the new federator");
    }

    function test_acceptRole_worksOnce() public {
        address newValidator = makeAddr("newValidator");
        _handOver(VALIDATOR_ROLE, newValidator);
        _handOver(VALIDATOR_ROLE, validator);
        assertEq(network.validator(), validator, "handed back");
        vm.expectRevert(
            abi.encodeWithSelector(IPrimeNetwork.CallerNotPendingRoleHolder.selector, VALIDATOR_ROLE, newValidator)
        );
        vm.prank(newValidator);
        network.acceptRole(VALIDATOR_ROLE);
    }

    function test_proposeRoleTransfer_revertsOnZeroAddress() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        vm.prank(federator);
        network.proposeRoleTransfer(FEDERATOR_ROLE, address(0));
    }

    function test_proposeRoleTransfer_revertsForUnknownRole() public {
        bytes32 role = keccak256("MINTER_ROLE");
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetwork.UnknownRole.selector, role));
        vm.prank(federator);
        network.proposeRoleTransfer(role, stranger);
    }

    function test_proposeRoleTransfer_validatorCannotTakeTheFederatorRole() public {
        vm.expectRevert(_missingRole(FEDERATOR_ROLE, validator));
        vm.prank(validator);
        network.proposeRoleTransfer(FEDERATOR_ROLE, validator);
    }

    /* TREASURY */

    /// @dev Finding: a protocol contract as treasury strands slashed tokens (and, for the
    /// StakeManager itself, breaks balance == active + unbonding).
    function test_setTreasury_refusesProtocolContractsAndToken() public {
        address[7] memory refused = [
            address(network),
            address(stakeManager),
            address(registry),
            address(domains),
            address(pools),
            address(rewards),
            address(token)
        ];
        for (uint256 i; i < refused.length; ++i) {
            assertTrue(network.isProtocolContract(refused[i]), "a protocol contract");
            vm.expectRevert(abi.encodeWithSelector(IStakeManager.InvalidTreasury.selector, refused[i]));
            vm.prank(federator);
            network.setTreasury(refused[i]);
        }
        assertFalse(network.isProtocolContract(stranger), "an account is not");
        assertEq(stakeManager.treasury(), treasury, "unchanged");

        // What the attack needed: a slash now still reaches a real treasury.
        _registerProvider(provider, STAKE);
        vm.prank(validator);
        network.slash(provider, 1e18, _noEvictions());
        assertEq(token.balanceOf(treasury), 1e18, "treasury paid");
        assertEq(token.balanceOf(address(stakeManager)), STAKE - 1e18, "ledger intact");
    }

    /// @dev Finding 6: the treasury could be set to the shipped WorkUnitsValidation or BatchReader,
    /// where slashed tokens are stuck. Every contract the deployment ships is refused; another
    /// contract (a multisig, a splitter) is not.
    function test_setTreasury_refusesTheValidationLogicAndTheBatchReader() public {
        address reader = deployCode("BatchReader.sol:BatchReader");
        address[2] memory refused = [address(workValidation), reader];
        for (uint256 i; i < refused.length; ++i) {
            assertTrue(network.isProtocolContract(refused[i]), "shipped");
            vm.expectRevert(abi.encodeWithSelector(IStakeManager.InvalidTreasury.selector, refused[i]));
            vm.prank(federator);
            network.setTreasury(refused[i]);
        }
        // Another deployment's logic names another network: it is not this deployment's.
        Protocol memory other = _deployProtocol(address(this), _params(address(token)));
        assertFalse(network.isProtocolContract(address(other.workValidation)), "another deployment's logic");
        address multisig = address(new Vault());
        assertFalse(network.isProtocolContract(multisig), "a contract of the treasury's own");
        vm.prank(federator);
        network.setTreasury(multisig);
        assertEq(stakeManager.treasury(), multisig, "accepted");
    }

    /// @dev Finding 5: the sitting validator cancelled or overwrote the federator's proposal to
    /// replace it by front-running each accept. The federator's handover now stands.
    function test_validatorHandoverProposedByTheFederator_cannotBeCancelledOrReplacedByTheValidator() public {
        address successor = makeAddr("successor");
        vm.prank(federator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, successor);

        bytes memory locked =
            abi.encodeWithSelector(IPrimeNetwork.RoleTransferProposedByFederator.selector, VALIDATOR_ROLE, successor);
        vm.startPrank(validator);
        vm.expectRevert(locked);
        network.cancelRoleTransfer(VALIDATOR_ROLE);
        vm.expectRevert(locked);
        network.proposeRoleTransfer(VALIDATOR_ROLE, validator);
        vm.stopPrank();
        assertEq(network.pendingRoleHolder(VALIDATOR_ROLE), successor, "the federator's proposal stands");

        vm.prank(successor);
        network.acceptRole(VALIDATOR_ROLE);
        assertEq(network.validator(), successor, "replaced");

        // The new validator's own handover is its own again to change.
        vm.startPrank(successor);
        network.proposeRoleTransfer(VALIDATOR_ROLE, makeAddr("next"));
        network.cancelRoleTransfer(VALIDATOR_ROLE);
        vm.stopPrank();
        // And the federator may always replace or withdraw its own.
        vm.startPrank(federator);
        network.proposeRoleTransfer(VALIDATOR_ROLE, makeAddr("a"));
        network.proposeRoleTransfer(VALIDATOR_ROLE, makeAddr("b"));
        network.cancelRoleTransfer(VALIDATOR_ROLE);
        vm.stopPrank();
        vm.prank(successor);
        network.proposeRoleTransfer(VALIDATOR_ROLE, makeAddr("c"));
        assertEq(network.pendingRoleHolder(VALIDATOR_ROLE), makeAddr("c"), "free once the federator withdrew");
    }
}

/// @dev A contract that can hold tokens, as a multisig treasury would.
contract Vault {}
